/** A token bucket's size: `capacity` requests at once, refilled at `refillPerSecond`. */
export interface TokenBucketLimit {
  /** Requests allowed in a burst (the bucket's size). */
  readonly capacity: number;
  /** Tokens added back per second, up to `capacity`. */
  readonly refillPerSecond: number;
}

/** Limits of report creation by `integration` keys; `false` turns a limit off. */
export interface RateLimitOptions {
  /** Per API key (a whole app or site). Default: bursts of 300, 5 per second. */
  readonly perKey?: TokenBucketLimit | false;
  /** Per client address. Default: bursts of 20, one every 6 seconds (10 a minute). */
  readonly perAddress?: TokenBucketLimit | false;
  /** The clock, in milliseconds; `Date.now` by default. */
  readonly now?: () => number;
  /** How many buckets to keep before forgetting idle ones. Default 100,000. */
  readonly maxTrackedBuckets?: number;
}

/** What a rate limiter answers: go ahead, or wait `retryAfterSeconds`. */
export type RateLimitDecision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly retryAfterSeconds: number;
      readonly limitedBy: 'key' | 'address';
    };

/** Decides whether a request may go ahead, per API key and per client address. */
export interface RateLimiter {
  /**
   * Takes one token from the key's bucket and one from the address's, only when both have one
   * (a refused request costs nothing).
   */
  take(keyId: string, address: string): RateLimitDecision;
}

/** The limits used when {@link RateLimitOptions} leaves them out. */
export const defaultRateLimits = {
  perKey: { capacity: 300, refillPerSecond: 5 },
  perAddress: { capacity: 20, refillPerSecond: 1 / 6 },
} as const satisfies Record<string, TokenBucketLimit>;

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Creates the in-memory token-bucket rate limiter of public report creation.
 *
 * Buckets live in this process only: behind a load balancer each process limits on its own,
 * which bounds the total at (processes × limit) — enough against a runaway client; put a
 * shared limiter at the proxy for anything stricter.
 *
 * @throws `RangeError` when a limit has a non-positive capacity or refill rate.
 * @example
 * ```ts
 * const limiter = createRateLimiter({ perAddress: { capacity: 5, refillPerSecond: 0.1 } });
 * const decision = limiter.take(actor.keyId, clientAddress);
 * if (!decision.allowed) answer429(decision.retryAfterSeconds);
 * ```
 */
export function createRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  const now = options.now ?? Date.now;
  const maxTrackedBuckets = options.maxTrackedBuckets ?? 100_000;
  const perKey = options.perKey === undefined ? defaultRateLimits.perKey : options.perKey;
  const perAddress =
    options.perAddress === undefined ? defaultRateLimits.perAddress : options.perAddress;
  for (const limit of [perKey, perAddress]) {
    if (limit !== false && !(limit.capacity >= 1 && limit.refillPerSecond > 0)) {
      throw new RangeError(
        'A rate limit needs a capacity of at least 1 and a positive refill rate.',
      );
    }
  }
  const keyBuckets = new Map<string, Bucket>();
  const addressBuckets = new Map<string, Bucket>();

  function refilled(
    buckets: Map<string, Bucket>,
    id: string,
    limit: TokenBucketLimit,
    at: number,
  ): Bucket {
    let bucket = buckets.get(id);
    if (bucket === undefined) {
      if (buckets.size >= maxTrackedBuckets) forgetBuckets(buckets, limit, at, maxTrackedBuckets);
      bucket = { tokens: limit.capacity, updatedAt: at };
      buckets.set(id, bucket);
      return bucket;
    }
    const elapsedSeconds = Math.max(0, at - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(
      limit.capacity,
      bucket.tokens + elapsedSeconds * limit.refillPerSecond,
    );
    bucket.updatedAt = at;
    return bucket;
  }

  return {
    take(keyId, address) {
      const at = now();
      const keyBucket = perKey === false ? undefined : refilled(keyBuckets, keyId, perKey, at);
      const addressBucket =
        perAddress === false ? undefined : refilled(addressBuckets, address, perAddress, at);
      if (addressBucket !== undefined && perAddress !== false && addressBucket.tokens < 1) {
        return {
          allowed: false,
          limitedBy: 'address',
          retryAfterSeconds: secondsUntilToken(addressBucket, perAddress),
        };
      }
      if (keyBucket !== undefined && perKey !== false && keyBucket.tokens < 1) {
        return {
          allowed: false,
          limitedBy: 'key',
          retryAfterSeconds: secondsUntilToken(keyBucket, perKey),
        };
      }
      if (keyBucket !== undefined) keyBucket.tokens -= 1;
      if (addressBucket !== undefined) addressBucket.tokens -= 1;
      return { allowed: true };
    },
  };
}

function secondsUntilToken(bucket: Bucket, limit: TokenBucketLimit): number {
  return Math.max(1, Math.ceil((1 - bucket.tokens) / limit.refillPerSecond));
}

function forgetBuckets(
  buckets: Map<string, Bucket>,
  limit: TokenBucketLimit,
  at: number,
  maximum: number,
): void {
  for (const [id, bucket] of buckets) {
    const tokens =
      bucket.tokens + (Math.max(0, at - bucket.updatedAt) / 1000) * limit.refillPerSecond;
    // A full bucket is the same as no bucket: forgetting it changes no decision.
    if (tokens >= limit.capacity) buckets.delete(id);
  }
  if (buckets.size < maximum) return;
  // Still full of active clients: forget the least recently created half rather than grow
  // without bound (a forgotten client starts again with a full bucket).
  let toForget = Math.ceil(buckets.size / 2);
  for (const id of buckets.keys()) {
    if (toForget <= 0) break;
    buckets.delete(id);
    toForget -= 1;
  }
}
