/** How long the outbox waits between tries of one notification. */
export interface BackoffPolicy {
  /** Delay ceiling of the first retry, in milliseconds. */
  readonly baseMilliseconds: number;
  /** No delay exceeds this, in milliseconds. */
  readonly capMilliseconds: number;
}

/** The outbox's default backoff: from 2 s, doubling, capped at 15 minutes. */
export const defaultBackoffPolicy: BackoffPolicy = Object.freeze({
  baseMilliseconds: 2_000,
  capMilliseconds: 15 * 60_000,
});

/**
 * Computes the delay before the next try of a notification, by exponential backoff with full
 * jitter: a uniformly random delay between 0 and `min(cap, base · 2^(failures − 1))`. Full jitter
 * spreads the retries of many notifications that failed together (a provider outage) instead of
 * sending them back in waves.
 *
 * @param failures - Failed tries so far, from 1.
 * @param policy - Base and cap.
 * @param random - A source of numbers in [0, 1); `Math.random` by default.
 * @example
 * ```ts
 * backoffDelay(3, { baseMilliseconds: 1000, capMilliseconds: 60_000 }); // somewhere in [0, 4000)
 * ```
 */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy = defaultBackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(Math.trunc(failures) - 1, 0), 52);
  const ceiling = Math.min(policy.capMilliseconds, policy.baseMilliseconds * 2 ** exponent);
  const draw = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  return Math.floor(draw * Math.max(ceiling, 0));
}
