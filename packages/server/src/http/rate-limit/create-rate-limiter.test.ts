import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './create-rate-limiter.js';

describe('createRateLimiter', () => {
  it('allows a burst up to the capacity, then asks to wait until a token is back', () => {
    let now = 0;
    const limiter = createRateLimiter({
      perKey: false,
      perAddress: { capacity: 3, refillPerSecond: 0.5 },
      now: () => now,
    });
    expect([1, 2, 3].map(() => limiter.take('key', '1.2.3.4').allowed)).toEqual([true, true, true]);
    expect(limiter.take('key', '1.2.3.4')).toEqual({
      allowed: false,
      limitedBy: 'address',
      retryAfterSeconds: 2,
    });
    now = 2000;
    expect(limiter.take('key', '1.2.3.4').allowed).toBe(true);
  });

  it('limits addresses separately and the key as a whole', () => {
    const limiter = createRateLimiter({
      perKey: { capacity: 3, refillPerSecond: 1 },
      perAddress: { capacity: 2, refillPerSecond: 1 },
      now: () => 0,
    });
    expect(limiter.take('k', 'a').allowed).toBe(true);
    expect(limiter.take('k', 'a').allowed).toBe(true);
    expect(limiter.take('k', 'a')).toMatchObject({ allowed: false, limitedBy: 'address' });
    expect(limiter.take('k', 'b').allowed).toBe(true);
    expect(limiter.take('k', 'c')).toMatchObject({ allowed: false, limitedBy: 'key' });
    expect(limiter.take('other', 'c').allowed).toBe(true);
  });

  it('never lets more through than the capacity plus what the elapsed time refilled', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 200 }),
        (capacity, refillPerSecond, gaps) => {
          let now = 0;
          const limiter = createRateLimiter({
            perKey: false,
            perAddress: { capacity, refillPerSecond },
            now: () => now,
          });
          let allowed = 0;
          for (const gap of gaps) {
            now += gap;
            if (limiter.take('k', 'a').allowed) allowed += 1;
          }
          expect(allowed).toBeLessThanOrEqual(
            capacity + Math.floor((now / 1000) * refillPerSecond) + 1,
          );
        },
      ),
    );
  });

  it('forgets idle buckets rather than grow without bound', () => {
    let now = 0;
    const limiter = createRateLimiter({
      perKey: false,
      perAddress: { capacity: 1, refillPerSecond: 1 },
      maxTrackedBuckets: 10,
      now: () => now,
    });
    for (let index = 0; index < 1000; index += 1) {
      now += 1;
      expect(limiter.take('k', `address-${index}`).allowed).toBe(true);
    }
  });

  it('refuses a limit that could never refill', () => {
    expect(() => createRateLimiter({ perKey: { capacity: 1, refillPerSecond: 0 } })).toThrow(
      RangeError,
    );
  });
});
