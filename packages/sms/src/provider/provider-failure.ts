import { NotificationError } from '@balagh/core';
import { redactPhoneNumbers } from './redact-phone-numbers.js';

/**
 * What an adapter knows about a refused request.
 *
 * @internal
 */
export interface ProviderRefusal {
  /** Adapter name, `twilio`... */
  readonly provider: string;
  /** HTTP status of the answer. */
  readonly status: number;
  /** The provider's own error code, when it gave one. */
  readonly providerCode?: string;
  /** The provider's explanation; phone numbers in it are masked before use. */
  readonly description?: string;
  /** Overrides the classification by HTTP status. */
  readonly retryable?: boolean;
  /** From a `Retry-After` header or the provider's own hint. */
  readonly retryAfterMs?: number;
  /** Why it failed, in a few words, for `details.reason`. */
  readonly reason?: string;
}

/**
 * Tells whether an HTTP status is worth retrying: request timeout (408), too early (425), too
 * many requests (429) and every 5xx. Other statuses say the request itself is wrong.
 *
 * @internal
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/**
 * Builds the `NotificationError` for an answer the provider refused.
 *
 * @internal
 */
export function providerRefusal(refusal: ProviderRefusal): NotificationError {
  const retryable = refusal.retryable ?? isRetryableStatus(refusal.status);
  const code = refusal.providerCode === undefined ? '' : `, code ${refusal.providerCode}`;
  const description =
    refusal.description === undefined || refusal.description === ''
      ? ''
      : `: ${redactPhoneNumbers(refusal.description).slice(0, 300)}`;
  return new NotificationError(
    `${refusal.provider} refused the SMS (HTTP ${refusal.status}${code})${description}`,
    {
      retryable,
      ...(refusal.retryAfterMs === undefined ? {} : { retryAfterMs: refusal.retryAfterMs }),
      details: {
        provider: refusal.provider,
        status: refusal.status,
        reason: refusal.reason ?? (retryable ? 'temporary' : 'rejected'),
        ...(refusal.providerCode === undefined ? {} : { providerCode: refusal.providerCode }),
      },
    },
  );
}

/**
 * Reads a `Retry-After` header (seconds, or an HTTP date) as milliseconds from `now`.
 *
 * @returns `undefined` when the header is absent or unreadable.
 *
 * @internal
 */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
