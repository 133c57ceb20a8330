// biome-ignore assist/source/organizeImports: bundles keep this order, and each script's strings side by side compress better.
import type { Status } from '@balagh/core';
import { hi } from './hi.js';
import { ur } from './ur.js';
import { ar } from './ar.js';
import { id } from './id.js';
import { ms } from './ms.js';
import { en } from './en.js';

/** The languages the widget speaks; Arabic and Urdu are written right to left. */
export const widgetLanguages = ['ar', 'en', 'ur', 'hi', 'id', 'ms'] as const;

/** A language the widget speaks: one of {@link widgetLanguages}. */
export type WidgetLanguage = (typeof widgetLanguages)[number];

/**
 * The keys of the widget's messages, in the order each language file lists its strings. `{0}`
 * in a message stands for a value filled in by {@link formatString}: the accuracy in metres
 * (`located`), a date (`due`), the attempts left (`codeInvalid`).
 */
export const widgetMessageKeys = [
  'languageName',
  'language',
  'open',
  'close',
  'track',
  'category',
  'search',
  'noMatch',
  'loading',
  'retry',
  'description',
  'location',
  'locate',
  'located',
  'locationFailed',
  'landmark',
  'photo',
  'removePhoto',
  'phone',
  'phoneHint',
  'send',
  'needValue',
  'needLocation',
  'needPhone',
  'failed',
  'thanks',
  'number',
  'queued',
  'token',
  'check',
  'notFound',
  'status',
  'due',
  'fixed',
  'code',
  'confirm',
  'notFixed',
  'confirmed',
  'reopened',
  'codeInvalid',
  'codeMalformed',
  'codeLocked',
] as const;

/** The statuses named at the end of each language file, in this order. */
export const widgetStatusOrder = [
  'received',
  'assigned',
  'in_progress',
  'awaiting_info',
  'resolved',
  'closed',
  'rejected',
  'duplicate',
] as const satisfies readonly Status[];

// Fails to compile when core gains a status the widget cannot name.
const everyStatusNamed: Exclude<Status, (typeof widgetStatusOrder)[number]> extends never
  ? true
  : false = true;
void everyStatusNamed;

/** A key of {@link WidgetStrings} that holds a message (every key but `statuses`). */
export type WidgetMessageKey = (typeof widgetMessageKeys)[number];

/**
 * A language file: the messages in the order of {@link widgetMessageKeys}, then the statuses in
 * the order of {@link widgetStatusOrder}. Kept as a list, not an object, because the script-tag
 * bundle carries every language and the keys repeated six times would weigh about 1 KB gzipped;
 * each file writes it as one string a line, split when loaded, which spares the bundle the
 * quotes and commas of a list literal.
 */
export type WidgetStringValues = StringsFor<
  [...typeof widgetMessageKeys, ...typeof widgetStatusOrder]
>;

/** A tuple of strings as long as the tuple `Keys`, one per key. */
export type StringsFor<Keys extends readonly unknown[]> = {
  readonly [Index in keyof Keys]: string;
};

/** Everything the widget says, in one language. */
export type WidgetStrings = { readonly [Key in WidgetMessageKey]: string } & {
  /** A report's status as the reporter is told it. */
  readonly statuses: Readonly<Record<Status, string>>;
};

function toWidgetStrings(values: WidgetStringValues): WidgetStrings {
  const entries = (keys: readonly string[], offset: number) =>
    Object.fromEntries(keys.map((key, index) => [key, values[offset + index]]));
  return {
    ...entries(widgetMessageKeys, 0),
    statuses: entries(widgetStatusOrder, widgetMessageKeys.length),
  } as WidgetStrings;
}

/** The widget's strings in every language it speaks. */
export const widgetStrings: Readonly<Record<WidgetLanguage, WidgetStrings>> = {
  ar: /* @__PURE__ */ toWidgetStrings(ar),
  en: /* @__PURE__ */ toWidgetStrings(en),
  ur: /* @__PURE__ */ toWidgetStrings(ur),
  hi: /* @__PURE__ */ toWidgetStrings(hi),
  id: /* @__PURE__ */ toWidgetStrings(id),
  ms: /* @__PURE__ */ toWidgetStrings(ms),
};

/**
 * Where each message stands in a language file, in the order of {@link widgetMessageKeys};
 * `statuses` is where the statuses start. The element reads its strings by these indexes: a
 * bundler inlines them as numbers, so the script-tag build ships no key names.
 */
export enum WidgetMessage {
  languageName,
  language,
  open,
  close,
  track,
  category,
  search,
  noMatch,
  loading,
  retry,
  description,
  location,
  locate,
  located,
  locationFailed,
  landmark,
  photo,
  removePhoto,
  phone,
  phoneHint,
  send,
  needValue,
  needLocation,
  needPhone,
  failed,
  thanks,
  number,
  queued,
  token,
  check,
  notFound,
  status,
  due,
  fixed,
  code,
  confirm,
  notFixed,
  confirmed,
  reopened,
  codeInvalid,
  codeMalformed,
  codeLocked,
  statuses,
}

/** The language files as they are: lists in the order of {@link WidgetMessage}. */
export const widgetStringValues: Readonly<Record<WidgetLanguage, WidgetStringValues>> = {
  ar,
  en,
  ur,
  hi,
  id,
  ms,
};

/** A report's status as a language file names it. */
export function statusName(values: WidgetStringValues, status: Status): string {
  return values[WidgetMessage.statuses + widgetStatusOrder.indexOf(status)] ?? status;
}

/** Tells whether a value is a {@link WidgetLanguage}. */
export function isWidgetLanguage(value: unknown): value is WidgetLanguage {
  return (widgetLanguages as readonly unknown[]).includes(value);
}

/**
 * Fills the `{0}` of a widget message with a value.
 *
 * @example
 * ```ts
 * formatString(widgetStrings.en.codeInvalid, 3); // 'Wrong code. Attempts left: 3.'
 * ```
 */
export function formatString(template: string, value: string | number): string {
  return template.replace('{0}', String(value));
}
