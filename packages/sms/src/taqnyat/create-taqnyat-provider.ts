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

/** Options of {@link createTaqnyatProvider}. */
export interface TaqnyatProviderOptions {
  /** Bearer token generated in the Taqnyat dashboard (Developer → Application). Secret. */
  readonly bearerToken: string;
  /** The activated sender name (alphanumeric, registered for Saudi traffic). */
  readonly sender: string;
  /**
   * Shared secret expected with delivery reports, as `?token=` in the configured webhook URL or
   * an `X-Balagh-Webhook-Token` header. Without it every delivery report is refused.
   */
  readonly webhookSecret?: string;
  /** API origin; default `https://api.taqnyat.sa`. */
  readonly baseUrl?: string;
  /** UTC offset of zoneless times in delivery reports; default `+03:00`. */
  readonly reportTimeOffset?: string;
  /** Milliseconds before a send is given up as timed out; default 10 000. */
  readonly timeoutMs?: number;
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: typeof fetch;
  /** Current time in epoch milliseconds; default `Date.now`. */
  readonly clock?: () => number;
}

const provider = 'taqnyat';
const label = 'Taqnyat';

/** Why Taqnyat refuses a message; other refusals are classified by status (5xx retry, 4xx not). */
const refusalRules: readonly RefusalRule[] = [
  { reason: 'authentication', retryable: false, statuses: [401, 403] },
  { reason: 'throttled', retryable: true, statuses: [429] },
];

const statusByTaqnyatStatus: Readonly<Record<string, DeliveryStatus>> = {
  queued: 'queued',
  pending: 'queued',
  accepted: 'queued',
  sent: 'sent',
  submitted: 'sent',
  delivered: 'delivered',
  delivrd: 'delivered',
  undelivered: 'undelivered',
  undeliv: 'undelivered',
  expired: 'undelivered',
  failed: 'failed',
  rejected: 'failed',
  rejectd: 'failed',
};

/** Reads Taqnyat's `"[966500000000,]"` lists (a string, not JSON) as digit strings. */
function numberList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  return value.match(/\d+/g) ?? [];
}

/**
 * Creates the Taqnyat adapter (a Saudi provider): `POST https://api.taqnyat.sa/v1/messages`
 * with `Authorization: Bearer <token>` and a JSON body `{ recipients, body, sender }`, the
 * recipient as international digits without `+` or `00`. Taqnyat answers
 * `201 { statusCode, messageId, cost, currency, totalCount, msgLength, accepted, rejected }`;
 * a number listed in `rejected` is a permanent failure.
 *
 * Uncertain, since Taqnyat's public documentation (dev.taqnyat.sa) says little beyond the send
 * call: `msgLength` is read as the number of segments billed (it is 1 for a short text in
 * Taqnyat's examples); Taqnyat has no idempotency key, so a send that timed out after Taqnyat
 * took it can be delivered twice when the outbox retries; Taqnyat documents no delivery-report
 * webhook payload, so {@link SmsProvider.parseDeliveryReceipt} reads the usual spellings
 * (`messageId`/`msgId`, `status`/`dlr`, `errorCode`, `timestamp`, JSON or form, one report or an
 * array) and is guarded by a shared secret since Taqnyat signs nothing. Taqnyat's alphanumeric
 * senders cannot receive replies, so this adapter has no `parseInbound`.
 *
 * Retryable: network errors, timeouts, HTTP 429 and 5xx. Permanent: authentication (401, 403),
 * other 4xx, and rejected numbers.
 *
 * @throws `ValidationError` when the bearer token or sender is missing.
 * @example
 * ```ts
 * const provider = createTaqnyatProvider({
 *   bearerToken: process.env.TAQNYAT_TOKEN!,
 *   sender: 'Makkah-Amanah',
 *   webhookSecret: process.env.SMS_WEBHOOK_SECRET!,
 * });
 * ```
 */
export function createTaqnyatProvider(options: TaqnyatProviderOptions): SmsProvider {
  requireOptions(label, { bearerToken: options.bearerToken, sender: options.sender });
  const endpoint = providerUrl(options.baseUrl, 'https://api.taqnyat.sa', '/v1/messages');
  const clock = options.clock ?? Date.now;

  return {
    name: provider,

    async send(message, sendOptions = {}) {
      const recipient = message.to.replace(/^\+/, '');
      const answer = await callProvider({
        provider,
        url: endpoint,
        body: JSON.stringify({
          recipients: [recipient],
          body: message.body,
          sender: message.senderId ?? options.sender,
        }),
        headers: {
          authorization: `Bearer ${options.bearerToken}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        timeoutMs: options.timeoutMs,
        signal: sendOptions.signal,
        fetch: options.fetch,
      });
      const body = asRecord(answer.body);
      // Taqnyat repeats the status in its body, and may refuse there what HTTP accepted.
      const statusCode = Number(body.statusCode ?? answer.status);
      if (answer.status >= 200 && answer.status < 300 && statusCode >= 200 && statusCode < 300) {
        if (numberList(body.rejected).includes(recipient)) {
          throw providerRefusal({
            provider,
            status: answer.status,
            description: 'the recipient was rejected',
            reason: 'invalid_number',
            retryable: false,
          });
        }
        return acceptedSendResult({
          provider,
          label,
          status: answer.status,
          messageId: body.messageId,
          messageIdName: 'messageId',
          segments: body.msgLength,
        });
      }
      throw refusedAnswer({
        provider,
        answer,
        status: answer.status >= 200 && answer.status < 300 ? statusCode : answer.status,
        rules: refusalRules,
        now: clock(),
      });
    },

    parseDeliveryReceipt: createDeliveryReportParser({
      provider,
      label,
      fields: {
        messageId: ['messageId', 'msgId', 'message_id', 'id'],
        status: ['status', 'dlr', 'state', 'dlrStatus'],
        errorCode: ['errorCode', 'error_code', 'error'],
        time: ['timestamp', 'deliveredAt', 'doneDate', 'date'],
      },
      statuses: statusByTaqnyatStatus,
      statusPath: 'status',
      webhookSecret: options.webhookSecret,
      reportTimeOffset: options.reportTimeOffset,
      clock,
    }),
  };
}
