import { NotificationError, ValidationError } from '@balagh/core';
import { callProvider } from '../provider/call-provider.js';
import { parseProviderTime } from '../provider/parse-provider-time.js';
import { parseRetryAfter, providerRefusal } from '../provider/provider-failure.js';
import { pickField, readWebhookFields } from '../provider/read-webhook-fields.js';
import type { DeliveryReceipt, DeliveryStatus, SmsProvider } from '../provider/sms-provider.js';
import { verifySharedSecret } from '../provider/verify-shared-secret.js';

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

// Unifonic's ER- codes (docs.unifonic.com, "Understanding reasons of SMS non-delivery").
const invalidNumberCodes = new Set(['ER-02', 'ER-03', 'ER-04', 'ER-05']);
const blockedCodes = new Set(['ER-07', 'ER-08']);
// Unifonic's own HTTP statuses (docs.unifonic.com, "HTTP status codes").
const authenticationStatuses = new Set([401, 402, 403, 459]);
const invalidNumberStatuses = new Set([410, 422, 481, 482, 483]);

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

function record(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * Why Unifonic refused a message and whether to retry; `retryable` is left out where the HTTP
 * status decides (5xx retry, other 4xx not).
 */
function classifyRefusal(
  status: number,
  errorCode: string | undefined,
): { reason?: string; retryable?: boolean } {
  if (authenticationStatuses.has(status)) return { reason: 'authentication', retryable: false };
  if (status === 429) return { reason: 'throttled', retryable: true };
  // No balance: a top-up lets the outbox's next attempt through.
  if (errorCode === 'ER-01') return { reason: 'insufficient_balance', retryable: true };
  if (invalidNumberCodes.has(errorCode ?? '') || invalidNumberStatuses.has(status)) {
    return { reason: 'invalid_number', retryable: false };
  }
  if (blockedCodes.has(errorCode ?? '') || status === 480)
    return { reason: 'blocked', retryable: false };
  if (errorCode === 'ER-09' || status === 409) return { reason: 'duplicate', retryable: false };
  // `success: false` with HTTP 200 and an unknown code: retrying the same request will not help.
  return status < 300 ? { retryable: false } : {};
}

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
  if (!options.appSid?.trim()) {
    throw new ValidationError('Invalid Unifonic options.', [
      { path: 'appSid', code: 'too_small', message: 'is required' },
    ]);
  }
  const endpoint = `${(options.baseUrl ?? 'https://el.cloud.unifonic.com').replace(/\/+$/, '')}/rest/SMS/messages`;
  const clock = options.clock ?? Date.now;
  const offset = options.reportTimeOffset ?? '+03:00';

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
        timeoutMs: options.timeoutMs ?? 10_000,
        ...(sendOptions.signal === undefined ? {} : { signal: sendOptions.signal }),
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      });
      const body = record(answer.body);
      const data = record(body.data);
      const accepted = body.success === true || body.success === 'true';
      const errorCode = typeof body.errorCode === 'string' ? body.errorCode : undefined;
      const messageStatus = typeof data.Status === 'string' ? data.Status.toLowerCase() : undefined;

      if (answer.status >= 200 && answer.status < 300 && accepted && messageStatus !== 'rejected') {
        const messageId = data.MessageID;
        if ((typeof messageId !== 'string' && typeof messageId !== 'number') || messageId === '') {
          throw new NotificationError('Unifonic accepted the SMS but answered no MessageID.', {
            retryable: false,
            details: { provider, status: answer.status, reason: 'unexpected_answer' },
          });
        }
        if (messageStatus === 'failed') {
          throw providerRefusal({
            provider,
            status: answer.status,
            description: 'the message failed',
            retryable: true,
          });
        }
        const units = Number(data.NumberOfUnits);
        return {
          providerMessageId: String(messageId),
          ...(Number.isInteger(units) && units > 0 ? { segments: units } : {}),
        };
      }

      const { reason, retryable } = classifyRefusal(answer.status, errorCode);
      const retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'), clock());
      throw providerRefusal({
        provider,
        status: answer.status,
        ...(errorCode === undefined || errorCode === 'ER-00' ? {} : { providerCode: errorCode }),
        ...(typeof body.message === 'string' ? { description: body.message } : {}),
        ...(reason === undefined ? {} : { reason }),
        ...(retryable === undefined ? {} : { retryable }),
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
        const messageId = pickField(fields, 'MessageID', 'messageId', 'message_id');
        const reported = pickField(fields, 'DLR', 'Status', 'status', 'dlr');
        if (messageId === undefined || reported === undefined) continue;
        const status = statusByUnifonicStatus[reported.toLowerCase()];
        if (status === undefined) {
          throw new ValidationError('Unknown Unifonic delivery status.', [
            { path: 'DLR', code: 'invalid_value', message: `unknown status ${reported}` },
          ]);
        }
        const errorCode = pickField(fields, 'ErrorCode', 'errorCode', 'error_code');
        const at =
          parseProviderTime(
            pickField(fields, 'DLRTimestamp', 'SCTS', 'timestamp', 'TimeCreated'),
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
