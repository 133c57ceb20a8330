/** An instant as Balagh's functions accept it: a `Date`, epoch milliseconds, or an ISO 8601 string. */
export type Instant = Date | number | string;

// A string without a zone designator would be read in the host's time zone; refuse it.
const isoWithZone =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/i;

/**
 * Reads an instant as epoch milliseconds, or `undefined` when it is not a valid instant. ISO
 * strings must carry a zone (`Z` or an offset), or be a bare date (read as UTC midnight), so the
 * result never depends on the host's time zone.
 */
export function parseInstant(value: Instant): number | undefined {
  let milliseconds: number;
  if (value instanceof Date) milliseconds = value.getTime();
  else if (typeof value === 'number') milliseconds = value;
  else if (typeof value === 'string' && isoWithZone.test(value)) milliseconds = Date.parse(value);
  else return undefined;
  return Number.isFinite(milliseconds) && Math.abs(milliseconds) <= 8.64e15
    ? milliseconds
    : undefined;
}
