import * as z from 'zod/mini';

const instantPattern = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;

/**
 * Tells whether a string is an instant as Balagh writes them: ISO 8601 in UTC with seconds,
 * `2026-11-27T10:00:00.000Z`, naming a real date and time (no 30 February, no 24:00).
 */
export function isInstant(value: string): boolean {
  if (!instantPattern.test(value)) return false;
  const time = Date.parse(value);
  // Date.parse rolls an impossible day or hour over to the next one: compare what it read.
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 19) === value.slice(0, 19);
}

/**
 * Schema of an instant: ISO 8601 in UTC with seconds and any fraction, as `Date#toISOString`
 * writes it. It accepts what `z.iso.datetime()` accepts and is described the same way in JSON
 * Schema (`format: date-time`), without the date regular expression `z.iso.datetime()` builds,
 * which weighs on every browser bundle that validates with core's schemas.
 */
export const instantSchema = z.stringFormat('datetime', isInstant);
