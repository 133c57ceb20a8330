import { parseRetryAfter } from './parse-retry-after.js';

/**
 * How the client retries a failed attempt: after a network error, a timeout, or a 408, 429,
 * 500, 502, 503 or 504 answer; never after another 4xx. Waits `Retry-After` when the server
 * sends it (seconds or an HTTP date), else an exponential backoff with full jitter.
 */
export interface RetryOptions {
  /** Retries after the first attempt; 2 by default (3 attempts in all). `0` never retries. */
  readonly limit?: number;
  /** Backoff before the first retry, in milliseconds, doubled on each retry; 300 by default. */
  readonly baseDelay?: number;
  /** Longest backoff, in milliseconds; 10 000 by default. */
  readonly backoffLimit?: number;
  /**
   * Longest `Retry-After` the client waits, in milliseconds; 60 000 by default. A server asking
   * for longer ends the retries at once: the error carries `retryAfter` for the caller to
   * schedule a later try.
   */
  readonly maxRetryAfter?: number;
}

// Answers after which the request may have been processed: worth another try only when
// repeating it is harmless.
const retryStatuses = [408, 429, 500, 502, 503, 504];
// Answers that say the request was not processed (timed out before it was read, rate-limited,
// refused while unavailable): safe to send again whatever the operation.
const unprocessedStatuses = [408, 429, 503];

/**
 * How long to wait before retrying a failed attempt, in milliseconds, or `undefined` to give
 * up. A `repeatable` operation (a read, a create carrying an `Idempotency-Key`, a revoke) is
 * retried after any transient failure; another one (confirming a closure code, a transition)
 * only after an answer that proves the server did not process it, never after a network error
 * or a timeout, which leave that unknown.
 *
 * @param answer - The attempt's error answer (a 4xx or 5xx), or `undefined` when no answer came
 *   (a network error, a timeout).
 * @param retries - Retries already made for this call.
 * @param repeatable - Whether sending the request twice has the effect of sending it once.
 */
export function retryDelay(
  answer: Response | undefined,
  retries: number,
  repeatable: boolean,
  options: RetryOptions,
): number | undefined {
  if (retries >= (options.limit ?? 2)) return undefined;
  let wait: number | undefined;
  if (answer) {
    const { status, headers } = answer;
    if (!(repeatable ? retryStatuses : unprocessedStatuses).includes(status)) return undefined;
    wait = parseRetryAfter(headers.get('retry-after'));
    if (wait !== undefined && wait > (options.maxRetryAfter ?? 60_000)) return undefined;
  } else if (!repeatable) return undefined;
  return (
    wait ??
    Math.random() *
      Math.min(options.backoffLimit ?? 10_000, (options.baseDelay ?? 300) * 2 ** retries)
  );
}
