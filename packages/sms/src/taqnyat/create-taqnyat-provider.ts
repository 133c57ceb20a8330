import { NotificationError, ValidationError } from '@balagh/core';
import { callProvider } from '../provider/call-provider.js';
import { parseProviderTime } from '../provider/parse-provider-time.js';
import { parseRetryAfter, providerRefusal } from '../provider/provider-failure.js';
import { pickField, readWebhookFields } from '../provider/read-webhook-fields.js';
import type { DeliveryReceipt, DeliveryStatus, SmsProvider } from '../provider/sms-provider.js';
import { verifySharedSecret } from '../provider/verify-shared-secret.js';

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

function record(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

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
  const issues = [
    ...(options.bearerToken?.trim()
      ? []
      : [{ path: 'bearerToken', code: 'too_small', message: 'is required' }]),
    ...(options.sender?.trim()
      ? []
      : [{ path: 'sender', code: 'too_small', message: 'is required' }]),
  ];
  if (issues.length > 0) throw new ValidationError('Invalid Taqnyat options.', issues);
  const endpoint = `${(options.baseUrl ?? 'https://api.taqnyat.sa').replace(/\/+$/, '')}/v1/messages`;
  const clock = options.clock ?? Date.now;
  const offset = options.reportTimeOffset ?? '+03:00';

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
        timeoutMs: options.timeoutMs ?? 10_000,
        ...(sendOptions.signal === undefined ? {} : { signal: sendOptions.signal }),
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      });
      const body = record(answer.body);
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
        const messageId = body.messageId;
        if ((typeof messageId !== 'string' && typeof messageId !== 'number') || messageId === '') {
          throw new NotificationError('Taqnyat accepted the SMS but answered no messageId.', {
            retryable: false,
            details: { provider, status: answer.status, reason: 'unexpected_answer' },
          });
        }
        const segments = Number(body.msgLength);
        return {
          providerMessageId: String(messageId),
          ...(Number.isInteger(segments) && segments > 0 ? { segments } : {}),
        };
      }
      const status = answer.status >= 200 && answer.status < 300 ? statusCode : answer.status;
      const retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'), clock());
      throw providerRefusal({
        provider,
        status,
        ...(typeof body.message === 'string' ? { description: body.message } : {}),
        ...(status === 401 || status === 403 ? { reason: 'authentication', retryable: false } : {}),
        ...(status === 429 ? { reason: 'throttled', retryable: true } : {}),
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    },

    async parseDeliveryReceipt(request) {
      verifySharedSecret(request, provider, options.webhookSecret);
      const receipts: DeliveryReceipt[] = [];
      for (const fields of readWebhookFields(
        await request.text(),
        request.headers.get('content-type'),
      )) {
        const messageId = pickField(fields, 'messageId', 'msgId', 'message_id', 'id');
        const reported = pickField(fields, 'status', 'dlr', 'state', 'dlrStatus');
        if (messageId === undefined || reported === undefined) continue;
        const status = statusByTaqnyatStatus[reported.toLowerCase()];
        if (status === undefined) {
          throw new ValidationError('Unknown Taqnyat delivery status.', [
            { path: 'status', code: 'invalid_value', message: `unknown status ${reported}` },
          ]);
        }
        const errorCode = pickField(fields, 'errorCode', 'error_code', 'error');
        const at =
          parseProviderTime(
            pickField(fields, 'timestamp', 'deliveredAt', 'doneDate', 'date'),
            offset,
          ) ?? new Date(clock()).toISOString();
        receipts.push({
          providerMessageId: messageId,
          status,
          at,
          ...(errorCode ? { errorCode } : {}),
        });
      }
      return receipts;
    },
  };
}
