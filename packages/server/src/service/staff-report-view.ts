import {
  type ClosureCodeState,
  defaultDuplicateRadiusMeters,
  defaultDuplicateWindowMs,
  duplicateSearchBox,
  haversineMeters,
  isLikelyDuplicate,
  isTerminalStatus,
  type Report,
  type Status,
} from '@balagh/core';
import type { StoredReport } from '../storage/storage.js';
import type { LikelyDuplicate, StaffReport, StaffReportSla } from './report-service.js';
import type { ServiceContext } from './service-context.js';
import { staffClosureCode } from './staff-closure-code.js';

/** Statuses a report can be a likely duplicate in (open ones, and resolved). */
const duplicateCandidateStatuses: readonly Status[] = [
  'received',
  'assigned',
  'in_progress',
  'awaiting_info',
  'resolved',
];

/**
 * Turns stored reports into what staff see (`StaffReport`): SLA figures as of now, closure-code
 * facts and likely duplicates.
 *
 * @internal
 */
export interface StaffReportView {
  /** The staff view of a stored report whose closure-code state was read already. */
  toStaffReport(stored: StoredReport, state: ClosureCodeState | undefined): Promise<StaffReport>;
  /** The staff view of a stored report, reading its closure-code state. */
  staffView(stored: StoredReport): Promise<StaffReport>;
}

/**
 * Creates the {@link StaffReportView} of a service.
 *
 * @internal
 */
export function createStaffReportView({ storage, clock, slaOf }: ServiceContext): StaffReportView {
  const likelyDuplicatesOf = async (report: Report): Promise<LikelyDuplicate[]> => {
    const lat = report.location?.lat;
    const lng = report.location?.lng;
    if (lat === undefined || lng === undefined || isTerminalStatus(report.status)) return [];
    const box = duplicateSearchBox({ lat, lng }, defaultDuplicateRadiusMeters);
    const created = Date.parse(report.createdAt);
    const candidates = await storage.findDuplicateCandidates({
      categoryCode: report.categoryCode,
      statuses: duplicateCandidateStatuses,
      ...box,
      createdFrom: new Date(created - defaultDuplicateWindowMs).toISOString(),
      createdTo: new Date(created + defaultDuplicateWindowMs + 1).toISOString(),
      excludeId: report.id,
      limit: 50,
    });
    return candidates
      .filter(({ report: other }) => isLikelyDuplicate(report, other))
      .map(({ report: other }) => ({
        id: other.id,
        number: other.number,
        distanceMeters: Math.round(
          haversineMeters(
            { lat, lng },
            { lat: other.location?.lat ?? lat, lng: other.location?.lng ?? lng },
          ),
        ),
        createdAt: other.createdAt,
      }))
      .sort((a, b) => a.distanceMeters - b.distanceMeters);
  };

  const toStaffReport = async (
    stored: StoredReport,
    state: ClosureCodeState | undefined,
  ): Promise<StaffReport> => {
    const { report } = stored;
    const detail = slaOf(report, clock());
    const sla: StaffReportSla = {
      state: detail.state,
      responseDueAt: detail.response.dueAt,
      resolutionDueAt: detail.resolution.dueAt,
      remainingMilliseconds: detail.resolution.remainingMs,
      ...(detail.breachedAt === undefined ? {} : { breachedAt: detail.breachedAt }),
      paused: detail.resolution.paused,
      detail,
    };
    return {
      ...report,
      sla,
      closureCode: staffClosureCode(report, state, clock),
      likelyDuplicates: await likelyDuplicatesOf(report),
    };
  };

  const staffView = async (stored: StoredReport) =>
    toStaffReport(stored, await storage.getClosureState(stored.report.id));

  return { toStaffReport, staffView };
}
