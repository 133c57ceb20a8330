import {
  type ClosureCodeState,
  type ConfirmClosureResult,
  normalizePhone,
  type PublicReportStatus,
  type ReporterReportRef,
} from '@balagh/core';
import type { StoredReport } from '../storage/storage.js';
import { hashesEqual, hashSecret } from './api-key-format.js';
import { type ApplyStep, stepTime } from './apply-step.js';
import type { ClosureFlow } from './closure-flow.js';
import { canonicalNumber, notFound } from './report-lookup.js';
import type { Actor } from './report-service.js';
import { contactRoles, requireRole } from './require-role.js';
import { retryOnConflict } from './retry-on-conflict.js';
import type { ServiceContext } from './service-context.js';
import { staffClosureCode } from './staff-closure-code.js';

/** Where a caller points at a report, and what for (which reports a contact ref may mean). */
type RefPurpose = 'status' | 'answer';

/**
 * What reporters do with a report they point at by number and tracking token (or, through
 * staff and channels, by their contact): read its public status, confirm its closure with the
 * code, reopen it.
 *
 * @internal
 */
export interface ReporterOperations {
  /** `ActorReportService.getReportStatus` for an actor. */
  getReportStatus(actor: Actor, ref: ReporterReportRef): Promise<PublicReportStatus>;
  /** `ActorReportService.confirmClosure` for an actor. */
  confirmClosure(actor: Actor, ref: ReporterReportRef, code: string): Promise<ConfirmClosureResult>;
  /** `ActorReportService.reopenReport` for an actor. */
  reopenReport(
    actor: Actor,
    ref: ReporterReportRef,
    reason: string | undefined,
  ): Promise<PublicReportStatus>;
}

/**
 * Creates the {@link ReporterOperations} of a service.
 *
 * @internal
 */
export function createReporterOperations(
  context: ServiceContext,
  parts: {
    readonly applyStep: ApplyStep;
    readonly confirmWithCode: ClosureFlow['confirmWithCode'];
  },
): ReporterOperations {
  const { storage, clock, trackingTokens } = context;
  const { applyStep, confirmWithCode } = parts;

  const resolveRef = async (
    actor: Actor,
    ref: ReporterReportRef,
    purpose: RefPurpose,
  ): Promise<StoredReport> => {
    if ('token' in ref) {
      const stored = await storage.getReportByNumber(canonicalNumber(ref.number));
      if (stored === undefined) throw notFound();
      const hash = await storage.getTrackingTokenHash(stored.report.id);
      if (
        typeof ref.token !== 'string' ||
        !(
          trackingTokens.matches(stored.report.id, ref.token) ||
          (hash !== undefined && hashesEqual(hash, hashSecret(ref.token)))
        )
      ) {
        throw notFound();
      }
      return stored;
    }
    requireRole(actor, contactRoles, 'find reports by the reporter’s contact');
    const contact =
      'phone' in ref.contact
        ? { phone: normalizePhone(ref.contact.phone) }
        : { whatsappUserId: ref.contact.whatsappUserId };
    if (ref.number !== undefined) {
      const stored = await storage.getReportByNumber(canonicalNumber(ref.number));
      const reporter = stored?.report.reporter;
      const matches =
        'phone' in contact
          ? reporter?.phone === contact.phone
          : reporter?.whatsappUserId === contact.whatsappUserId;
      if (stored === undefined || !matches) throw notFound();
      return stored;
    }
    const stored = await storage.findLatestReportByContact(
      contact,
      purpose === 'answer' ? ['resolved'] : undefined,
    );
    if (stored === undefined) throw notFound();
    return stored;
  };

  const publicStatus = (
    stored: StoredReport,
    state: ClosureCodeState | undefined,
  ): PublicReportStatus => {
    const { report } = stored;
    return {
      number: report.number,
      categoryCode: report.categoryCode,
      status: report.status,
      ...(report.closedHow === undefined ? {} : { closedHow: report.closedHow }),
      language: report.language,
      createdAt: report.createdAt,
      updatedAt: report.updatedAt,
      ...(stored.resolutionDueAt === undefined ? {} : { resolutionDueAt: stored.resolutionDueAt }),
      awaitingConfirmation: staffClosureCode(report, state, clock).issued,
      timeline: report.timeline.map((entry) => ({ at: entry.at, status: entry.to })),
    };
  };

  return {
    async getReportStatus(actor, ref) {
      const stored = await resolveRef(actor, ref, 'status');
      return publicStatus(stored, await storage.getClosureState(stored.report.id));
    },

    confirmClosure: (actor, ref, code) =>
      retryOnConflict(async () => {
        const stored = await resolveRef(actor, ref, 'answer');
        const result = await confirmWithCode(stored, code, 'reporter', 'reporter');
        return {
          outcome: result.outcome,
          ...(result.outcome === 'invalid' ? { attemptsLeft: result.attemptsLeft } : {}),
          report: publicStatus(result.stored, result.state),
        };
      }),

    reopenReport: (actor, ref, reason) =>
      retryOnConflict(async () => {
        const stored = await resolveRef(actor, ref, 'answer');
        const { stored: reopened } = await applyStep(stored, {
          to: 'in_progress',
          actor: 'reporter',
          role: 'reporter',
          at: stepTime(clock(), stored.report),
          ...(reason === undefined || reason.trim() === '' ? {} : { note: reason }),
        });
        return publicStatus(reopened, await storage.getClosureState(reopened.report.id));
      }),
  };
}
