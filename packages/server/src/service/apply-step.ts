import {
  type ClosureCodeState,
  issueClosureCode,
  type Report,
  type TimelineEntry,
  type TransitionStep,
  transition,
} from '@balagh/core';
import type { OutboxInsert, StoredReport } from '../storage/storage.js';
import { outboxNotification } from './outbox-notification.js';
import type { ServiceContext } from './service-context.js';

/**
 * What {@link ApplyStep} answers: the report as stored after the step, the report before it,
 * and the timeline entry the step added.
 *
 * @internal
 */
export interface AppliedChange {
  readonly stored: StoredReport;
  readonly previous: Report;
  readonly entry: TimelineEntry;
}

/**
 * Applies one lifecycle step to a stored report with its side effects: the closure code on
 * `resolved`, notifications, the write, and the events once committed. Pass the closure-code
 * state when it was read (or changed) already.
 *
 * @throws what core's `transition` throws for a refused step, and `CONFLICT` when the report
 * changed since it was read.
 * @internal
 */
export type ApplyStep = (
  stored: StoredReport,
  step: TransitionStep,
  closureStateInput?: ClosureCodeState,
) => Promise<AppliedChange>;

/**
 * When a step on a report happens: now, or the report's last change when the clock is behind
 * it, so that a timeline never goes back in time.
 *
 * @internal
 */
export const stepTime = (now: number, report: Report) =>
  Math.max(now, Date.parse(report.updatedAt));

/**
 * Creates the service's {@link ApplyStep}, the one way every lifecycle change is written.
 *
 * @internal
 */
export function createApplyStep(context: ServiceContext): ApplyStep {
  const { options, storage, closureKeyring, emit, trackingUrlFor, toWrite } = context;

  /** `closed` notifications to a closing master's duplicates' reporters. */
  const duplicateClosings = async (master: Report, at: string): Promise<OutboxInsert[]> => {
    const duplicates = await storage.listDuplicatesOf(master.id);
    const rows: OutboxInsert[] = [];
    for (const { report } of duplicates) {
      const row = outboxNotification(
        report,
        'closed',
        { number: report.number, closedHow: master.closedHow, masterNumber: master.number },
        `master:${master.id}:${master.timeline.length}`,
        at,
      );
      if (row !== undefined) rows.push(row);
    }
    return rows;
  };

  const applyStep = async (
    stored: StoredReport,
    step: TransitionStep,
    closureStateInput?: ClosureCodeState,
  ): Promise<AppliedChange> => {
    const previous = stored.report;
    const next = transition(previous, step);
    const entry = next.timeline.at(-1) as TimelineEntry;
    const at = entry.at;
    const now = Date.parse(at);
    const position = String(next.timeline.length - 1);
    const outbox: OutboxInsert[] = [];
    const push = (row: OutboxInsert | undefined) => {
      if (row !== undefined) outbox.push(row);
    };
    let closureState: ClosureCodeState | null | undefined = closureStateInput;
    let resolvedAt = stored.resolvedAt;
    let issued: { keyId: string; issue: number; expiresAt?: string } | undefined;

    if (step.to === 'resolved') {
      const previousState = closureStateInput ?? (await storage.getClosureState(previous.id));
      const code = await issueClosureCode({
        reportId: previous.id,
        keyring: closureKeyring,
        ...(previousState === undefined ? {} : { previous: previousState }),
        now,
        ...(options.closureCodeTtlMs === undefined ? {} : { ttlMs: options.closureCodeTtlMs }),
      });
      closureState = code.state;
      resolvedAt = at;
      issued = {
        keyId: code.state.keyId,
        issue: code.state.counter,
        ...(code.state.expiresAt === undefined ? {} : { expiresAt: code.state.expiresAt }),
      };
      push(
        outboxNotification(
          next,
          'resolved',
          { number: next.number, closureCode: code.formatted, trackingUrl: trackingUrlFor(next) },
          position,
          at,
        ),
      );
    } else if (previous.status === 'resolved' && step.to === 'in_progress') {
      resolvedAt = undefined;
      push(
        outboxNotification(
          next,
          'reopened',
          { number: next.number, trackingUrl: trackingUrlFor(next) },
          position,
          at,
        ),
      );
    } else if (step.to === 'awaiting_info') {
      push(
        outboxNotification(
          next,
          'awaiting_info',
          { number: next.number, question: step.note, trackingUrl: trackingUrlFor(next) },
          position,
          at,
        ),
      );
    } else if (step.to === 'closed') {
      push(
        outboxNotification(
          next,
          'closed',
          { number: next.number, closedHow: next.closedHow },
          position,
          at,
        ),
      );
      outbox.push(...(await duplicateClosings(next, at)));
    } else if (step.to === 'duplicate' && step.duplicateOf !== undefined) {
      const master = await storage.getReport(step.duplicateOf);
      push(
        outboxNotification(
          next,
          'duplicate_linked',
          {
            number: next.number,
            masterNumber: master?.report.number,
            trackingUrl: trackingUrlFor(next),
          },
          position,
          at,
        ),
      );
    }

    const updated = await storage.updateReport({
      reportId: previous.id,
      expectedVersion: stored.version,
      write: toWrite(next, now, resolvedAt),
      newTimelineEntries: [entry],
      ...(closureState === undefined ? {} : { closureState }),
      outbox,
    });

    const base = { reportId: next.id, number: next.number, at };
    emit('report.status_changed', {
      ...base,
      from: previous.status,
      to: next.status,
      role: step.role,
      departmentCode: next.departmentCode,
      ...(next.closedHow === undefined || next.status !== 'closed'
        ? {}
        : { closedHow: next.closedHow }),
    });
    if (next.status === 'assigned') {
      emit('report.assigned', {
        ...base,
        departmentCode: next.departmentCode,
        ...(previous.departmentCode === next.departmentCode
          ? {}
          : { previousDepartmentCode: previous.departmentCode }),
        role: step.role,
      });
    }
    if (previous.status === 'resolved' && next.status === 'in_progress') {
      emit('report.reopened', { ...base, role: step.role, departmentCode: next.departmentCode });
    }
    if (issued !== undefined) emit('closure_code.issued', { ...base, ...issued });
    if (next.status === 'duplicate' && next.duplicateOf !== undefined) {
      const master = await storage.getReport(next.duplicateOf);
      emit('duplicate.linked', {
        ...base,
        masterReportId: next.duplicateOf,
        masterNumber: master?.report.number ?? '',
      });
    }
    return { stored: updated, previous, entry };
  };

  return applyStep;
}
