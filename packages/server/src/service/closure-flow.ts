import {
  BalaghError,
  type ClosureCodeState,
  type ConfirmClosureResult,
  type Role,
  transition,
  verifyClosureCode,
} from '@balagh/core';
import type { StoredReport } from '../storage/storage.js';
import type { ApplyStep } from './apply-step.js';
import type { ReportLookup } from './report-lookup.js';
import { type Actor, type StaffReport, systemActor } from './report-service.js';
import { requireRole, staffRoles } from './require-role.js';
import { retryOnConflict } from './retry-on-conflict.js';
import type { ServiceContext } from './service-context.js';
import type { StaffReportView } from './staff-report-view.js';

const hour = 3_600_000;

/**
 * What {@link ClosureFlow.confirmWithCode} answers: the outcome, the attempts left, and the
 * report and closure-code state as stored afterwards.
 *
 * @internal
 */
export interface ClosureConfirmation {
  readonly outcome: ConfirmClosureResult['outcome'];
  readonly attemptsLeft: number;
  readonly stored: StoredReport;
  readonly state: ClosureCodeState;
}

/**
 * Closing resolved reports: with the closure code the reporter holds (given by the reporter, or
 * by staff the reporter told it to), or as `unconfirmed` once the reporter has let it wait.
 *
 * @internal
 */
export interface ClosureFlow {
  /**
   * Checks a closure code against a resolved report and applies the outcome: `valid` closes it
   * as confirmed by `role`; other outcomes persist the attempt (and the lock).
   *
   * @throws `CLOSURE_CODE_NOT_ISSUED` when the report is not resolved; `FORBIDDEN_ROLE` when
   * the role may not close (before an attempt is spent).
   */
  confirmWithCode(
    stored: StoredReport,
    code: string,
    actorName: string,
    role: Role,
  ): Promise<ClosureConfirmation>;
  /** `ActorReportService.closeWithCode` for an actor. */
  closeWithCode(actor: Actor, idOrNumber: string, code: string): Promise<StaffReport>;
  /** `ReportService.closeUnconfirmed`. */
  closeUnconfirmed(now?: number): Promise<number>;
}

/**
 * Creates the {@link ClosureFlow} of a service.
 *
 * @internal
 */
export function createClosureFlow(
  context: ServiceContext,
  parts: {
    readonly applyStep: ApplyStep;
    readonly lookup: ReportLookup;
    readonly staffView: StaffReportView['staffView'];
  },
): ClosureFlow {
  const { options, storage, closureKeyring, clock, emit } = context;
  const { applyStep, staffView } = parts;
  const { readScoped } = parts.lookup;
  const unconfirmedCloseAfterMs = options.unconfirmedCloseAfterMs ?? 72 * hour;

  const confirmWithCode = async (
    stored: StoredReport,
    code: string,
    actorName: string,
    role: Role,
  ): Promise<ClosureConfirmation> => {
    const { report } = stored;
    const state = await storage.getClosureState(report.id);
    if (report.status !== 'resolved' || state === undefined) {
      throw new BalaghError(
        'CLOSURE_CODE_NOT_ISSUED',
        'The report is not resolved: there is no closure code to confirm.',
        {
          details: { status: report.status },
        },
      );
    }
    // Refuse a role that may not close before it can use up an attempt.
    transition(report, {
      to: 'closed',
      closedHow: 'confirmed',
      actor: actorName,
      role,
      at: Math.max(clock(), Date.parse(report.updatedAt)),
    });
    const now = clock();
    const verification = await verifyClosureCode({
      reportId: report.id,
      input: code,
      state,
      keyring: closureKeyring,
      now,
    });
    if (verification.outcome === 'valid') {
      const { stored: closed } = await applyStep(
        stored,
        {
          to: 'closed',
          closedHow: 'confirmed',
          actor: actorName,
          role,
          at: Math.max(now, Date.parse(report.updatedAt)),
        },
        verification.state,
      );
      emit('closure_code.confirmed', {
        reportId: report.id,
        number: report.number,
        at: closed.report.updatedAt,
        issue: state.counter,
        role,
      });
      return {
        outcome: 'valid',
        attemptsLeft: verification.attemptsLeft,
        stored: closed,
        state: verification.state,
      };
    }
    let current = stored;
    if (verification.state !== state) {
      current = await storage.updateReport({
        reportId: report.id,
        expectedVersion: stored.version,
        closureState: verification.state,
      });
      if (verification.state.lockedAt !== undefined && state.lockedAt === undefined) {
        emit('closure_code.locked', {
          reportId: report.id,
          number: report.number,
          at: verification.state.lockedAt,
          issue: verification.state.counter,
          failedAttempts: verification.state.failedAttempts,
        });
      }
    }
    return {
      outcome: verification.outcome,
      attemptsLeft: verification.attemptsLeft,
      stored: current,
      state: verification.state,
    };
  };

  const closeWithCode = (actor: Actor, idOrNumber: string, code: string) =>
    retryOnConflict(async () => {
      requireRole(actor, staffRoles, 'close reports');
      const stored = await readScoped(actor, idOrNumber);
      const result = await confirmWithCode(stored, code, actor.keyId, actor.role as Role);
      switch (result.outcome) {
        case 'valid':
          return staffView(result.stored);
        case 'invalid':
          throw new BalaghError('CLOSURE_CODE_INVALID', 'Wrong closure code.', {
            details: { attemptsLeft: result.attemptsLeft },
          });
        case 'malformed':
          throw new BalaghError('CLOSURE_CODE_MALFORMED', 'Not a closure code: check the digits.');
        case 'expired':
          throw new BalaghError(
            'CLOSURE_CODE_EXPIRED',
            'The closure code has expired or was used.',
          );
        default:
          throw new BalaghError(
            'CLOSURE_CODE_LOCKED',
            'Too many wrong closure codes; the code is locked.',
            {
              details: { attemptsLeft: 0 },
            },
          );
      }
    });

  const closeUnconfirmed = async (now = clock()): Promise<number> => {
    const cutoff = new Date(now - unconfirmedCloseAfterMs).toISOString();
    let closed = 0;
    for (;;) {
      const due = await storage.listResolvedBefore(cutoff, 100);
      let closedNow = 0;
      for (const stored of due) {
        try {
          await applyStep(stored, {
            to: 'closed',
            closedHow: 'unconfirmed',
            actor: systemActor.keyId,
            role: 'system',
            at: Math.max(now, Date.parse(stored.report.updatedAt)),
          });
          closedNow += 1;
        } catch (error) {
          // Someone acted on it meanwhile (confirmed, reopened): it is no longer ours to close.
          if (!(error instanceof BalaghError && error.code === 'CONFLICT')) throw error;
        }
      }
      closed += closedNow;
      if (due.length < 100 || closedNow === 0) return closed;
    }
  };

  return { confirmWithCode, closeWithCode, closeUnconfirmed };
}
