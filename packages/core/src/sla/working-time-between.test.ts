import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alwaysCalendar } from './always-calendar.js';
import { defaultBusinessCalendar } from './default-business-calendar.js';
import { workingTimeBetween } from './working-time-between.js';

const hour = 3_600_000;

describe('workingTimeBetween', () => {
  it.each([
    // Thursday 15:00 to Sunday 09:00 in Riyadh: 1 h on Thursday, 1 h on Sunday.
    ['2026-04-09T12:00:00.000Z', '2026-04-12T06:00:00.000Z', 2 * hour],
    // A whole Friday and Saturday: nothing.
    ['2026-04-09T21:00:00.000Z', '2026-04-11T21:00:00.000Z', 0],
    // A Ramadan Sunday: 10:00–15:00.
    ['2026-02-28T21:00:00.000Z', '2026-03-01T21:00:00.000Z', 5 * hour],
    // End before start.
    ['2026-04-12T06:00:00.000Z', '2026-04-09T12:00:00.000Z', 0],
    // One millisecond before the end of a working day.
    ['2026-04-12T12:59:59.999Z', '2026-04-12T13:00:00.000Z', 1],
  ])('on the business calendar, from %s to %s is %i ms', (start, end, expected) => {
    expect(workingTimeBetween(defaultBusinessCalendar, start, end)).toBe(expected);
  });

  it('takes Date, number and string instants alike', () => {
    const start = Date.UTC(2026, 3, 12, 5);
    expect(
      workingTimeBetween(defaultBusinessCalendar, new Date(start), '2026-04-12T10:00:00+03:00'),
    ).toBe(2 * hour);
  });

  const span = fc
    .tuple(
      fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }),
      fc.integer({ min: 0, max: 90 * 24 * hour }),
      fc.integer({ min: 0, max: 90 * 24 * hour }),
    )
    .map(([start, first, second]) => [start, start + first, start + first + second] as const);

  it('adds up over consecutive spans and never exceeds wall-clock time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(alwaysCalendar, defaultBusinessCalendar),
        span,
        (calendar, [start, middle, end]) => {
          const whole = workingTimeBetween(calendar, start, end);
          expect(
            workingTimeBetween(calendar, start, middle) + workingTimeBetween(calendar, middle, end),
          ).toBe(whole);
          expect(whole).toBeLessThanOrEqual(end - start);
          expect(whole).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
