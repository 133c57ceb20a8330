import type { ClosedHow } from '../schemas/status.js';
import type { MessageKind, MessageVariables } from './message-kinds.js';

/** Keys of `T` that may be left out. */
export type OptionalKeys<T> = {
  [P in keyof T]-?: Record<never, never> extends Pick<T, P> ? P : never;
}[keyof T];

/**
 * One piece of a message template. A string is always rendered; `{ when, text }` only when the
 * optional variable `when` is given (so no empty label is left behind); `{ select, cases }`
 * picks the text for the value of an enumerated variable. Texts hold `{variable}` placeholders.
 */
export type TemplatePart<K extends MessageKind> =
  | string
  | { readonly when: OptionalKeys<MessageVariables[K]>; readonly text: string }
  | (K extends 'closed'
      ? { readonly select: 'closedHow'; readonly cases: { readonly [H in ClosedHow]: string } }
      : never);

/** A message as a list of parts, concatenated in order. */
export type MessageTemplate<K extends MessageKind> = readonly TemplatePart<K>[];

/**
 * What a reporter is told in one language: for every message kind, a `long` form (WhatsApp, the
 * web) and a `short` form for SMS budgets (in Arabic, at most two UCS-2 segments with realistic
 * values and a 30-character tracking link).
 */
export type MessageCatalogue = {
  readonly [K in MessageKind]: {
    readonly long: MessageTemplate<K>;
    readonly short: MessageTemplate<K>;
  };
};
