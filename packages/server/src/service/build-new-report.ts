import type { Report, ReportReceipt } from '@balagh/core';
import type { NewReportRecord } from '../storage/storage.js';
import { hashSecret } from './api-key-format.js';
import { outboxNotification } from './outbox-notification.js';
import type { ServiceContext } from './service-context.js';

/**
 * Builds what storage writes for a new report, inside its write and with no other effect: the
 * stored form (SLA state and due time as of `now`), the hash of its tracking token, the
 * `received` notification, and the receipt (kept for idempotent replays).
 *
 * @internal
 */
export type BuildNewReport = (report: Report, now: number) => NewReportRecord;

/**
 * Creates the service's {@link BuildNewReport}.
 *
 * @internal
 */
export function createBuildNewReport(context: ServiceContext): BuildNewReport {
  const { toWrite, trackingTokens, trackingUrlOf } = context;

  return (report, now) => {
    const { number, createdAt } = report;
    const write = toWrite(report, now, undefined);
    const token = trackingTokens.tokenOf(report.id);
    const trackingUrl = trackingUrlOf(number, token);
    const receipt: ReportReceipt = {
      id: report.id,
      number,
      trackingToken: token,
      ...(trackingUrl === undefined ? {} : { trackingUrl }),
      status: report.status,
      categoryCode: report.categoryCode,
      departmentCode: report.departmentCode,
      createdAt,
      ...(write.resolutionDueAt === undefined ? {} : { resolutionDueAt: write.resolutionDueAt }),
      ...(report.externalId === undefined ? {} : { externalId: report.externalId }),
    };
    const received = outboxNotification(
      report,
      'received',
      { number, trackingUrl, dueAt: write.resolutionDueAt },
      '0',
      createdAt,
    );
    return {
      write,
      trackingTokenHash: hashSecret(token),
      outbox: received === undefined ? [] : [received],
      response: receipt,
    };
  };
}
