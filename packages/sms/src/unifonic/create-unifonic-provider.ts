import { acceptedSendResult } from '../provider/accepted-send-result.js';
import { asRecord } from '../provider/as-record.js';
import { callProvider } from '../provider/call-provider.js';
import type { RefusalRule } from '../provider/classify-refusal.js';
import { createDeliveryReportParser } from '../provider/create-delivery-report-parser.js';
import { providerRefusal } from '../provider/provider-failure.js';
import { providerUrl } from '../provider/provider-url.js';
import { refusedAnswer } from '../provider/refused-answer.js';
import { requireOptions } from '../provider/require-options.js';
import type { DeliveryStatus, SmsProvider } from '../provider/sms-provider.js';

/** Options of {@link createUnifonicProvider}. */
export interface UnifonicProviderOptions {
  /** The application's `AppSid` from Unifonic Cloud (Developer → Applications). Secret. */
  readonly appSid: string;
  /**
   * The registered sender ID (an alphanumeric name approved for Saudi traffic, such as
   * `Makkah-Amanah`); without it Unifonic uses the account's default sender.
   */
  readonly senderId?: string;
  /**
   * Message classification for Saudi traffic (`MessageType`: 1 warning, government entities
   * only; 3 services; 6 awareness); not sent when absent.
   */
  readonly messageType?: number;
  /**
   * Shared secret expected with delivery reports, as `?token=` in the webhook URL configured at
   * Unifonic or an `X-Balagh-Webhook-Token` header: Unifonic does not sign its webhooks.
   * Without it every delivery report is refused.
   */
  readonly webhookSecret?: string;
  /** API origin; default `https://el.cloud.unifonic.com`. */
  readonly baseUrl?: string;
  /**
   * UTC offset of the times in delivery reports, which Unifonic writes without a zone in the
   * account's time zone; default `+03:00` (Saudi Arabia, no daylight saving).
   */
  readonly reportTimeOffset?: string;
  /** Milliseconds before a send is given up as timed out; default 10 000. */
  readonly timeoutMs?: number;
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: typeof fetch;
  /** Current time in epoch milliseconds; default `Date.now`. */
  readonly clock?: () => number;
}

const provider = 'unifonic';
const label = 'Unifonic';

/**
 * Why Unifonic refuses a message and whether to retry, first match first; other refusals are
 * classified by HTTP status (5xx retry, other 4xx not, and a `success: false` answered with
 * HTTP 200 and an unknown code is not retried either: the same request would fail again).
 */
const refusalRules: readonly RefusalRule[] = [
  // Unifonic's own HTTP statuses (docs.unifonic.com, "HTTP status codes") and its ER- codes
  // (docs.unifonic.com, "Understanding reasons of SMS non-delivery").
  { reason: 'authentication', retryable: false, statuses: [401, 402, 403, 459] },
  { reason: 'throttled', retryable: true, statuses: [429] },
  // No balance: a top-up lets the outbox's next attempt through.
  { reason: 'insufficient_balance', retryable: true, codes: ['ER-01'] },
  {
    reason: 'invalid_number',
    retryable: false,
    codes: ['ER-02', 'ER-03', 'ER-04', 'ER-05'],
    statuses: [410, 422, 481, 482, 483],
  },
  { reason: 'blocked', retryable: false, codes: ['ER-07', 'ER-08'], statuses: [480] },
  { reason: 'duplicate', retryable: false, codes: ['ER-09'], statuses: [409] },
];

const statusByUnifonicStatus: Readonly<Record<string, DeliveryStatus>> = {
  queued: 'queued',
  scheduled: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  undeliverable: 'undelivered',
  undelivered: 'undelivered',
  expired: 'undelivered',
  rejected: 'failed',
  failed: 'failed',
};

/**
 * Creates the Unifonic adapter (a Saudi provider) on its REST SMS API:
 * `POST https://el.cloud.unifonic.com/rest/SMS/messages`, form-encoded, with `AppSid`,
 * `SenderID`, `Recipient` (international digits without `+` or `00`), `Body`,
 * `responseType=JSON` and `CorrelationID` set to the notification's idempotency key; the
 * answer's `data.MessageID` is the provider message id. Delivery reports (DLR webhook, enabled
 * per account by Unifonic) carry `MessageID`, `DLR` (`Delivered` or `Undeliverable`),
 * `Recipient` and times; they are read from a form or JSON body and checked with a shared
 * secret ({@link UnifonicProviderOptions.webhookSecret}).
 *
 * Uncertain, from Unifonic's public documentation (2022–2026): whether `CorrelationID` makes a
 * retried send idempotent (Unifonic documents it as an identifier attached to the message, and
 * separately a `409 This message is duplicate` / `ER-09 Duplicated message` refusal, which is
 * treated as permanent); the exact encoding of DLR webhook calls (the documented field names are
 * read in either case); and whether a refusal comes with HTTP 200 and `success: false` or with
 * Unifonic's own 4xx statuses (both are handled). Unifonic's alphanumeric senders cannot receive
 * replies, so this adapter has no `parseInbound`.
 *
 * Retryable: network errors, timeouts, HTTP 429 and 5xx, and `ER-01` (no balance: a top-up fixes
 * it while the outbox keeps retrying). Permanent: invalid numbers (`ER-02`…`ER-05`, HTTP 410,
 * 481–483), filtered content or an unregistered sender (`ER-07`, `ER-08`, HTTP 480) and
 * authentication failures (HTTP 401–403, 459).
 *
 * @throws `ValidationError` when `appSid` is missing.
 * @example
 * ```ts
 * const provider = createUnifonicProvider({
 *   appSid: process.env.UNIFONIC_APP_SID!,
 *   senderId: 'Makkah-Amanah',
 *   webhookSecret: process.env.SMS_WEBHOOK_SECRET!,
 * });
 * ```
 */
export function createUnifonicProvider(options: UnifonicProviderOptions): SmsProvider {
  requireOptions(label, { appSid: options.appSid });
  const endpoint = providerUrl(
    options.baseUrl,
    'https://el.cloud.unifonic.com',
    '/rest/SMS/messages',
  );
  const clock = options.clock ?? Date.now;

  return {
    name: provider,

    async send(message, sendOptions = {}) {
      const form = new URLSearchParams({
        AppSid: options.appSid,
        Recipient: message.to.replace(/^\+/, ''),
        Body: message.body,
        responseType: 'JSON',
        CorrelationID: message.idempotencyKey,
      });
      const sender = message.senderId ?? options.senderId;
      if (sender !== undefined && sender !== '') form.set('SenderID', sender);
      if (options.messageType !== undefined) form.set('MessageType', String(options.messageType));

      const answer = await callProvider({
        provider,
        url: endpoint,
        body: form,
        headers: { accept: 'application/json' },
        timeoutMs: options.timeoutMs,
        signal: sendOptions.signal,
        fetch: options.fetch,
      });
      const body = asRecord(answer.body);
      const data = asRecord(body.data);
      const accepted = body.success === true || body.success === 'true';
      const errorCode = typeof body.errorCode === 'string' ? body.errorCode : undefined;
      const messageStatus = typeof data.Status === 'string' ? data.Status.toLowerCase() : undefined;

      if (answer.status >= 200 && answer.status < 300 && accepted && messageStatus !== 'rejected') {
        const result = acceptedSendResult({
          provider,
          label,
          status: answer.status,
          messageId: data.MessageID,
          messageIdName: 'MessageID',
          segments: data.NumberOfUnits,
        });
        if (messageStatus === 'failed') {
          throw providerRefusal({
            provider,
            status: answer.status,
            description: 'the message failed',
            retryable: true,
          });
        }
        return result;
      }
      throw refusedAnswer({
        provider,
        answer,
        // ER-00 is Unifonic's "no error".
        providerCode: errorCode === 'ER-00' ? undefined : errorCode,
        rules: refusalRules,
        now: clock(),
      });
    },

    parseDeliveryReceipt: createDeliveryReportParser({
      provider,
      label,
      fields: {
        messageId: ['MessageID', 'messageId', 'message_id'],
        status: ['DLR', 'Status', 'status', 'dlr'],
        errorCode: ['ErrorCode', 'errorCode', 'error_code'],
        time: ['DLRTimestamp', 'SCTS', 'timestamp', 'TimeCreated'],
      },
      statuses: statusByUnifonicStatus,
      statusPath: 'DLR',
      webhookSecret: options.webhookSecret,
      reportTimeOffset: options.reportTimeOffset,
      clock,
    }),
  };
}
