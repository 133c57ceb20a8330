import {
  isBalaghError,
  isMessageKind,
  type Language,
  type MessageKind,
  type MessageVariables,
  type Notification,
  NotificationError,
  type NotificationReceipt,
  type Notifier,
  renderMessage,
  ValidationError,
} from '@balagh/core';
import type { SmsProvider } from '../provider/sms-provider.js';
import { countSegments } from '../segments/count-segments.js';
import type { SmsEncoding } from '../segments/layout-segments.js';

/** Segments a message may take when no budget is configured for its language. */
export const defaultSegmentBudget = 3;

/** Message kinds that ask the reporter for an answer, so must carry a tracking link. */
const kindsAskingForAnswer: ReadonlySet<MessageKind> = new Set(['awaiting_info', 'resolved']);

const e164Pattern = /^\+[1-9]\d{6,14}$/;

/** Something the SMS notifier wants an operator to know; it never names the recipient. */
export interface SmsNotifierWarning {
  /**
   * `over_budget`: even the short form exceeds the language's segment budget (it was sent
   * anyway: a reporter must get their number and closure code). `no_tracking_link`: a message
   * asking for an answer went out without a tracking link, so a reporter whose sender ID cannot
   * receive replies has no way to answer but an officer.
   */
  readonly code: 'over_budget' | 'no_tracking_link';
  readonly notificationId: string;
  readonly kind: MessageKind;
  readonly language: Language;
  readonly segments: number;
  readonly budget: number;
}

/** Options of {@link createSmsNotifier}. */
export interface SmsNotifierOptions {
  /** Who sends the messages. */
  readonly provider: SmsProvider;
  /** Sender ID or number for every message; default: the provider's own. */
  readonly senderId?: string;
  /**
   * Segments a message may take, per language; default {@link defaultSegmentBudget} (3). The
   * long form is sent when it fits, else the short form.
   */
  readonly segmentBudget?: Partial<Record<Language, number>>;
  /**
   * Public tracking page, such as `https://balagh.example.org/track`: when a notification has no
   * `trackingUrl` variable, one is made as `${trackingUrlBase}/${number}`, with
   * `?token=${trackingToken}` when the notification has a `trackingToken` variable.
   */
  readonly trackingUrlBase?: string;
  /** IANA time zone of dates in messages; default `Asia/Riyadh` (core's default). */
  readonly timeZone?: string;
  /** Receives {@link SmsNotifierWarning}s; they hold no phone number, so they may be logged. */
  readonly onWarning?: (warning: SmsNotifierWarning) => void;
}

/** An SMS as the notifier would send it. */
export interface RenderedSms {
  readonly body: string;
  /** Which form of the catalogue message was chosen. */
  readonly form: 'long' | 'short';
  readonly encoding: SmsEncoding;
  readonly segments: number;
  /** The language's segment budget. */
  readonly budget: number;
  /** True when even the short form exceeds the budget. */
  readonly overBudget: boolean;
  /** Whether the message carries a tracking link. */
  readonly hasTrackingLink: boolean;
}

/** What {@link SmsNotifier.send} answers: core's receipt plus what was sent. */
export interface SmsNotificationReceipt extends NotificationReceipt {
  readonly providerMessageId: string;
  readonly form: 'long' | 'short';
  readonly encoding: SmsEncoding;
  readonly segments: number;
  readonly overBudget: boolean;
}

/** Core's `Notifier` over SMS, with a preview of what it would send. */
export interface SmsNotifier extends Notifier {
  send(
    notification: Notification,
    options?: { signal?: AbortSignal },
  ): Promise<SmsNotificationReceipt>;
  /**
   * Renders a notification as it would be sent, without sending it.
   *
   * @throws `NotificationError` (not retryable) when it cannot be rendered.
   */
  render(notification: Notification): RenderedSms;
}

function isNotificationError(error: unknown): error is NotificationError {
  return (
    isBalaghError(error, 'PROVIDER_ERROR') &&
    typeof (error as { retryable?: unknown }).retryable === 'boolean'
  );
}

/**
 * Creates core's `Notifier` for SMS: renders the notification from core's message catalogue
 * (`renderMessage`) in the reporter's language — the long form when it fits the language's
 * segment budget (default 3), else the short form, and the short form anyway when even that
 * does not fit (the receipt's `overBudget` and an `over_budget` warning say so: a reporter must
 * get their report number and closure code) — and sends it with the notification's
 * `idempotencyKey`, so a provider that honours it delivers a retried notification once.
 *
 * Messages that ask for an answer (`awaiting_info`, `resolved`) always carry the tracking link
 * when one is known (`trackingUrl`, or {@link SmsNotifierOptions.trackingUrlBase}): Saudi
 * alphanumeric sender IDs cannot receive replies, so the link is the reporter's way back.
 * `canDeliver` needs an E.164 phone and a reporter message kind (staff escalations are not
 * sent by SMS). The notifier never logs; phone numbers appear in no error or warning.
 *
 * @throws `ValidationError` from the factory when a segment budget is not a positive integer.
 * @example
 * ```ts
 * const notifier = createSmsNotifier({
 *   provider: createUnifonicProvider({ appSid, senderId: 'Makkah-Amanah', webhookSecret }),
 *   segmentBudget: { ar: 3, en: 2 },
 *   trackingUrlBase: 'https://balagh.example.org/track',
 *   onWarning: (warning) => logger.warn(warning, 'SMS notifier warning'),
 * });
 * ```
 */
export function createSmsNotifier(options: SmsNotifierOptions): SmsNotifier {
  const budgets = options.segmentBudget ?? {};
  const issues = Object.entries(budgets)
    .filter(([, budget]) => !Number.isInteger(budget) || (budget ?? 0) < 1)
    .map(([language]) => ({
      path: `segmentBudget.${language}`,
      code: 'too_small',
      message: 'must be a positive integer',
    }));
  if (issues.length > 0) throw new ValidationError('Invalid SMS segment budget.', issues);
  const base = options.trackingUrlBase?.replace(/\/+$/, '');

  function variablesOf(notification: Notification): Record<string, string> {
    const variables: Record<string, string> = { ...notification.variables };
    if (variables.number === undefined || variables.number === '')
      variables.number = notification.reportNumber;
    if (
      (variables.trackingUrl === undefined || variables.trackingUrl === '') &&
      base !== undefined
    ) {
      const token = variables.trackingToken;
      variables.trackingUrl =
        `${base}/${encodeURIComponent(variables.number)}` +
        (token === undefined || token === '' ? '' : `?token=${encodeURIComponent(token)}`);
    }
    return variables;
  }

  function renderForm(
    kind: MessageKind,
    notification: Notification,
    form: 'long' | 'short',
  ): string {
    try {
      return renderMessage(
        kind,
        notification.language,
        variablesOf(notification) as unknown as MessageVariables[typeof kind],
        { form, ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }) },
      );
    } catch (error) {
      throw new NotificationError(
        `The ${kind} SMS could not be rendered: ${(error as Error).message}`,
        {
          retryable: false,
          cause: error,
          details: { reason: 'render', kind },
        },
      );
    }
  }

  function render(notification: Notification): RenderedSms {
    const kind = notification.kind;
    if (!isMessageKind(kind)) {
      throw new NotificationError(`There is no SMS for ${kind} notifications.`, {
        retryable: false,
        details: { reason: 'unsupported_kind', kind },
      });
    }
    const budget = budgets[notification.language] ?? defaultSegmentBudget;
    const hasTrackingLink = variablesOf(notification).trackingUrl !== undefined;
    const long = renderForm(kind, notification, 'long');
    const longCount = countSegments(long);
    if (longCount.segments <= budget) {
      return {
        body: long,
        form: 'long',
        encoding: longCount.encoding,
        segments: longCount.segments,
        budget,
        overBudget: false,
        hasTrackingLink,
      };
    }
    const short = renderForm(kind, notification, 'short');
    const shortCount = countSegments(short);
    return {
      body: short,
      form: 'short',
      encoding: shortCount.encoding,
      segments: shortCount.segments,
      budget,
      overBudget: shortCount.segments > budget,
      hasTrackingLink,
    };
  }

  return {
    canDeliver(notification) {
      const phone = notification.recipient.phone;
      return (
        isMessageKind(notification.kind) && typeof phone === 'string' && e164Pattern.test(phone)
      );
    },

    render,

    async send(notification, sendOptions = {}) {
      const phone = notification.recipient.phone;
      if (typeof phone !== 'string' || !e164Pattern.test(phone)) {
        throw new NotificationError(
          'This notification has no E.164 phone number to send an SMS to.',
          {
            retryable: false,
            details: { reason: 'no_phone', notificationId: notification.id },
          },
        );
      }
      const rendered = render(notification);
      const kind = notification.kind as MessageKind;
      const warn = (code: SmsNotifierWarning['code']) =>
        options.onWarning?.({
          code,
          notificationId: notification.id,
          kind,
          language: notification.language,
          segments: rendered.segments,
          budget: rendered.budget,
        });
      if (rendered.overBudget) warn('over_budget');
      if (kindsAskingForAnswer.has(kind) && !rendered.hasTrackingLink) warn('no_tracking_link');

      let result: Awaited<ReturnType<SmsProvider['send']>>;
      try {
        result = await options.provider.send(
          {
            to: phone,
            body: rendered.body,
            idempotencyKey: notification.idempotencyKey,
            ...(options.senderId === undefined ? {} : { senderId: options.senderId }),
          },
          sendOptions.signal === undefined ? {} : { signal: sendOptions.signal },
        );
      } catch (error) {
        if (isNotificationError(error)) throw error;
        throw new NotificationError(`The ${options.provider.name} SMS provider failed.`, {
          retryable: true,
          cause: error,
          details: { provider: options.provider.name, reason: 'unexpected' },
        });
      }
      return {
        providerMessageId: result.providerMessageId,
        deliveredVia: `sms:${options.provider.name}`,
        form: rendered.form,
        encoding: rendered.encoding,
        segments: result.segments ?? rendered.segments,
        overBudget: rendered.overBudget,
      };
    },
  };
}
