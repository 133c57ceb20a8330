import { BalaghError, formatReportNumber, parseReportNumber, type Report } from '@balagh/core';
import type { StoredReport } from '../storage/storage.js';
import type { Actor } from './report-service.js';
import type { ServiceContext } from './service-context.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The error for a report that does not exist or that the caller may not see.
 *
 * @internal
 */
export const notFound = () => new BalaghError('REPORT_NOT_FOUND', 'No such report.');

/**
 * Tells whether an actor may see a report: a `department` key sees only its department's.
 *
 * @internal
 */
export const inScope = (actor: Actor, report: Report) =>
  actor.role !== 'department' || report.departmentCode === actor.departmentCode;

/**
 * A report number as stored, from one as people type it (any digit set, spaces or dashes).
 *
 * @throws `BalaghError` `INVALID_REPORT_NUMBER` when it is not a report number.
 * @internal
 */
export const canonicalNumber = (input: string) => {
  const parsed = parseReportNumber(input);
  return formatReportNumber({ year: parsed.year, sequence: parsed.sequence });
};

/**
 * Finds stored reports by id or printed number for the parts of the service.
 *
 * @internal
 */
export interface ReportLookup {
  /** The stored report with this id (UUIDv7) or printed number, `undefined` when none. */
  findStored(idOrNumber: string): Promise<StoredReport | undefined>;
  /** {@link findStored} for an actor: `REPORT_NOT_FOUND` when none or out of its scope. */
  readScoped(actor: Actor, idOrNumber: string): Promise<StoredReport>;
}

/**
 * Creates the {@link ReportLookup} of a service over its storage.
 *
 * @internal
 */
export function createReportLookup({ storage }: ServiceContext): ReportLookup {
  const findStored = async (idOrNumber: string): Promise<StoredReport | undefined> =>
    uuidPattern.test(idOrNumber)
      ? await storage.getReport(idOrNumber.toLowerCase())
      : await storage.getReportByNumber(canonicalNumber(idOrNumber));

  const readScoped = async (actor: Actor, idOrNumber: string): Promise<StoredReport> => {
    const stored = await findStored(idOrNumber);
    if (stored === undefined || !inScope(actor, stored.report)) throw notFound();
    return stored;
  };

  return { findStored, readScoped };
}
