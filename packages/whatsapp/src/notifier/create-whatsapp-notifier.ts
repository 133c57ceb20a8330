import {
  BalaghError,
  formatReportDate,
  isLanguage,
  type Language,
  type MessageKind,
  type MessageVariables,
  type Notification,
  NotificationError,
  type NotificationKind,
  type NotificationReceipt,
  type Notifier,
  renderMessage,
} from '@balagh/core';
import type { TemplateParameter } from '../outgoing/outgoing-message.js';
import { graphErrorCodeOf, unreachableCodes } from '../send/graph-api-failure.js';
import type { WhatsAppMessageSender, WhatsAppRecipient } from '../send/whatsapp-sender.js';
import type { CustomerServiceWindowStore } from '../stores/conversation-store.js';
import { customerServiceWindowMs } from '../stores/create-window-store.js';

/**
 * An approved WhatsApp template that carries one kind of notification outside the
 * customer-service window. Register it in WhatsApp Manager under `name`, with one translation
 * per language, whose body takes the notification's variables in the order of `parameters`.
 */
export interface WhatsAppTemplateMapping {
  /** The template's name, such as `balagh_report_resolved`. */
  readonly name: string;
  /**
   * The translation's language code per Balagh language, where it is not the language itself
   * (`{ en: 'en_US' }`). Default: `ar`, `en`, `ur`, `hi`, `id`, `ms`.
   */
  readonly languageCodes?: Partial<Record<Language, string>>;
  /**
   * The notification variables filling the body's parameters, in order: `number`,
   * `closureCode`, `trackingUrl`, `dueAt` (printed as a Hijri and Gregorian date), `masterNumber`,
   * `question`, `closedHow` (`confirmed` or `unconfirmed`). A variable the notification lacks
   * is sent as `-`, since WhatsApp refuses empty parameters.
   */
  readonly parameters: readonly string[];
  /** `named` for a template registered with named parameters (`{{number}}`); default `positional`. */
  readonly parameterFormat?: 'positional' | 'named';
}

/** Options of {@link createWhatsAppNotifier}. */
export interface WhatsAppNotifierOptions {
  /** Sends the messages (`createWhatsAppSender`). */
  readonly sender: WhatsAppMessageSender;
  /** The approved template for each kind of notification, used outside the customer-service window. */
  readonly templates: Partial<Record<NotificationKind, WhatsAppTemplateMapping>>;
  /**
   * Where a notification goes when WhatsApp cannot carry it (the reporter is not on WhatsApp,
   * or the window is closed and there is no template): typically `@balagh/sms`'s notifier,
   * tried only when the recipient has a phone number.
   */
  readonly fallback?: Notifier;
  /**
   * Tells when each reporter last wrote (the webhook handler records it). Without it the window
   * counts as closed, and only templates are sent.
   */
  readonly windowStore?: CustomerServiceWindowStore;
  /** Current time in epoch milliseconds; default `Date.now`. */
  readonly clock?: () => number;
  /** IANA time zone of the dates in messages; default `Asia/Riyadh`. */
  readonly timeZone?: string;
  /**
   * Notification kinds the WhatsApp conversation already told a reporter whose report came by
   * WhatsApp, acknowledged without sending again. Default `['received']`: the conversation
   * answers the report number itself.
   */
  readonly answeredInConversation?: readonly NotificationKind[];
}

/** The languages whose WhatsApp template language code is the language itself. */
const defaultLanguageCode = (language: Language) => language;

function recipientOf(notification: Notification): WhatsAppRecipient | undefined {
  const { phone, whatsappUserId } = notification.recipient;
  if (whatsappUserId === undefined || whatsappUserId === '') return undefined;
  // A wa_id is the phone's digits; anything else is a business-scoped user id (`SA.1234…`).
  const isWaId = /^\d{6,15}$/.test(whatsappUserId);
  return {
    ...(phone !== undefined ? { phone } : isWaId ? { phone: whatsappUserId } : {}),
    ...(isWaId ? {} : { userId: whatsappUserId }),
  };
}

function parameterValue(
  name: string,
  notification: Notification,
  timeZone: string | undefined,
): string {
  const raw = notification.variables[name]?.trim() ?? '';
  if (raw === '') return '-';
  if (name === 'dueAt' && isLanguage(notification.language)) {
    try {
      return formatReportDate(
        raw,
        notification.language,
        timeZone === undefined ? {} : { timeZone },
      );
    } catch {
      return raw;
    }
  }
  // WhatsApp refuses new lines, tabs and long runs of spaces inside a parameter.
  return raw.replace(/[\n\t]+/g, ' ').replace(/ {4,}/g, '   ');
}

/**
 * Creates core's `Notifier` for WhatsApp: it tells reporters who wrote on WhatsApp of their
 * report's news (received, awaiting information, resolved with the closure code, closed,
 * reopened, linked). Inside WhatsApp's 24-hour customer-service window (the reporter wrote in
 * the last day, as the `windowStore` knows) it sends the catalogue's long text rendered with
 * core's `renderMessage`; outside it, the approved template mapped to the notification's kind.
 * When WhatsApp cannot reach the reporter — not on WhatsApp (131026), the window closed
 * (131047) with no template, no WhatsApp id at all — it hands the notification to `fallback`
 * (SMS) when the recipient has a phone number; a reporter known only by a business-scoped id
 * has none. A closed window answered by 131047 although the store thought it open is retried
 * once with the template.
 *
 * @throws `NotificationError` from `send`: retryable for rate limits and outages, permanent when
 * neither WhatsApp nor the fallback can carry the notification.
 * @example
 * ```ts
 * const notifier = createWhatsAppNotifier({
 *   sender,
 *   windowStore,
 *   fallback: smsNotifier,
 *   templates: {
 *     resolved: { name: 'balagh_report_resolved', parameters: ['number', 'closureCode'] },
 *     closed: { name: 'balagh_report_closed', parameters: ['number'] },
 *   },
 * });
 * ```
 */
export function createWhatsAppNotifier(options: WhatsAppNotifierOptions): Notifier {
  const clock = options.clock ?? Date.now;
  const answered = new Set<NotificationKind>(options.answeredInConversation ?? ['received']);
  const renderOptions = options.timeZone === undefined ? {} : { timeZone: options.timeZone };

  function canUseWhatsApp(notification: Notification): boolean {
    return notification.kind !== 'escalation' && recipientOf(notification) !== undefined;
  }

  function canFallBack(notification: Notification): boolean {
    const fallback = options.fallback;
    return (
      fallback !== undefined &&
      notification.recipient.phone !== undefined &&
      notification.recipient.phone !== '' &&
      fallback.canDeliver(notification)
    );
  }

  async function fallBack(
    notification: Notification,
    reason: string,
    cause: unknown,
    signal?: AbortSignal,
  ) {
    if (canFallBack(notification)) {
      return options.fallback!.send(notification, signal === undefined ? {} : { signal });
    }
    if (cause instanceof NotificationError) throw cause;
    throw new NotificationError(`The reporter cannot be reached on WhatsApp: ${reason}.`, {
      retryable: false,
      ...(cause === undefined ? {} : { cause }),
      details: { reason },
    });
  }

  async function insideWindow(notification: Notification): Promise<boolean> {
    const userId = notification.recipient.whatsappUserId;
    if (options.windowStore === undefined || userId === undefined) return false;
    const last = await options.windowStore.lastInboundAt(userId);
    return last !== undefined && clock() - last < customerServiceWindowMs;
  }

  function templateMessage(notification: Notification) {
    const mapping = options.templates[notification.kind];
    if (mapping === undefined) return undefined;
    const language = notification.language as Language;
    const named = mapping.parameterFormat === 'named';
    const bodyParameters: TemplateParameter[] = mapping.parameters.map((name) => ({
      text: parameterValue(name, notification, options.timeZone),
      ...(named ? { name } : {}),
    }));
    return {
      type: 'template' as const,
      name: mapping.name,
      languageCode: mapping.languageCodes?.[language] ?? defaultLanguageCode(language),
      bodyParameters,
    };
  }

  function textMessage(notification: Notification) {
    if (!isLanguage(notification.language)) {
      throw new NotificationError(`There are no messages in ${notification.language}.`, {
        retryable: false,
      });
    }
    try {
      const body = renderMessage(
        notification.kind as MessageKind,
        notification.language,
        notification.variables as unknown as MessageVariables[MessageKind],
        renderOptions,
      );
      return { type: 'text' as const, body };
    } catch (error) {
      throw new NotificationError('The notification could not be rendered.', {
        retryable: false,
        cause: error,
        ...(error instanceof BalaghError ? { details: { renderCode: error.code } } : {}),
      });
    }
  }

  return {
    canDeliver(notification) {
      return canUseWhatsApp(notification) || canFallBack(notification);
    },

    async send(notification, sendOptions = {}): Promise<NotificationReceipt> {
      const { signal } = sendOptions;
      const withSignal = signal === undefined ? {} : { signal };
      const recipient = recipientOf(notification);
      if (notification.kind === 'escalation' || recipient === undefined) {
        return fallBack(notification, 'no WhatsApp id', undefined, signal);
      }
      if (answered.has(notification.kind) && notification.channel === 'whatsapp') {
        return { deliveredVia: 'whatsapp:conversation' };
      }

      const open = await insideWindow(notification);
      const template = templateMessage(notification);
      if (!open && template === undefined) {
        return fallBack(
          notification,
          'outside the customer-service window and no template',
          undefined,
          signal,
        );
      }
      try {
        const result = await options.sender.send(
          recipient,
          open ? textMessage(notification) : template!,
          withSignal,
        );
        return {
          providerMessageId: result.messageId,
          deliveredVia: open ? 'whatsapp' : 'whatsapp:template',
        };
      } catch (error) {
        const code = graphErrorCodeOf(error);
        if (code === undefined || !unreachableCodes.has(code)) throw error;
        if (open && code === 131047 && template !== undefined) {
          try {
            const result = await options.sender.send(recipient, template, withSignal);
            return { providerMessageId: result.messageId, deliveredVia: 'whatsapp:template' };
          } catch (templateError) {
            const templateCode = graphErrorCodeOf(templateError);
            if (templateCode === undefined || !unreachableCodes.has(templateCode))
              throw templateError;
            return fallBack(notification, `WhatsApp error ${templateCode}`, templateError, signal);
          }
        }
        return fallBack(notification, `WhatsApp error ${code}`, error, signal);
      }
    },
  };
}
