import type { Instant } from '../lifecycle/parse-instant.js';
import type { ClosedHow } from '../schemas/status.js';

/**
 * Every kind of message Balagh sends a reporter: their report was received, more information is
 * needed, it was resolved (with the closure code), it was closed, reopened, or linked to a
 * report of the same problem.
 */
export const messageKinds = [
  'received',
  'awaiting_info',
  'resolved',
  'closed',
  'reopened',
  'duplicate_linked',
] as const;

/** One of {@link messageKinds}. */
export type MessageKind = (typeof messageKinds)[number];

/** Tells whether a value is a {@link MessageKind}. */
export function isMessageKind(value: unknown): value is MessageKind {
  return typeof value === 'string' && (messageKinds as readonly string[]).includes(value);
}

/**
 * The variables each message kind is rendered with. Report numbers and closure codes are given
 * as printed (`1448-000123-7`, `482 915-1`) and always rendered in ASCII digits, because people
 * type them back.
 */
export interface MessageVariables {
  readonly received: {
    /** The report number, `1448-000123-7`. */
    readonly number: string;
    /** Link where the reporter follows the report. */
    readonly trackingUrl?: string;
    /** When the municipality aims to have it resolved. */
    readonly dueAt?: Instant;
  };
  readonly awaiting_info: {
    readonly number: string;
    /** What the reporter is asked, written by staff in the reporter's language. */
    readonly question?: string;
    readonly trackingUrl?: string;
  };
  readonly resolved: {
    readonly number: string;
    /** The closure code as printed, `482 915-1`. */
    readonly closureCode: string;
    readonly trackingUrl?: string;
  };
  readonly closed: {
    readonly number: string;
    /** Whether the reporter confirmed with the closure code or did not answer in time. */
    readonly closedHow: ClosedHow;
  };
  readonly reopened: {
    readonly number: string;
    readonly trackingUrl?: string;
  };
  readonly duplicate_linked: {
    readonly number: string;
    /** Number of the report this one was linked to. */
    readonly masterNumber: string;
    readonly trackingUrl?: string;
  };
}

/** The variables a message kind cannot be rendered without, checked at run time. */
export const requiredMessageVariables = {
  received: ['number'],
  awaiting_info: ['number'],
  resolved: ['number', 'closureCode'],
  closed: ['number', 'closedHow'],
  reopened: ['number'],
  duplicate_linked: ['number', 'masterNumber'],
} as const satisfies { readonly [K in MessageKind]: readonly (keyof MessageVariables[K])[] };
