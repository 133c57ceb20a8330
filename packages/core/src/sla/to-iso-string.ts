import { dateFromCivilDay, millisecondsPerDay } from '../hijri/civil-day.js';

const twoDigits = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, '0'));
const threeDigits = Array.from({ length: 1000 }, (_, value) => String(value).padStart(3, '0'));
const datePrefixes = new Map<number, string>();
const datePrefixCacheLimit = 4096;

/**
 * Formats epoch milliseconds as `2026-11-27T10:00:00.000Z`, like `Date.prototype.toISOString`
 * but several times faster: the SLA engine formats a handful of instants per report.
 */
export function toIsoString(milliseconds: number): string {
  const civilDay = Math.floor(milliseconds / millisecondsPerDay);
  let prefix = datePrefixes.get(civilDay);
  if (prefix === undefined) {
    const { year, month, day } = dateFromCivilDay(civilDay);
    if (year < 0 || year > 9999) return new Date(milliseconds).toISOString();
    prefix = `${String(year).padStart(4, '0')}-${twoDigits[month]}-${twoDigits[day]}T`;
    if (datePrefixes.size >= datePrefixCacheLimit) datePrefixes.clear();
    datePrefixes.set(civilDay, prefix);
  }
  let rest = milliseconds - civilDay * millisecondsPerDay;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  return `${prefix}${twoDigits[hour]}:${twoDigits[minute]}:${twoDigits[second]}.${threeDigits[rest - second * 1000]}Z`;
}
