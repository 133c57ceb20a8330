import { toHijriDate } from './to-hijri-date.js';

/**
 * Gives the Umm al-Qura Hijri year of an instant in a time zone: the year printed in report
 * numbers such as `1448-000123-7`.
 *
 * @throws {@link ValidationError} (`VALIDATION_FAILED`) for an invalid instant or time zone.
 * @example
 * ```ts
 * hijriYearOf('2026-06-16T06:00:00.000Z'); // 1448 (1 Muharram 1448)
 * ```
 */
export function hijriYearOf(instant: Date | number | string, timeZone = 'Asia/Riyadh'): number {
  return toHijriDate(instant, timeZone).year;
}
