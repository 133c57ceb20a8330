import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHijriDate } from '../hijri/to-hijri-date.js';
import type { Calendar, WorkingWindow } from '../schemas/calendar.js';
import { addWorkingTime } from './add-working-time.js';
import { alwaysCalendar } from './always-calendar.js';
import { createWorkingCalendar } from './create-working-calendar.js';
import { defaultBusinessCalendar } from './default-business-calendar.js';
import { workingTimeBetween } from './working-time-between.js';

const minute = 60_000;
const hour = 60 * minute;
const weekMinutes = 7 * 1440;
const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A weekly calendar built at random, with the minute-of-week spans it should work. */
interface RandomCalendar {
  readonly calendar: Calendar;
  /** `[start, start + length)` in minutes of the week, possibly past Saturday midnight. */
  readonly spans: readonly { start: number; length: number }[];
}

function clock(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

/**
 * Random weekly calendars: disjoint spans on the week, each at most 24 hours, rotated so some
 * cross midnight and Saturday midnight, in a time zone with or without DST.
 */
function arbitraryWeeklyCalendar(timeZones: readonly string[]): fc.Arbitrary<RandomCalendar> {
  return fc
    .record({
      points: fc.uniqueArray(fc.integer({ min: 0, max: weekMinutes - 1 }), {
        minLength: 2,
        maxLength: 16,
      }),
      rotation: fc.integer({ min: 0, max: weekMinutes - 1 }),
      timeZone: fc.constantFrom(...timeZones),
    })
    .map(({ points, rotation, timeZone }) => {
      const sorted = [...points].sort((left, right) => left - right);
      const windows: WorkingWindow[] = [];
      const spans: { start: number; length: number }[] = [];
      for (let index = 0; index + 1 < sorted.length; index += 2) {
        const length = Math.min((sorted[index + 1] as number) - (sorted[index] as number), 1440);
        const start = ((sorted[index] as number) + rotation) % weekMinutes;
        windows.push({
          day: Math.floor(start / 1440),
          start: clock(start % 1440),
          end: clock((start + length) % 1440),
        });
        spans.push({ start, length });
      }
      return { calendar: { kind: 'weekly', timeZone, windows } satisfies Calendar, spans };
    });
}

function weeklyWorkingMs(spans: RandomCalendar['spans']): number {
  return spans.reduce((total, span) => total + span.length * minute, 0);
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

/** The local weekday and wall-clock time of an instant, straight from Intl. */
function localParts(instant: number, timeZone: string) {
  let formatter = partFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(
    formatter.formatToParts(instant).map((part) => [part.type, part.value]),
  );
  return {
    weekday: weekdays.indexOf(parts['weekday'] ?? ''),
    month: Number(parts['month']),
    day: Number(parts['day']),
    millisecondOfDay:
      (Number(parts['hour']) * 60 + Number(parts['minute'])) * minute +
      Number(parts['second']) * 1000 +
      (((instant % 1000) + 1000) % 1000),
  };
}

/** An independent reading of the default business calendar, one instant at a time. */
function isBusinessTime(instant: number): boolean {
  const local = localParts(instant, 'Asia/Riyadh');
  if (local.weekday === 5 || local.weekday === 6) return false;
  if ((local.month === 2 && local.day === 22) || (local.month === 9 && local.day === 23))
    return false;
  const hijri = toHijriDate(instant, 'Asia/Riyadh');
  if (hijri.month === 10 && hijri.day <= 4) return false;
  if (hijri.month === 12 && hijri.day >= 10 && hijri.day <= 13) return false;
  const [from, to] = hijri.month === 9 ? [10, 15] : [8, 16];
  return local.millisecondOfDay >= from * hour && local.millisecondOfDay < to * hour;
}

/** An independent reading of a random calendar in a zone without DST. */
function isRandomWorkingTime(random: RandomCalendar, instant: number): boolean {
  if (random.calendar.kind !== 'weekly') return true;
  const local = localParts(instant, random.calendar.timeZone);
  const ofWeek = local.weekday * 1440 * minute + local.millisecondOfDay;
  const week = weekMinutes * minute;
  return random.spans.some(
    (span) => (((ofWeek - span.start * minute) % week) + week) % week < span.length * minute,
  );
}

const startArbitrary = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) });
const fixedOffsetZones = [
  'UTC',
  'Asia/Riyadh',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Kiritimati',
];
const daylightSavingZones = [
  'Europe/London',
  'America/New_York',
  'Australia/Lord_Howe',
  'America/Santiago',
];

describe('addWorkingTime', () => {
  it.each([
    // Thursday 14:00 in Riyadh + 8 h: 2 h on Thursday, 6 h from Sunday 08:00.
    ['2026-04-09T11:00:00.000Z', 8 * hour, '2026-04-12T11:00:00.000Z'],
    // Friday: the clock waits for Sunday 08:00.
    ['2026-04-10T09:00:00.000Z', 1, '2026-04-12T05:00:00.001Z'],
    // Exactly a day's work ends at 16:00, not at the next day's 08:00.
    ['2026-04-12T05:00:00.000Z', 8 * hour, '2026-04-12T13:00:00.000Z'],
    // Ramadan: Sunday 1 March 2026 09:00 + 4 h = 14:00 (hours 10:00–15:00).
    ['2026-03-01T06:00:00.000Z', 4 * hour, '2026-03-01T11:00:00.000Z'],
    // 30 Ramadan 14:00 + 2 h: 1 h that day, then Eid al-Fitr until Tuesday 24 March.
    ['2026-03-19T11:00:00.000Z', 2 * hour, '2026-03-24T06:00:00.000Z'],
    // No time: the start itself, even outside working hours.
    ['2026-04-10T09:00:00.000Z', 0, '2026-04-10T09:00:00.000Z'],
  ])('on the business calendar, %s + %i ms is %s', (start, duration, expected) => {
    expect(addWorkingTime(defaultBusinessCalendar, start, duration).toISOString()).toBe(expected);
  });

  it('adds wall-clock time on the always calendar', () => {
    expect(addWorkingTime(alwaysCalendar, Date.UTC(2026, 4, 27, 22), hour).toISOString()).toBe(
      '2026-05-27T23:00:00.000Z',
    );
  });

  it('refuses a negative or non-finite duration and an invalid start', () => {
    for (const duration of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addWorkingTime(alwaysCalendar, 0, duration)).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    }
    expect(() => addWorkingTime(alwaysCalendar, '2026-04-10 09:00', 1)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('gives up with INVALID_CALENDAR when no working time is ever reached', () => {
    const never = createWorkingCalendar({
      kind: 'weekly',
      timeZone: 'UTC',
      windows: [{ day: 1, start: '08:00', end: '09:00' }],
      hijriMonthWindows: Array.from({ length: 12 }, (_, index) => ({
        month: index + 1,
        windows: [],
      })),
    });
    expect(() => addWorkingTime(never, 0, 1)).toThrow(
      expect.objectContaining({ code: 'INVALID_CALENDAR' }),
    );
  });

  describe('then workingTimeBetween gives back the duration', () => {
    const identity = (calendar: Calendar, start: number, duration: number) => {
      const due = addWorkingTime(calendar, start, duration);
      expect(due.getTime()).toBeGreaterThanOrEqual(start);
      expect(workingTimeBetween(calendar, start, due)).toBe(duration);
    };

    it('on the always and business calendars', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(alwaysCalendar, defaultBusinessCalendar),
          startArbitrary,
          fc.integer({ min: 0, max: 60 * 8 * hour }),
          identity,
        ),
      );
    });

    it('on random weekly calendars, with midnight-crossing windows and DST', () => {
      fc.assert(
        fc.property(
          arbitraryWeeklyCalendar([...fixedOffsetZones, ...daylightSavingZones]),
          startArbitrary,
          fc.double({ min: 0, max: 6, noNaN: true }),
          (random, start, weeks) =>
            identity(random.calendar, start, Math.floor(weeks * weeklyWorkingMs(random.spans))),
        ),
        { numRuns: 60 },
      );
    });
  });

  describe('a due time lies inside or at the end of a working interval', () => {
    it('on the business calendar', () => {
      const compiled = createWorkingCalendar(defaultBusinessCalendar);
      fc.assert(
        fc.property(
          startArbitrary,
          fc.integer({ min: 1, max: 30 * 8 * hour }),
          (start, duration) => {
            const due = addWorkingTime(compiled, start, duration).getTime();
            expect(isBusinessTime(due - 1)).toBe(true);
            expect(compiled.isWorkingTime(due - 1)).toBe(true);
          },
        ),
      );
    });

    it('on random weekly calendars', () => {
      fc.assert(
        fc.property(
          arbitraryWeeklyCalendar(fixedOffsetZones),
          startArbitrary,
          fc.double({ min: 0, max: 4, noNaN: true }),
          (random, start, weeks) => {
            const duration = Math.max(1, Math.floor(weeks * weeklyWorkingMs(random.spans)));
            const due = addWorkingTime(random.calendar, start, duration).getTime();
            expect(isRandomWorkingTime(random, due - 1)).toBe(true);
          },
        ),
        { numRuns: 60 },
      );
    });
  });

  it('agrees minute by minute with an independent reading of the calendar', () => {
    const minuteStart = fc
      .integer({ min: Date.UTC(2024, 0, 1) / minute, max: Date.UTC(2040, 0, 1) / minute })
      .map((value) => value * minute);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constant<RandomCalendar | undefined>(undefined),
          arbitraryWeeklyCalendar(fixedOffsetZones),
        ),
        minuteStart,
        (random, start) => {
          const end = start + 36 * hour;
          let expected = 0;
          for (let instant = start; instant < end; instant += minute) {
            const working =
              random === undefined ? isBusinessTime(instant) : isRandomWorkingTime(random, instant);
            if (working) expected += minute;
          }
          expect(workingTimeBetween(random?.calendar ?? defaultBusinessCalendar, start, end)).toBe(
            expected,
          );
        },
      ),
      { numRuns: 20 },
    );
  });
});
