import { describe, expect, it } from 'vitest';
import { hijriYearOf } from './hijri-year-of.js';

describe('hijriYearOf', () => {
  it('turns to the new Hijri year at local midnight in Riyadh', () => {
    // 2026-06-16 00:00 in Riyadh is 1 Muharram 1448.
    expect(hijriYearOf('2026-06-15T20:59:59.999Z')).toBe(1447);
    expect(hijriYearOf('2026-06-15T21:00:00.000Z')).toBe(1448);
  });

  it('uses the given time zone', () => {
    expect(hijriYearOf('2026-06-15T21:00:00.000Z', 'UTC')).toBe(1447);
    expect(hijriYearOf('2026-06-16T00:00:00.000Z', 'UTC')).toBe(1448);
  });
});
