import type { Language } from '../schemas/language.js';

/** What a reporter is notified of: a message kind of the catalogue, or a staff escalation. */
export type NotificationKind =
  | 'received'
  | 'awaiting_info'
  | 'resolved'
  | 'closed'
  | 'reopened'
  | 'duplicate_linked'
  | 'escalation';

/** Where a notification goes. At least one of the fields is set. */
export interface NotificationRecipient {
  /** E.164 phone number, for SMS (and WhatsApp when it is the reporter's `wa_id`). */
  readonly phone?: string;
  /** WhatsApp user id (a `wa_id` or business-scoped id). */
  readonly whatsappUserId?: string;
  /** Staff destination of an escalation, such as a department code. */
  readonly departmentCode?: string;
}

/**
 * One notification taken from the outbox. The `variables` are those of the message kind
 * (`renderMessage` in core renders them); `idempotencyKey` is stable across retries so a
 * provider that honours it never delivers twice.
 */
export interface Notification {
  /** Outbox row id. */
  readonly id: string;
  /** Stable across retries of the same notification. */
  readonly idempotencyKey: string;
  readonly kind: NotificationKind;
  readonly reportId: string;
  readonly reportNumber: string;
  readonly language: Language;
  /** The channel the report came from; notifiers may prefer it. */
  readonly channel: string;
  readonly recipient: NotificationRecipient;
  /** Values for the message template: number, trackingUrl, closureCode, dueAt, ... */
  readonly variables: Readonly<Record<string, string>>;
  /** How many times delivery was tried before this attempt. */
  readonly attempt: number;
}

/** What a notifier answers when a notification was accepted for delivery. */
export interface NotificationReceipt {
  /** Provider's message id, for delivery receipts. */
  readonly providerMessageId?: string;
  /** Name of the channel/provider that took it (`sms:twilio`, `whatsapp`, `local-file`). */
  readonly deliveredVia: string;
}

/**
 * Delivers notifications to reporters (and escalations to staff). Implemented by the local file
 * notifier (server), SMS providers (`@balagh/sms`) and WhatsApp (`@balagh/whatsapp`).
 *
 * Throw a `NotificationError` (from core) to say whether a failure is worth retrying: the
 * outbox retries only retryable failures, with backoff, and marks the others dead at once.
 */
export interface Notifier {
  /** Tells whether this notifier can reach the recipient at all (e.g. SMS needs a phone). */
  canDeliver(notification: Notification): boolean;
  /** Sends one notification. */
  send(
    notification: Notification,
    options?: { signal?: AbortSignal },
  ): Promise<NotificationReceipt>;
}
