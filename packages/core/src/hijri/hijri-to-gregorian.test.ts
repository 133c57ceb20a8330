import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBalaghError } from '../errors/balagh-error.js';
import { hijriToGregorian } from './hijri-to-gregorian.js';
import { toHijriDate } from './to-hijri-date.js';

describe('hijriToGregorian', () => {
  it.each([
    [
      { year: 1447, month: 9, day: 1 },
      { year: 2026, month: 2, day: 18 },
    ], // 1 Ramadan
    [
      { year: 1447, month: 10, day: 1 },
      { year: 2026, month: 3, day: 20 },
    ], // Eid al-Fitr
    [
      { year: 1447, month: 12, day: 10 },
      { year: 2026, month: 5, day: 27 },
    ], // Eid al-Adha
    [
      { year: 1448, month: 1, day: 1 },
      { year: 2026, month: 6, day: 16 },
    ], // 1 Muharram
    [
      { year: 1447, month: 9, day: 30 },
      { year: 2026, month: 3, day: 19 },
    ], // a 30-day Ramadan
  ])('places %j on %j', (hijri, gregorian) => {
    expect(hijriToGregorian(hijri)).toEqual(gregorian);
  });

  it('is the inverse of toHijriDate on every civil day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_000, max: 65_000 }), (civilDay) => {
        const instant = civilDay * 86_400_000 + 43_200_000;
        const { year, month, day } = hijriToGregorian(toHijriDate(instant, 'UTC'));
        expect(Date.UTC(year, month - 1, day)).toBe(civilDay * 86_400_000);
      }),
    );
  });

  it('refuses day 30 of a month that has 29 days that year', () => {
    // Dhu al-Hijjah 1447 has 29 days: 2026-06-15 is the 29th, 2026-06-16 is 1 Muharram 1448.
    let caught: unknown;
    try {
      hijriToGregorian({ year: 1447, month: 12, day: 30 });
    } catch (error) {
      caught = error;
    }
    expect(isBalaghError(caught, 'VALIDATION_FAILED')).toBe(true);
    expect(caught).toMatchObject({ issues: [{ path: 'day' }] });
  });

  it.each([
    { year: 1447, month: 13, day: 1 },
    { year: 1447, month: 0, day: 1 },
    { year: 1447, month: 1, day: 31 },
    { year: 1447, month: 1, day: 0 },
    { year: 1447.5, month: 1, day: 1 },
    { year: 0, month: 1, day: 1 },
  ])('refuses the impossible date %j', (date) => {
    expect(() => hijriToGregorian(date)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
