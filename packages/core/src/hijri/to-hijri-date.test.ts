import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBalaghError } from '../errors/balagh-error.js';
import { toHijriDate } from './to-hijri-date.js';

describe('toHijriDate', () => {
  it.each([
    ['2026-02-18T09:00:00.000Z', { year: 1447, month: 9, day: 1 }], // 1 Ramadan
    ['2026-03-19T09:00:00.000Z', { year: 1447, month: 9, day: 30 }], // 30 Ramadan
    ['2026-03-20T09:00:00.000Z', { year: 1447, month: 10, day: 1 }], // 1 Shawwal, Eid al-Fitr
    ['2026-05-27T09:00:00.000Z', { year: 1447, month: 12, day: 10 }], // Eid al-Adha
    ['2026-06-15T09:00:00.000Z', { year: 1447, month: 12, day: 29 }],
    ['2026-06-16T09:00:00.000Z', { year: 1448, month: 1, day: 1 }], // 1 Muharram 1448
  ])('reads %s as the Umm al-Qura date %j', (instant, expected) => {
    expect(toHijriDate(instant)).toEqual(expected);
  });

  it('takes the local date in the time zone, Asia/Riyadh by default', () => {
    // 00:30 on 18 February in Riyadh, still 17 February in UTC.
    const instant = '2026-02-17T21:30:00.000Z';
    expect(toHijriDate(instant)).toEqual({ year: 1447, month: 9, day: 1 });
    expect(toHijriDate(instant, 'UTC')).toEqual({ year: 1447, month: 8, day: 29 });
  });

  it('accepts a Date, epoch milliseconds and an ISO string with an offset alike', () => {
    const milliseconds = Date.UTC(2026, 5, 16, 6);
    expect(toHijriDate(new Date(milliseconds))).toEqual(toHijriDate(milliseconds));
    expect(toHijriDate('2026-06-16T09:00:00+03:00')).toEqual(toHijriDate(milliseconds));
  });

  it('refuses an invalid instant, a string without a zone and an unknown time zone', () => {
    for (const instant of ['not a date', '2026-06-16T09:00:00', Number.NaN, new Date('x')]) {
      expect(() => toHijriDate(instant)).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    }
    let caught: unknown;
    try {
      toHijriDate(0, 'Mars/Olympus_Mons');
    } catch (error) {
      caught = error;
    }
    expect(isBalaghError(caught, 'VALIDATION_FAILED')).toBe(true);
  });

  it('moves by one day, or to the first of the next month, from one day to the next', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2150, 0, 1) }),
        (instant) => {
          const today = toHijriDate(instant, 'UTC');
          const tomorrow = toHijriDate(instant + 86_400_000, 'UTC');
          if (tomorrow.day === today.day + 1) {
            expect([tomorrow.year, tomorrow.month]).toEqual([today.year, today.month]);
          } else {
            expect(tomorrow.day).toBe(1);
            expect([29, 30]).toContain(today.day);
            expect(tomorrow.month).toBe(today.month === 12 ? 1 : today.month + 1);
            expect(tomorrow.year).toBe(today.month === 12 ? today.year + 1 : today.year);
          }
        },
      ),
    );
  });
});
