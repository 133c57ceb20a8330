import { ValidationError } from '../errors/validation-error.js';
import { civilDayFromDate, daysInGregorianMonth, millisecondsPerDay } from '../hijri/civil-day.js';

// A string without a zone designator would be read in the host's time zone; refuse it.
const isoWithZone =
  /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/i;
const largestInstant = 8.64e15;

/**
 * Reads an instant (a `Date`, epoch milliseconds, or an ISO 8601 string with `Z` or an offset)
 * as epoch milliseconds, the form every SLA computation works on.
 *
 * The common shape `2026-11-27T10:00:00.000Z` is read without `Date.parse`, because the SLA
 * engine reads every timeline entry of every report it is asked about.
 *
 * @param what - What the instant is, for the error message (`"now"`, `"timeline.2.at"`).
 * @throws {@link ValidationError} (`VALIDATION_FAILED`) when the value is not a valid instant.
 */
export function toEpochMilliseconds(instant: Date | number | string, what = 'instant'): number {
  const milliseconds = readInstant(instant);
  if (Number.isNaN(milliseconds)) {
    throw new ValidationError(
      `Invalid ${what}: expected a Date, epoch milliseconds or an ISO 8601 instant with a zone.`,
      [{ path: what, code: 'invalid_instant', message: 'must be a valid instant' }],
    );
  }
  return milliseconds;
}

/**
 * Reads an instant like {@link toEpochMilliseconds}, but answers `NaN` instead of throwing, for
 * hot loops that build their own error.
 */
export function readInstant(instant: Date | number | string): number {
  let milliseconds: number;
  if (typeof instant === 'string') milliseconds = parseIsoInstant(instant);
  else if (typeof instant === 'number') milliseconds = instant;
  else if (instant instanceof Date) milliseconds = instant.getTime();
  else milliseconds = Number.NaN;
  return Number.isFinite(milliseconds) && Math.abs(milliseconds) <= largestInstant
    ? Math.floor(milliseconds)
    : Number.NaN;
}

function digit(text: string, index: number): number {
  const value = text.charCodeAt(index) - 48;
  return value >= 0 && value <= 9 ? value : Number.NaN;
}

function parseIsoInstant(text: string): number {
  if (
    text.length === 24 &&
    text.charCodeAt(23) === 90 /* Z */ &&
    text.charCodeAt(10) === 84 /* T */ &&
    text.charCodeAt(4) === 45 &&
    text.charCodeAt(7) === 45 &&
    text.charCodeAt(13) === 58 &&
    text.charCodeAt(16) === 58 &&
    text.charCodeAt(19) === 46
  ) {
    const year =
      digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
    const month = digit(text, 5) * 10 + digit(text, 6);
    const day = digit(text, 8) * 10 + digit(text, 9);
    const hour = digit(text, 11) * 10 + digit(text, 12);
    const minute = digit(text, 14) * 10 + digit(text, 15);
    const second = digit(text, 17) * 10 + digit(text, 18);
    const millisecond = digit(text, 20) * 100 + digit(text, 21) * 10 + digit(text, 22);
    if (
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= daysInGregorianMonth(year, month) &&
      hour <= 23 &&
      minute <= 59 &&
      second <= 59 &&
      millisecond >= 0
    ) {
      return (
        civilDayFromDate(year, month, day) * millisecondsPerDay +
        hour * 3_600_000 +
        minute * 60_000 +
        second * 1000 +
        millisecond
      );
    }
    return Number.NaN;
  }
  const match = isoWithZone.exec(text);
  if (!match) return Number.NaN;
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Date.parse rolls 2026-02-30 over to March; refuse dates that do not exist.
  if (month < 1 || month > 12 || day < 1 || day > daysInGregorianMonth(Number(match[1]), month)) {
    return Number.NaN;
  }
  return Date.parse(text);
}
