import { ValidationError } from '@balagh/core';
import type { StorageListQuery } from '../storage/storage.js';
import type { ReportLookup } from './report-lookup.js';
import type {
  Actor,
  ReportListQuery,
  ReportPage,
  ReportStats,
  StaffReport,
  StatsQuery,
} from './report-service.js';
import { requireRole, staffRoles } from './require-role.js';
import type { ServiceContext } from './service-context.js';
import type { StaffReportView } from './staff-report-view.js';

const day = 24 * 3_600_000;
const statsRoles: readonly Actor['role'][] = ['department', 'supervisor', 'admin', 'system'];

/**
 * What staff read: lists of reports, one report, and stats, each scoped to a `department`
 * key's own department.
 *
 * @internal
 */
export interface StaffQueries {
  /** `ActorReportService.listReports` for an actor. */
  listReports(actor: Actor, query?: ReportListQuery): Promise<ReportPage<StaffReport>>;
  /** `ActorReportService.getReport` for an actor. */
  getReport(actor: Actor, idOrNumber: string): Promise<StaffReport>;
  /** `ActorReportService.getStats` for an actor. */
  getStats(actor: Actor, query?: StatsQuery): Promise<ReportStats>;
}

/**
 * Creates the {@link StaffQueries} of a service.
 *
 * @internal
 */
export function createStaffQueries(
  context: ServiceContext,
  parts: { readonly lookup: ReportLookup; readonly view: StaffReportView },
): StaffQueries {
  const { storage, nowIso } = context;
  const { readScoped } = parts.lookup;
  const { toStaffReport, staffView } = parts.view;

  return {
    async listReports(actor, query: ReportListQuery = {}) {
      requireRole(actor, staffRoles, 'list reports');
      let departmentCode = query.departmentCode;
      if (actor.role === 'department') {
        const own = actor.departmentCode as string;
        if (
          departmentCode !== undefined &&
          departmentCode.length > 0 &&
          !departmentCode.includes(own)
        ) {
          return { items: [] };
        }
        departmentCode = [own];
      }
      const storageQuery: StorageListQuery = {
        ...query,
        ...(departmentCode === undefined ? {} : { departmentCode }),
        ...(query.createdFrom === undefined
          ? {}
          : { createdFrom: isoInstant(query.createdFrom, 'createdFrom') }),
        ...(query.createdTo === undefined
          ? {}
          : { createdTo: isoInstant(query.createdTo, 'createdTo') }),
      };
      const page = await storage.listReports(storageQuery);
      const states = await storage.getClosureStates(page.items.map((item) => item.report.id));
      const items = await Promise.all(
        page.items.map((item) => toStaffReport(item, states.get(item.report.id))),
      );
      return page.nextCursor === undefined ? { items } : { items, nextCursor: page.nextCursor };
    },

    async getReport(actor, idOrNumber) {
      requireRole(actor, staffRoles, 'read reports');
      return staffView(await readScoped(actor, idOrNumber));
    },

    async getStats(actor, query = {}) {
      requireRole(actor, statsRoles, 'read stats');
      const toIso = isoInstant(query.to ?? nowIso(), 'to');
      const fromIso = isoInstant(
        query.from ?? new Date(Date.parse(toIso) - 30 * day).toISOString(),
        'from',
      );
      const stats = await storage.stats({
        from: fromIso,
        to: toIso,
        ...(actor.role === 'department' && actor.departmentCode !== undefined
          ? { departmentCode: actor.departmentCode }
          : {}),
      });
      return { from: fromIso, to: toIso, ...stats } satisfies ReportStats;
    },
  };
}

/**
 * An instant in the stored form (ISO 8601 UTC with milliseconds), which compares as text.
 *
 * @throws `ValidationError` when the value is not a date.
 */
function isoInstant(value: string, path: string): string {
  const milliseconds = Date.parse(value);
  if (Number.isNaN(milliseconds)) {
    throw new ValidationError(`Invalid query. ${path}: must be an ISO 8601 date`, [
      { path, code: 'invalid_format', message: 'must be an ISO 8601 date' },
    ]);
  }
  return new Date(milliseconds).toISOString();
}
