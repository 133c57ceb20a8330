import type { NotificationError } from '@balagh/core';
import { asRecord } from './as-record.js';
import type { ProviderAnswer } from './call-provider.js';
import { classifyRefusal, type RefusalRule } from './classify-refusal.js';
import { parseRetryAfter, providerRefusal } from './provider-failure.js';

/**
 * A provider's answer that refused a message, with what the adapter read from it.
 *
 * @internal
 */
export interface RefusedAnswer {
  /** Adapter name, `twilio`... */
  readonly provider: string;
  readonly answer: ProviderAnswer;
  /** The status to report and classify by; default the answer's HTTP status. */
  readonly status?: number;
  /** The provider's error code in the answer, when it gave one worth reporting. */
  readonly providerCode?: string | undefined;
  /** The adapter's table of refusals, first match wins. */
  readonly rules: readonly RefusalRule[];
  /** Epoch milliseconds, to read a `Retry-After` date. */
  readonly now: number;
}

/**
 * The `NotificationError` for an answer a provider refused: classified by the adapter's
 * {@link RefusalRule}s (else by HTTP status), with the answer's `message` (phone numbers masked)
 * and its `Retry-After`.
 *
 * @internal
 */
export function refusedAnswer(refused: RefusedAnswer): NotificationError {
  const { provider, answer, providerCode } = refused;
  const status = refused.status ?? answer.status;
  const { reason, retryable } = classifyRefusal(refused.rules, status, providerCode);
  const retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'), refused.now);
  const description = asRecord(answer.body).message;
  return providerRefusal({
    provider,
    status,
    ...(providerCode === undefined ? {} : { providerCode }),
    ...(typeof description === 'string' ? { description } : {}),
    ...(reason === undefined ? {} : { reason }),
    ...(retryable === undefined ? {} : { retryable }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}
