import { BalaghError } from '../errors/balagh-error.js';

const uuidVersion7Pattern =
  /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Reads the creation time out of a report id made by {@link createReportId} (any UUIDv7): the
 * Unix time in milliseconds of its first 48 bits.
 *
 * @throws {@link BalaghError} `VALIDATION_FAILED` when `id` is not a UUIDv7.
 * @example
 * ```ts
 * new Date(reportIdTimestamp(report.id)).toISOString();
 * ```
 */
export function reportIdTimestamp(id: string): number {
  if (typeof id !== 'string' || !uuidVersion7Pattern.test(id)) {
    throw new BalaghError('VALIDATION_FAILED', 'Not a report id: expected a UUIDv7.');
  }
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
