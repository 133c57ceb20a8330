import { describe, expect, it } from 'vitest';
import { isBalaghError } from '../errors/balagh-error.js';
import type { Calendar, WorkingWindow } from '../schemas/calendar.js';
import { alwaysCalendar } from './always-calendar.js';
import {
  createWorkingCalendar,
  isWorkingCalendar,
  resolveWorkingCalendar,
} from './create-working-calendar.js';
import { defaultBusinessCalendar } from './default-business-calendar.js';

const hour = 3_600_000;

function between(calendar: Calendar, start: string, end: string): number {
  return createWorkingCalendar(calendar).workingTimeBetween(Date.parse(start), Date.parse(end));
}

function everyDay(start: string, end: string): WorkingWindow[] {
  return [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start, end }));
}

function compileError(calendar: unknown): unknown {
  try {
    createWorkingCalendar(calendar as Calendar);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('createWorkingCalendar', () => {
  it('refuses an unknown IANA time zone', () => {
    const error = compileError({
      kind: 'weekly',
      timeZone: 'Asia/Atlantis',
      windows: everyDay('08:00', '16:00'),
    });
    expect(isBalaghError(error, 'INVALID_CALENDAR')).toBe(true);
    expect(error).toMatchObject({ issues: [{ path: 'timeZone' }] });
  });

  it('refuses overlapping windows, including across Saturday midnight', () => {
    const sameDay = compileError({
      kind: 'weekly',
      timeZone: 'Asia/Riyadh',
      windows: [
        { day: 1, start: '08:00', end: '12:00' },
        { day: 1, start: '11:00', end: '16:00' },
      ],
    });
    expect(isBalaghError(sameDay, 'INVALID_CALENDAR')).toBe(true);
    const acrossTheWeek = compileError({
      kind: 'weekly',
      timeZone: 'Asia/Riyadh',
      windows: [
        { day: 6, start: '22:00', end: '02:00' },
        { day: 0, start: '01:00', end: '05:00' },
      ],
    });
    expect(isBalaghError(acrossTheWeek, 'INVALID_CALENDAR')).toBe(true);
  });

  it('accepts windows that touch without overlapping', () => {
    const calendar = createWorkingCalendar({
      kind: 'weekly',
      timeZone: 'UTC',
      windows: [
        { day: 1, start: '08:00', end: '12:00' },
        { day: 1, start: '12:00', end: '16:00' },
      ],
    });
    expect(
      calendar.workingTimeBetween(
        Date.parse('2026-04-06T00:00:00.000Z'),
        Date.parse('2026-04-07T00:00:00.000Z'),
      ),
    ).toBe(8 * hour);
  });

  it.each([
    [
      'a window ending before it starts on 24:00',
      { kind: 'weekly', timeZone: 'UTC', windows: [{ day: 1, start: '24:00', end: '08:00' }] },
    ],
    ['no weekly window', { kind: 'weekly', timeZone: 'UTC', windows: [] }],
    ['an unknown kind', { kind: 'sometimes' }],
    [
      'a Hijri month listed twice',
      {
        kind: 'weekly',
        timeZone: 'UTC',
        windows: everyDay('08:00', '16:00'),
        hijriMonthWindows: [
          { month: 9, windows: [] },
          { month: 9, windows: [] },
        ],
      },
    ],
    [
      'a dated Hijri holiday that does not exist',
      {
        kind: 'weekly',
        timeZone: 'UTC',
        windows: everyDay('08:00', '16:00'),
        holidays: [{ hijri: { year: 1447, month: 12, day: 30 } }],
      },
    ],
    [
      'a yearly holiday on 02-30',
      {
        kind: 'weekly',
        timeZone: 'UTC',
        windows: everyDay('08:00', '16:00'),
        holidays: [{ monthDay: '02-30' }],
      },
    ],
  ])('refuses %s with INVALID_CALENDAR', (_, calendar) => {
    expect(isBalaghError(compileError(calendar), 'INVALID_CALENDAR')).toBe(true);
  });

  it('is recognised as compiled, and a plain calendar is compiled once per object', () => {
    const compiled = createWorkingCalendar(defaultBusinessCalendar);
    expect(isWorkingCalendar(compiled)).toBe(true);
    expect(isWorkingCalendar(defaultBusinessCalendar)).toBe(false);
    expect(resolveWorkingCalendar(compiled)).toBe(compiled);
    expect(resolveWorkingCalendar(defaultBusinessCalendar)).toBe(
      resolveWorkingCalendar(defaultBusinessCalendar),
    );
    expect(resolveWorkingCalendar({ ...defaultBusinessCalendar })).toBe(
      resolveWorkingCalendar(defaultBusinessCalendar),
    );
  });

  it('counts every millisecond on the always calendar', () => {
    expect(between(alwaysCalendar, '2026-04-05T00:00:00.000Z', '2026-04-05T00:00:01.500Z')).toBe(
      1500,
    );
    expect(between(alwaysCalendar, '2026-04-05T00:00:01.500Z', '2026-04-05T00:00:00.000Z')).toBe(0);
  });

  describe('default business calendar', () => {
    it('works 08:00–16:00 in Riyadh from Sunday to Thursday, not on the weekend', () => {
      // Sunday 5 April 2026 to Sunday 12 April: five days of 8 hours.
      expect(
        between(defaultBusinessCalendar, '2026-04-04T21:00:00.000Z', '2026-04-11T21:00:00.000Z'),
      ).toBe(40 * hour);
      const calendar = createWorkingCalendar(defaultBusinessCalendar);
      expect(calendar.isWorkingTime(Date.parse('2026-04-05T04:59:59.999Z'))).toBe(false);
      expect(calendar.isWorkingTime(Date.parse('2026-04-05T05:00:00.000Z'))).toBe(true);
      expect(calendar.isWorkingTime(Date.parse('2026-04-05T12:59:59.999Z'))).toBe(true);
      expect(calendar.isWorkingTime(Date.parse('2026-04-05T13:00:00.000Z'))).toBe(false);
      expect(calendar.isWorkingTime(Date.parse('2026-04-10T08:00:00.000Z'))).toBe(false); // Friday
    });

    it('works 10:00–15:00 in Ramadan, from the local day 1 Ramadan starts', () => {
      // Tuesday 17 February 2026 is 29 Sha'ban; Wednesday 18 February is 1 Ramadan 1447.
      expect(
        between(defaultBusinessCalendar, '2026-02-16T21:00:00.000Z', '2026-02-17T21:00:00.000Z'),
      ).toBe(8 * hour);
      expect(
        between(defaultBusinessCalendar, '2026-02-17T21:00:00.000Z', '2026-02-18T21:00:00.000Z'),
      ).toBe(5 * hour);
      expect(
        createWorkingCalendar(defaultBusinessCalendar).isWorkingTime(
          Date.parse('2026-02-18T06:59:59.999Z'),
        ),
      ).toBe(false);
    });

    it('closes for four days of Eid al-Fitr and of Eid al-Adha', () => {
      // 1–4 Shawwal 1447 = Friday 20 to Monday 23 March 2026; back on Tuesday 24 March.
      expect(
        between(defaultBusinessCalendar, '2026-03-19T21:00:00.000Z', '2026-03-23T21:00:00.000Z'),
      ).toBe(0);
      expect(
        between(defaultBusinessCalendar, '2026-03-23T21:00:00.000Z', '2026-03-24T21:00:00.000Z'),
      ).toBe(8 * hour);
      // 10–13 Dhu al-Hijjah 1447 = Wednesday 27 to Saturday 30 May 2026: Tuesday and Sunday work.
      expect(
        between(defaultBusinessCalendar, '2026-05-25T21:00:00.000Z', '2026-05-31T21:00:00.000Z'),
      ).toBe(16 * hour);
    });

    it('closes on Founding Day and the Saudi National Day every year', () => {
      // Sunday 22 February 2027 and Wednesday 23 September 2026.
      expect(
        between(defaultBusinessCalendar, '2027-02-21T21:00:00.000Z', '2027-02-22T21:00:00.000Z'),
      ).toBe(0);
      expect(
        between(defaultBusinessCalendar, '2026-09-22T21:00:00.000Z', '2026-09-23T21:00:00.000Z'),
      ).toBe(0);
      expect(
        between(defaultBusinessCalendar, '2026-09-21T21:00:00.000Z', '2026-09-22T21:00:00.000Z'),
      ).toBe(8 * hour);
    });
  });

  describe('windows in a time zone with daylight saving time', () => {
    const newYork = createWorkingCalendar({
      kind: 'weekly',
      timeZone: 'America/New_York',
      windows: everyDay('00:00', '06:00'),
    });
    const london = createWorkingCalendar({
      kind: 'weekly',
      timeZone: 'Europe/London',
      windows: everyDay('00:00', '04:00'),
    });
    const day = (calendar: typeof london, start: string, end: string) =>
      calendar.workingTimeBetween(Date.parse(start), Date.parse(end));

    it('shortens a window on the day the clocks go forward', () => {
      expect(day(newYork, '2026-03-08T05:00:00.000Z', '2026-03-08T10:00:00.000Z')).toBe(5 * hour);
      expect(newYork.addWorkingTime(Date.parse('2026-03-08T05:00:00.000Z'), 5 * hour)).toBe(
        Date.parse('2026-03-08T10:00:00.000Z'),
      );
      expect(day(london, '2026-03-29T00:00:00.000Z', '2026-03-29T12:00:00.000Z')).toBe(3 * hour);
    });

    it('lengthens a window on the day the clocks go back', () => {
      expect(day(newYork, '2026-11-01T04:00:00.000Z', '2026-11-01T11:00:00.000Z')).toBe(7 * hour);
      expect(day(london, '2026-10-24T23:00:00.000Z', '2026-10-26T00:00:00.000Z')).toBe(5 * hour);
      expect(day(newYork, '2026-11-02T05:00:00.000Z', '2026-11-03T05:00:00.000Z')).toBe(6 * hour);
    });

    it('starts a window at the change when its start time is skipped, and at the first of two', () => {
      const skipped = createWorkingCalendar({
        kind: 'weekly',
        timeZone: 'America/New_York',
        windows: [{ day: 0, start: '02:30', end: '04:00' }],
      });
      // Sunday 8 March 2026: 02:00 EST jumps to 03:00 EDT (07:00Z); 04:00 EDT is 08:00Z.
      expect(
        skipped.workingTimeBetween(
          Date.parse('2026-03-08T00:00:00.000Z'),
          Date.parse('2026-03-09T00:00:00.000Z'),
        ),
      ).toBe(hour);
      expect(skipped.isWorkingTime(Date.parse('2026-03-08T07:00:00.000Z'))).toBe(true);
      const repeated = createWorkingCalendar({
        kind: 'weekly',
        timeZone: 'America/New_York',
        windows: [{ day: 0, start: '01:30', end: '03:00' }],
      });
      // Sunday 1 November 2026: the first 01:30 is 05:30Z (EDT); 03:00 EST is 08:00Z.
      expect(
        repeated.workingTimeBetween(
          Date.parse('2026-11-01T00:00:00.000Z'),
          Date.parse('2026-11-02T00:00:00.000Z'),
        ),
      ).toBe(2.5 * hour);
      expect(repeated.isWorkingTime(Date.parse('2026-11-01T05:30:00.000Z'))).toBe(true);
    });
  });

  it('runs a window across midnight into the next day', () => {
    const night = createWorkingCalendar({
      kind: 'weekly',
      timeZone: 'Asia/Riyadh',
      windows: [{ day: 4, start: '22:00', end: '02:00' }],
    });
    // Thursday 9 April 2026 22:00 to Friday 02:00 in Riyadh (19:00Z to 23:00Z).
    expect(
      night.workingTimeBetween(
        Date.parse('2026-04-09T00:00:00.000Z'),
        Date.parse('2026-04-11T00:00:00.000Z'),
      ),
    ).toBe(4 * hour);
    expect(night.isWorkingTime(Date.parse('2026-04-09T22:59:59.999Z'))).toBe(true);
    expect(night.isWorkingTime(Date.parse('2026-04-09T23:00:00.000Z'))).toBe(false);
  });

  it('takes a 24-hour window when the end equals the start', () => {
    const allDay = createWorkingCalendar({
      kind: 'weekly',
      timeZone: 'UTC',
      windows: [{ day: 1, start: '08:00', end: '08:00' }],
    });
    expect(
      allDay.workingTimeBetween(
        Date.parse('2026-04-06T00:00:00.000Z'),
        Date.parse('2026-04-08T00:00:00.000Z'),
      ),
    ).toBe(24 * hour);
  });

  it('removes the whole local day of a holiday, even the part of a window from the day before', () => {
    const night = createWorkingCalendar({
      kind: 'weekly',
      timeZone: 'Asia/Riyadh',
      windows: [{ day: 4, start: '22:00', end: '02:00' }],
      holidays: [{ date: '2026-04-10', name: 'a Friday off' }],
    });
    expect(
      night.workingTimeBetween(
        Date.parse('2026-04-09T00:00:00.000Z'),
        Date.parse('2026-04-11T00:00:00.000Z'),
      ),
    ).toBe(2 * hour);
  });

  it('replaces the weekly windows with a Hijri month’s, by the day a window starts on', () => {
    const calendar = createWorkingCalendar({
      kind: 'weekly',
      timeZone: 'UTC',
      windows: everyDay('08:00', '16:00'),
      hijriMonthWindows: [{ month: 9, windows: [{ day: 3, start: '20:00', end: '03:00' }] }],
    });
    // Wednesday 18 February 2026 is 1 Ramadan: only the night window, which runs into Thursday.
    expect(
      calendar.workingTimeBetween(
        Date.parse('2026-02-18T00:00:00.000Z'),
        Date.parse('2026-02-19T00:00:00.000Z'),
      ),
    ).toBe(4 * hour);
    expect(
      calendar.workingTimeBetween(
        Date.parse('2026-02-19T00:00:00.000Z'),
        Date.parse('2026-02-20T00:00:00.000Z'),
      ),
    ).toBe(3 * hour);
  });

  it('places multi-day, yearly and one-year Hijri holidays', () => {
    const calendar = createWorkingCalendar({
      kind: 'weekly',
      timeZone: 'UTC',
      windows: everyDay('00:00', '24:00'),
      holidays: [
        { date: '2026-12-30', days: 3 },
        { monthDay: '02-29' },
        { hijri: { year: 1448, month: 1, day: 1 } },
      ],
    });
    const daysOff = (start: string, end: string) =>
      (Date.parse(end) -
        Date.parse(start) -
        calendar.workingTimeBetween(Date.parse(start), Date.parse(end))) /
      (24 * hour);
    expect(daysOff('2026-12-29T00:00:00.000Z', '2027-01-03T00:00:00.000Z')).toBe(3);
    expect(daysOff('2027-02-01T00:00:00.000Z', '2027-03-31T00:00:00.000Z')).toBe(0);
    expect(daysOff('2028-02-29T00:00:00.000Z', '2028-03-01T00:00:00.000Z')).toBe(1);
    expect(daysOff('2026-06-16T00:00:00.000Z', '2026-06-17T00:00:00.000Z')).toBe(1);
    expect(daysOff('2027-06-01T00:00:00.000Z', '2027-06-30T00:00:00.000Z')).toBe(0); // 1 Muharram 1449
  });
});
