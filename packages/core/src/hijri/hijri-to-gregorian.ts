import { ValidationError } from '../errors/validation-error.js';
import { civilDayFromDate, dateFromCivilDay } from './civil-day.js';
import { hijriDateOfCivilDay, type YearMonthDay } from './to-hijri-date.js';

// 1 Muharram 1 AH was 16 July 622 (Julian), 19 July 622 in the proleptic Gregorian calendar.
const hijriEpochCivilDay = civilDayFromDate(622, 7, 19);
const meanYearDays = 354.367_056;
const meanMonthDays = 29.530_588_853;
const monthStarts = new Map<number, number>();

/**
 * The civil day (from 1970-01-01) on which a Hijri month begins. Umm al-Qura has no closed
 * form, so this starts from the mean-month estimate of mid-month and walks until `Intl` agrees.
 */
function civilDayOfMonthStart(year: number, month: number): number {
  const key = year * 13 + month;
  const cached = monthStarts.get(key);
  if (cached !== undefined) return cached;
  let guess =
    hijriEpochCivilDay +
    Math.floor((year - 1) * meanYearDays) +
    Math.floor((month - 1) * meanMonthDays) +
    14;
  for (let attempt = 0; attempt < 16; attempt++) {
    const found = hijriDateOfCivilDay(guess);
    const monthsApart = (year - found.year) * 12 + (month - found.month);
    if (monthsApart === 0) {
      const start = guess - (found.day - 1);
      monthStarts.set(key, start);
      return start;
    }
    guess += Math.round(monthsApart * meanMonthDays) + (15 - found.day);
  }
  throw new ValidationError(
    `Cannot place Hijri month ${month}/${year} on the Gregorian calendar.`,
    [{ path: 'year', code: 'out_of_range', message: 'is outside the supported range' }],
  );
}

/**
 * The civil day (from 1970-01-01) of a Hijri date, or `undefined` when that date does not
 * exist (day 30 of a 29-day month). Used by the SLA engine to place Hijri holidays.
 */
export function findCivilDayOfHijriDate(
  year: number,
  month: number,
  day: number,
): number | undefined {
  const civilDay = civilDayOfMonthStart(year, month) + day - 1;
  if (day <= 29) return civilDay;
  const found = hijriDateOfCivilDay(civilDay);
  return found.month === month && found.day === day ? civilDay : undefined;
}

function invalid(path: string, message: string): ValidationError {
  return new ValidationError(`Invalid Hijri date: ${path} ${message}.`, [
    { path, code: 'invalid_hijri_date', message },
  ]);
}

/**
 * Gives the Gregorian civil date on which an Umm al-Qura Hijri date falls: the day Eid or the
 * first of Ramadan is on the wall calendar.
 *
 * Umm al-Qura months have 29 or 30 days fixed by observation tables, so the date is found by
 * searching from an estimate with {@link toHijriDate}; results are cached.
 *
 * @throws {@link ValidationError} (`VALIDATION_FAILED`) for an impossible date: a month outside
 * 1–12, a day outside 1–30, or day 30 of a month that has 29 days in that year.
 * @example
 * ```ts
 * hijriToGregorian({ year: 1447, month: 9, day: 1 }); // { year: 2026, month: 2, day: 18 }
 * ```
 */
export function hijriToGregorian(date: YearMonthDay): YearMonthDay {
  const { year, month, day } = date;
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw invalid('year', 'must be an integer from 1 to 9999');
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw invalid('month', 'must be an integer from 1 to 12');
  }
  if (!Number.isInteger(day) || day < 1 || day > 30) {
    throw invalid('day', 'must be an integer from 1 to 30');
  }
  const civilDay = findCivilDayOfHijriDate(year, month, day);
  if (civilDay === undefined) {
    throw invalid('day', `must be at most 29: month ${month} of ${year} AH has 29 days`);
  }
  return dateFromCivilDay(civilDay);
}
