import {
  BalaghError,
  isTerminalStatus,
  type Role,
  type TransitionStep,
  ValidationError,
} from '@balagh/core';
import { type ApplyStep, stepTime } from './apply-step.js';
import { inScope, type ReportLookup } from './report-lookup.js';
import type { Actor, StaffReport, TransitionRequest } from './report-service.js';
import { requireRole, staffRoles } from './require-role.js';
import { retryOnConflict } from './retry-on-conflict.js';
import type { ServiceContext } from './service-context.js';
import type { StaffReportView } from './staff-report-view.js';

/**
 * The lifecycle changes staff ask for by report id or number (assign, any transition, link a
 * duplicate), checked against the actor's role and scope; closing with a code is
 * {@link ClosureFlow}'s.
 *
 * @internal
 */
export interface ReportTransitions {
  /** `ActorReportService.transitionReport` for an actor. */
  transitionReport(
    actor: Actor,
    idOrNumber: string,
    request: TransitionRequest,
  ): Promise<StaffReport>;
  /** `ActorReportService.assignReport` for an actor. */
  assignReport(
    actor: Actor,
    idOrNumber: string,
    request: { readonly departmentCode: string; readonly note?: string },
  ): Promise<StaffReport>;
  /** `ActorReportService.linkDuplicate` for an actor. */
  linkDuplicate(
    actor: Actor,
    idOrNumber: string,
    request: { readonly masterId: string; readonly note?: string },
  ): Promise<StaffReport>;
}

/**
 * Creates the {@link ReportTransitions} of a service.
 *
 * @internal
 */
export function createReportTransitions(
  context: ServiceContext,
  parts: {
    readonly applyStep: ApplyStep;
    readonly lookup: ReportLookup;
    readonly staffView: StaffReportView['staffView'];
  },
): ReportTransitions {
  const { taxonomy, clock } = context;
  const { applyStep, staffView } = parts;
  const { findStored, readScoped } = parts.lookup;

  const transitionReport = (actor: Actor, idOrNumber: string, request: TransitionRequest) =>
    retryOnConflict(async () => {
      requireRole(actor, staffRoles, 'change reports');
      const stored = await readScoped(actor, idOrNumber);
      if (
        request.to === 'closed' &&
        actor.role !== 'supervisor' &&
        actor.role !== 'admin' &&
        actor.role !== 'system'
      ) {
        throw new BalaghError(
          'FORBIDDEN_ROLE',
          'Close a resolved report with the reporter’s closure code.',
          {
            details: { from: stored.report.status, to: 'closed', role: actor.role },
          },
        );
      }
      if (
        request.to === 'assigned' &&
        request.departmentCode !== undefined &&
        taxonomy.department(request.departmentCode) === undefined
      ) {
        throw new ValidationError(`Unknown department "${request.departmentCode}".`, [
          {
            path: 'departmentCode',
            code: 'invalid_value',
            message: 'must name a department of the taxonomy',
          },
        ]);
      }
      let duplicateOf = request.duplicateOf;
      if (request.to === 'duplicate') {
        const master = duplicateOf === undefined ? undefined : await findStored(duplicateOf);
        if (master === undefined || !inScope(actor, master.report)) {
          throw new BalaghError('REPORT_NOT_FOUND', 'No such master report.', {
            details: { duplicateOf },
          });
        }
        if (isTerminalStatus(master.report.status)) {
          throw new ValidationError(
            'The master report is closed, rejected or itself a duplicate.',
            [{ path: 'duplicateOf', code: 'invalid_value', message: 'must be an open report' }],
          );
        }
        duplicateOf = master.report.id;
      }
      const step: TransitionStep = {
        actor: actor.keyId,
        role: actor.role as Role,
        to: request.to,
        at: stepTime(clock(), stored.report),
        ...(request.note === undefined ? {} : { note: request.note }),
        ...(request.departmentCode === undefined ? {} : { departmentCode: request.departmentCode }),
        ...(request.closedHow === undefined ? {} : { closedHow: request.closedHow }),
        ...(duplicateOf === undefined ? {} : { duplicateOf }),
      };
      const { stored: updated } = await applyStep(stored, step);
      return staffView(updated);
    });

  return {
    transitionReport,

    assignReport: (actor, idOrNumber, request) =>
      transitionReport(actor, idOrNumber, {
        to: 'assigned',
        departmentCode: request.departmentCode,
        ...(request.note === undefined ? {} : { note: request.note }),
      }),

    linkDuplicate: (actor, idOrNumber, request) =>
      transitionReport(actor, idOrNumber, {
        to: 'duplicate',
        duplicateOf: request.masterId,
        ...(request.note === undefined ? {} : { note: request.note }),
      }),
  };
}
