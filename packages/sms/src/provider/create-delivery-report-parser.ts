import { ValidationError } from '@balagh/core';
import { parseProviderTime } from './parse-provider-time.js';
import { pickField, readWebhookFields } from './read-webhook-fields.js';
import type { DeliveryReceipt, DeliveryStatus } from './sms-provider.js';
import { verifySharedSecret } from './verify-shared-secret.js';

/**
 * How a provider that signs nothing writes its delivery reports, and how an adapter reads them.
 *
 * @internal
 */
export interface DeliveryReportFormat {
  /** Adapter name, `unifonic`... */
  readonly provider: string;
  /** The provider as people write it (`Unifonic`), for the error message. */
  readonly label: string;
  /** Spellings of each field, tried in order, then ignoring case (see `pickField`). */
  readonly fields: {
    readonly messageId: readonly string[];
    readonly status: readonly string[];
    readonly errorCode: readonly string[];
    readonly time: readonly string[];
  };
  /** The provider's statuses, in lower case, as ours. */
  readonly statuses: Readonly<Record<string, DeliveryStatus>>;
  /** The field named in the `ValidationError` for a status not in `statuses`. */
  readonly statusPath: string;
  /** The shared secret each call must carry; without one every call is refused. */
  readonly webhookSecret: string | undefined;
  /** UTC offset of zoneless times; default `+03:00`. */
  readonly reportTimeOffset: string | undefined;
  /** Current time in epoch milliseconds: the time of a report that gives none. */
  readonly clock: () => number;
}

/**
 * Creates the `parseDeliveryReceipt` of a provider that signs nothing (Unifonic, Taqnyat): checks
 * the shared secret, reads the body as a form, a JSON object or a JSON array of them, and makes a
 * receipt of each report that has a message id and a status, skipping the others.
 *
 * @throws (from the parser) `BalaghError` `INVALID_SIGNATURE` when the secret is missing or wrong;
 * `ValidationError` for a body that is not JSON nor a form, or an unknown status.
 * @internal
 */
export function createDeliveryReportParser(
  format: DeliveryReportFormat,
): (request: Request) => Promise<DeliveryReceipt[]> {
  const { provider, fields, statuses } = format;
  const offset = format.reportTimeOffset ?? '+03:00';
  return async (request) => {
    verifySharedSecret(request, provider, format.webhookSecret);
    const receipts: DeliveryReceipt[] = [];
    for (const report of readWebhookFields(
      await request.text(),
      request.headers.get('content-type'),
    )) {
      const messageId = pickField(report, ...fields.messageId);
      const reported = pickField(report, ...fields.status);
      if (messageId === undefined || reported === undefined) continue;
      const status = statuses[reported.toLowerCase()];
      if (status === undefined) {
        throw new ValidationError(`Unknown ${format.label} delivery status.`, [
          { path: format.statusPath, code: 'invalid_value', message: `unknown status ${reported}` },
        ]);
      }
      const errorCode = pickField(report, ...fields.errorCode);
      const at =
        parseProviderTime(pickField(report, ...fields.time), offset) ??
        new Date(format.clock()).toISOString();
      receipts.push({
        providerMessageId: messageId,
        status,
        at,
        ...(errorCode ? { errorCode } : {}),
      });
    }
    return receipts;
  };
}
