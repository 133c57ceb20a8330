import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff-delay.js';

describe('backoffDelay', () => {
  const policy = { baseMilliseconds: 1000, capMilliseconds: 60_000 };

  it('stays within [0, min(cap, base · 2^(failures − 1))) for every draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (failures, draw) => {
          const delay = backoffDelay(failures, policy, () => draw);
          const ceiling = Math.min(60_000, 1000 * 2 ** (failures - 1));
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(ceiling);
        },
      ),
    );
  });

  it('doubles the ceiling with each failure until the cap', () => {
    const highest = (failures: number) => backoffDelay(failures, policy, () => 0.999_999);
    expect(highest(1)).toBe(999);
    expect(highest(2)).toBe(1999);
    expect(highest(3)).toBe(3999);
    expect(highest(7)).toBe(59_999);
    expect(highest(30)).toBe(59_999);
  });

  it('spreads retries over the whole window (full jitter)', () => {
    expect(backoffDelay(4, policy, () => 0)).toBe(0);
    expect(backoffDelay(4, policy, () => 0.5)).toBe(4000);
  });
});
