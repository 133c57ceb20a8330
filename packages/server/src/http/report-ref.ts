import { parseReportNumber } from '@balagh/core';

const reportIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** A report named in a path: by its id (UUIDv7) or by its printed number. */
export type ReportPathRef =
  | { readonly kind: 'id'; readonly id: string }
  | { readonly kind: 'number'; readonly number: string };

/**
 * Tells a report id from a report number by its form: a UUIDv7 is an id (lower-cased), anything
 * else must be a report number and is read with core's `parseReportNumber` (dashes optional, any
 * digit set) into its canonical form.
 *
 * @throws `BalaghError` `INVALID_REPORT_NUMBER` when it is neither.
 * @example
 * ```ts
 * readReportPathRef('١٤٤٨٠٠٠١٢٣٧'); // { kind: 'number', number: '1448-000123-7' }
 * ```
 */
export function readReportPathRef(text: string): ReportPathRef {
  const trimmed = text.trim();
  if (reportIdPattern.test(trimmed)) return { kind: 'id', id: trimmed.toLowerCase() };
  return { kind: 'number', number: parseReportNumber(trimmed).formatted };
}

/** The id or canonical number of a {@link ReportPathRef}, as the service takes it. */
export function reportRefText(ref: ReportPathRef): string {
  return ref.kind === 'id' ? ref.id : ref.number;
}
