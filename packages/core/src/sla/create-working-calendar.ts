import { BalaghError } from '../errors/balagh-error.js';
import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import { civilDayFromDate } from '../hijri/civil-day.js';
import { findCivilDayOfHijriDate } from '../hijri/hijri-to-gregorian.js';
import { type Calendar, calendarSchema, type WorkingWindow } from '../schemas/calendar.js';
import { parseInput } from '../validation/parse-input.js';
import { timeZoneOffsets } from './time-zone-offsets.js';
import {
  type MinuteWindow,
  type WeeklyRules,
  WeeklyWorkingTime,
  type WeekOfWindows,
} from './weekly-working-time.js';

const workingCalendarMarker = Symbol.for('balagh.working-calendar');
const minutesPerDay = 1440;
const minutesPerWeek = 7 * minutesPerDay;

/**
 * A {@link Calendar} compiled for fast working-time arithmetic. Build one with
 * {@link createWorkingCalendar} and reuse it: it caches the working intervals it lays out.
 *
 * Its methods take and return epoch milliseconds and skip input validation: they are the fast
 * path under {@link addWorkingTime}, {@link workingTimeBetween} and {@link slaStatus}.
 */
export interface WorkingCalendar {
  /** The calendar this was compiled from, as validated. */
  readonly calendar: Calendar;
  /** The IANA time zone of the working windows; `UTC` for an `always` calendar. */
  readonly timeZone: string;
  /** Working milliseconds in `[start, end)`; 0 when `end <= start`. */
  workingTimeBetween(start: number, end: number): number;
  /**
   * The instant at which `duration` working milliseconds (≥ 0, whole) have elapsed after
   * `start`. With a positive duration it lies inside, or at the end of, a working interval.
   */
  addWorkingTime(start: number, duration: number): number;
  /** Whether the instant is working time. */
  isWorkingTime(instant: number): boolean;
}

/** Tells whether a value is a {@link WorkingCalendar} (from any copy of this package). */
export function isWorkingCalendar(value: unknown): value is WorkingCalendar {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[workingCalendarMarker] === true
  );
}

function mark<T extends WorkingCalendar>(workingCalendar: T): T {
  Object.defineProperty(workingCalendar, workingCalendarMarker, { value: true });
  return Object.freeze(workingCalendar);
}

function parseClock(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Converts windows to minutes, reporting overlaps on the weekly cycle. */
function compileWeek(
  windows: readonly WorkingWindow[],
  path: string,
  issues: ValidationIssue[],
): WeekOfWindows {
  const week: MinuteWindow[][] = [[], [], [], [], [], [], []];
  const spans: { start: number; end: number; index: number }[] = [];
  windows.forEach((window, index) => {
    const startMinute = parseClock(window.start);
    let endMinute = parseClock(window.end);
    // An end not after the start is on the next day: 22:00–02:00, and 08:00–08:00 is 24 hours.
    if (endMinute <= startMinute) endMinute += minutesPerDay;
    week[window.day]?.push({ startMinute, endMinute });
    const start = window.day * minutesPerDay + startMinute;
    spans.push({ start, end: window.day * minutesPerDay + endMinute, index });
  });
  spans.sort((left, right) => left.start - right.start);
  for (let index = 0; index < spans.length; index++) {
    const current = spans[index]!;
    // The week is a cycle: the last window may run past Saturday midnight into Sunday.
    const next = index + 1 < spans.length ? spans[index + 1]! : spans[0]!;
    const nextStart = index + 1 < spans.length ? next.start : next.start + minutesPerWeek;
    if (spans.length > 1 && current.end > nextStart) {
      issues.push({
        path: `${path}.${next.index}`,
        code: 'overlapping_windows',
        message: `overlaps window ${current.index}`,
      });
    }
  }
  for (const day of week) day.sort((left, right) => left.startMinute - right.startMinute);
  return week;
}

function compileWeekly(calendar: Extract<Calendar, { kind: 'weekly' }>): WeeklyRules {
  const issues: ValidationIssue[] = [];
  const offsets = timeZoneOffsets(calendar.timeZone);
  if (offsets === undefined) {
    issues.push({
      path: 'timeZone',
      code: 'invalid_time_zone',
      message: `unknown IANA time zone ${JSON.stringify(calendar.timeZone)}`,
    });
  }
  if (calendar.windows.length === 0) {
    issues.push({ path: 'windows', code: 'too_small', message: 'must have at least one window' });
  }
  const week = compileWeek(calendar.windows, 'windows', issues);
  const hijriMonthWeeks = new Map<number, WeekOfWindows>();
  (calendar.hijriMonthWindows ?? []).forEach((monthWindows, index) => {
    if (hijriMonthWeeks.has(monthWindows.month)) {
      issues.push({
        path: `hijriMonthWindows.${index}.month`,
        code: 'duplicate_month',
        message: `Hijri month ${monthWindows.month} already has windows`,
      });
    }
    hijriMonthWeeks.set(
      monthWindows.month,
      compileWeek(monthWindows.windows, `hijriMonthWindows.${index}.windows`, issues),
    );
  });
  const holidayDays = new Set<number>();
  const yearlyHolidays: { month: number; day: number; days: number }[] = [];
  const hijriHolidays: { year?: number; month: number; day: number; days: number }[] = [];
  (calendar.holidays ?? []).forEach((holiday, index) => {
    const days = holiday.days ?? 1;
    if ('date' in holiday) {
      const first = civilDayFromDate(
        Number(holiday.date.slice(0, 4)),
        Number(holiday.date.slice(5, 7)),
        Number(holiday.date.slice(8, 10)),
      );
      for (let offset = 0; offset < days; offset++) holidayDays.add(first + offset);
    } else if ('monthDay' in holiday) {
      const month = Number(holiday.monthDay.slice(0, 2));
      const day = Number(holiday.monthDay.slice(3, 5));
      yearlyHolidays.push({ month, day, days });
    } else {
      const { year, month, day } = holiday.hijri;
      if (year !== undefined) {
        if (findCivilDayOfHijriDate(year, month, day) === undefined) {
          issues.push({
            path: `holidays.${index}.hijri.day`,
            code: 'invalid_hijri_date',
            message: `month ${month} of ${year} AH has 29 days`,
          });
        }
        hijriHolidays.push({ year, month, day, days });
      } else hijriHolidays.push({ month, day, days });
    }
  });
  if (issues.length > 0 || offsets === undefined) {
    const first = issues[0];
    throw new ValidationError(
      `Invalid calendar. ${first ? `${first.path}: ${first.message}` : ''}`,
      issues,
      { code: 'INVALID_CALENDAR' },
    );
  }
  return { offsets, week, hijriMonthWeeks, holidayDays, yearlyHolidays, hijriHolidays };
}

/**
 * Compiles and validates a {@link Calendar} into a {@link WorkingCalendar}: the form that
 * computes working time fast, by laying out working intervals once per stretch of time and
 * caching them.
 *
 * Windows are local wall-clock times in the calendar's IANA zone, so a window on a day when
 * daylight saving time starts or ends is an hour shorter or longer. A window whose end is not
 * after its start crosses midnight. On days whose local date falls in a Hijri month listed in
 * `hijriMonthWindows`, that month's windows replace the weekly ones. A holiday removes whole
 * local days, including the part of a window from the day before that crosses into it. A
 * local time skipped by a DST change stands for the instant of the change; a time that happens
 * twice, for its first occurrence.
 *
 * @throws {@link ValidationError} with code `INVALID_CALENDAR` when the calendar does not match
 * its schema, names an unknown time zone, has overlapping windows, no weekly window, a Hijri
 * month listed twice, or a dated Hijri holiday that does not exist.
 * @example
 * ```ts
 * const calendar = createWorkingCalendar(defaultBusinessCalendar);
 * const due = addWorkingTime(calendar, '2026-03-01T05:00:00.000Z', 8 * 60 * 60 * 1000);
 * ```
 */
export function createWorkingCalendar(calendar: Calendar): WorkingCalendar {
  const parsed = parseInput(calendarSchema, calendar, 'calendar', 'INVALID_CALENDAR');
  if (parsed.kind === 'always') {
    return mark({
      calendar: parsed,
      timeZone: 'UTC',
      workingTimeBetween: (start: number, end: number) => (end > start ? end - start : 0),
      addWorkingTime: (start: number, duration: number) => start + duration,
      isWorkingTime: () => true,
    });
  }
  const workingTime = new WeeklyWorkingTime(compileWeekly(parsed));
  return mark({
    calendar: parsed,
    timeZone: parsed.timeZone,
    workingTimeBetween: (start: number, end: number) => workingTime.between(start, end),
    addWorkingTime: (start: number, duration: number) =>
      duration > 0 ? workingTime.add(start, duration) : start,
    isWorkingTime: (instant: number) => workingTime.contains(instant),
  });
}

const compiledByIdentity = new WeakMap<object, WorkingCalendar>();
const compiledByContent = new Map<string, WorkingCalendar>();
const compiledByContentLimit = 64;

/**
 * The {@link WorkingCalendar} of a calendar given either way: a compiled one is returned as is;
 * a plain one is compiled once and cached by object identity, and by content, so a policy
 * parsed afresh for every request does not lay out its calendar again.
 *
 * @throws {@link ValidationError} with code `INVALID_CALENDAR` for an invalid calendar.
 */
export function resolveWorkingCalendar(calendar: Calendar | WorkingCalendar): WorkingCalendar {
  if (isWorkingCalendar(calendar)) return calendar;
  if (typeof calendar !== 'object' || calendar === null) {
    throw new BalaghError('INVALID_CALENDAR', 'Invalid calendar: expected a calendar object.');
  }
  let compiled = compiledByIdentity.get(calendar);
  if (compiled !== undefined) return compiled;
  const key = JSON.stringify(calendar);
  compiled = compiledByContent.get(key);
  if (compiled === undefined) {
    compiled = createWorkingCalendar(calendar);
    if (compiledByContent.size >= compiledByContentLimit) {
      const oldest = compiledByContent.keys().next().value;
      if (oldest !== undefined) compiledByContent.delete(oldest);
    }
    compiledByContent.set(key, compiled);
  }
  compiledByIdentity.set(calendar, compiled);
  return compiled;
}
