import { ValidationError } from '../errors/validation-error.js';
import { toEpochMilliseconds } from '../sla/to-epoch-milliseconds.js';
import { millisecondsPerDay } from './civil-day.js';

/** A calendar date as three numbers: a Hijri date, or a Gregorian civil date. */
export interface YearMonthDay {
  readonly year: number;
  /** 1 … 12. */
  readonly month: number;
  /** 1 … 30 (Hijri) or 1 … 31 (Gregorian). */
  readonly day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

// Formatters are expensive to build (tens of microseconds); keep one per time zone.
function hijriFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
        timeZone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
      });
    } catch (error) {
      throw new ValidationError(
        `Unknown time zone ${JSON.stringify(timeZone)}.`,
        [{ path: 'timeZone', code: 'invalid_time_zone', message: 'must be an IANA time zone' }],
        { cause: error },
      );
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function formatHijri(milliseconds: number, timeZone: string): YearMonthDay {
  let year = Number.NaN;
  let month = Number.NaN;
  let day = Number.NaN;
  for (const part of hijriFormatter(timeZone).formatToParts(milliseconds)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return { year, month, day };
}

/**
 * Gives the Umm al-Qura (Saudi official) Hijri date of an instant, as the local date in a time
 * zone: what Makkah's calendar reads at that moment.
 *
 * The conversion uses the platform's `Intl` (ICU) Umm al-Qura tables, which cover 1300–1600 AH;
 * outside that range ICU falls back to the arithmetic Islamic calendar.
 *
 * @param instant - A `Date`, epoch milliseconds, or an ISO 8601 string with a zone.
 * @param timeZone - IANA time zone whose local date is converted; `Asia/Riyadh` by default.
 * @throws {@link ValidationError} (`VALIDATION_FAILED`) for an invalid instant or time zone.
 * @example
 * ```ts
 * toHijriDate('2026-02-18T09:00:00.000Z'); // { year: 1447, month: 9, day: 1 }: 1 Ramadan 1447
 * ```
 */
export function toHijriDate(
  instant: Date | number | string,
  timeZone = 'Asia/Riyadh',
): YearMonthDay {
  return formatHijri(toEpochMilliseconds(instant), timeZone);
}

const civilDayCache = new Map<number, YearMonthDay>();
const civilDayCacheLimit = 100_000;

/**
 * The Hijri date of a Gregorian civil day counted from 1970-01-01, cached: the SLA engine asks
 * for it once per local day it lays out.
 */
export function hijriDateOfCivilDay(civilDay: number): YearMonthDay {
  let date = civilDayCache.get(civilDay);
  if (date === undefined) {
    // Noon in UTC sits well inside the civil day whatever ICU does at midnight.
    date = formatHijri(civilDay * millisecondsPerDay + millisecondsPerDay / 2, 'UTC');
    if (civilDayCache.size >= civilDayCacheLimit) civilDayCache.clear();
    civilDayCache.set(civilDay, date);
  }
  return date;
}
