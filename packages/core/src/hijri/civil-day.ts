/** Milliseconds in a civil day of 24 hours. */
export const millisecondsPerDay = 86_400_000;

/**
 * Counts days from 1970-01-01 to a proleptic Gregorian date, without `Date` and without the
 * host's time zone (Howard Hinnant's `days_from_civil`).
 */
export function civilDayFromDate(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The proleptic Gregorian date of a day counted from 1970-01-01 (`civil_from_days`). */
export function dateFromCivilDay(civilDay: number): { year: number; month: number; day: number } {
  const shifted = civilDay + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Weekday of a civil day, 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOfCivilDay(civilDay: number): number {
  return (((civilDay + 4) % 7) + 7) % 7;
}

/** Number of days in a Gregorian month. */
export function daysInGregorianMonth(year: number, month: number): number {
  return (
    civilDayFromDate(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
    civilDayFromDate(year, month, 1)
  );
}
