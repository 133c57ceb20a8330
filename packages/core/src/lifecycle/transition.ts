import { BalaghError } from '../errors/balagh-error.js';
import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import type { ClosedHow, Role, Status } from '../schemas/status.js';
import type { TimelineEntry } from '../schemas/timeline-entry.js';
import { allowedClosedHow, findTransitionRule } from './allowed-transitions.js';
import { type Instant, parseInstant } from './parse-instant.js';

/**
 * What {@link transition} needs of a report: a full `Report` fits, and so does any record
 * (a database row, a test fixture) with these fields.
 */
export interface TransitionableReport {
  /** The report's id; a duplicate may not point at it. */
  readonly id?: string | undefined;
  readonly status: Status;
  readonly timeline: readonly TimelineEntry[];
  readonly updatedAt: string;
  readonly closedHow?: ClosedHow | undefined;
  readonly duplicateOf?: string | undefined;
  readonly departmentCode?: string | undefined;
}

/** One status change asked of {@link transition}. */
export interface TransitionStep {
  /** Status to move to. */
  readonly to: Status;
  /** Who acts: a key id, a staff id, `reporter` or `system`. Never a phone number. */
  readonly actor: string;
  /** In what role; checked against the transition table. */
  readonly role: Role;
  /** When; not before the report's last timeline entry. */
  readonly at: Instant;
  /** Free text kept in the timeline; required when rejecting (the reason). */
  readonly note?: string | undefined;
  /** Department to assign to; required for a step to `assigned`, and only allowed there. */
  readonly departmentCode?: string | undefined;
  /** How the report is closed; required for a step to `closed`, and only allowed there. */
  readonly closedHow?: ClosedHow | undefined;
  /** Id of the master report; required for a step to `duplicate`, and only allowed there. */
  readonly duplicateOf?: string | undefined;
}

const maximumActorLength = 128;
const maximumNoteLength = 2000;

/**
 * Moves a report to a new status and returns the new report, never changing the one given.
 *
 * The result has the new `status`, `updatedAt` set to the step's time, `departmentCode`,
 * `closedHow` or `duplicateOf` set by the steps that carry them (`duplicateOf` is dropped when a
 * wrong duplicate is reinstated), and one timeline entry appended with the time as an ISO string
 * in UTC with milliseconds, `from`, `to`, actor, role and the step's note and data.
 *
 * Coming back from `awaiting_info` to `assigned` keeps the report's department when the step
 * names none.
 *
 * @throws {@link BalaghError} `INVALID_TRANSITION` when the table has no edge from the report's
 * status to `step.to` (details: `from`, `to`).
 * @throws {@link BalaghError} `FORBIDDEN_ROLE` when the edge exists but not for `step.role`
 * (details: `from`, `to`, `role`, `allowedRoles`).
 * @throws {@link ValidationError} when the step lacks what it needs or carries what it must not:
 * `closed` needs a `closedHow` the role may use, `rejected` a note, `duplicate` a `duplicateOf`
 * other than the report's own id, `assigned` a `departmentCode` (another one for a
 * reassignment); `at` must be a valid instant not before the last timeline entry.
 * @example
 * ```ts
 * const assigned = transition(report, {
 *   to: 'assigned',
 *   actor: 'routing',
 *   role: 'system',
 *   at: Date.now(),
 *   departmentCode: 'cleanliness',
 * });
 * ```
 */
export function transition<R extends TransitionableReport>(report: R, step: TransitionStep): R {
  const from = report.status;
  const { to, role } = step;
  const rule = findTransitionRule(from, to);
  if (rule === undefined) {
    throw new BalaghError('INVALID_TRANSITION', `A report cannot go from ${from} to ${to}.`, {
      details: { from, to },
    });
  }
  if (!rule.roles.includes(role)) {
    throw new BalaghError(
      'FORBIDDEN_ROLE',
      `The ${role} role cannot move a report from ${from} to ${to}.`,
      { details: { from, to, role, allowedRoles: [...rule.roles] } },
    );
  }

  const at = checkStep(report, step);
  const entry: TimelineEntry = {
    at,
    actor: step.actor,
    role,
    from,
    to,
    ...(step.note === undefined ? {} : { note: step.note }),
    ...(to === 'assigned' ? { departmentCode: step.departmentCode ?? report.departmentCode } : {}),
    ...(step.closedHow === undefined ? {} : { closedHow: step.closedHow }),
    ...(step.duplicateOf === undefined ? {} : { duplicateOf: step.duplicateOf }),
  } as TimelineEntry;

  const { duplicateOf: _previousMaster, ...withoutMaster } = report;
  const base = from === 'duplicate' ? withoutMaster : report;
  return {
    ...base,
    status: to,
    updatedAt: at,
    timeline: [...report.timeline, entry],
    ...(entry.departmentCode === undefined ? {} : { departmentCode: entry.departmentCode }),
    ...(step.closedHow === undefined ? {} : { closedHow: step.closedHow }),
    ...(step.duplicateOf === undefined ? {} : { duplicateOf: step.duplicateOf }),
  } as unknown as R;
}

/** Checks the step's data against the change it makes; returns its time as an ISO string. */
function checkStep(report: TransitionableReport, step: TransitionStep): string {
  const issues: ValidationIssue[] = [];
  const issue = (path: string, message: string, code = 'custom') =>
    issues.push({ path, code, message });

  const at = toIsoInstant(step.at);
  const last = report.timeline.at(-1);
  if (at === undefined) {
    issue('at', 'must be a valid date, epoch milliseconds or ISO 8601 string', 'invalid_type');
  } else if (last !== undefined && Date.parse(at) < Date.parse(last.at)) {
    issue('at', `must not be before the last timeline entry (${last.at})`, 'too_small');
  }

  if (step.actor.trim() === '') issue('actor', 'must not be empty', 'too_small');
  if (step.actor.length > maximumActorLength) {
    issue('actor', `must be at most ${maximumActorLength} characters`, 'too_big');
  }
  if (step.note !== undefined && step.note.length > maximumNoteLength) {
    issue('note', `must be at most ${maximumNoteLength} characters`, 'too_big');
  }

  if (step.to === 'closed') {
    const permitted = allowedClosedHow(step.role);
    if (step.closedHow === undefined) {
      issue(
        'closedHow',
        'is required to close a report (confirmed or unconfirmed)',
        'invalid_type',
      );
    } else if (!permitted.includes(step.closedHow)) {
      issue('closedHow', `the ${step.role} role may only close as ${permitted.join(' or ')}`);
    }
  } else if (step.closedHow !== undefined) {
    issue('closedHow', 'is only allowed when closing a report', 'unrecognized_keys');
  }

  if (step.to === 'rejected' && (step.note === undefined || step.note.trim() === '')) {
    issue('note', 'a rejection needs a reason', 'too_small');
  }

  if (step.to === 'duplicate') {
    if (step.duplicateOf === undefined || step.duplicateOf.trim() === '') {
      issue(
        'duplicateOf',
        'is required to mark a duplicate (the master report id)',
        'invalid_type',
      );
    } else if (report.id !== undefined && step.duplicateOf === report.id) {
      issue('duplicateOf', 'a report cannot be a duplicate of itself');
    }
  } else if (step.duplicateOf !== undefined) {
    issue('duplicateOf', 'is only allowed when marking a duplicate', 'unrecognized_keys');
  }

  if (step.to === 'assigned') {
    const resuming = report.status === 'awaiting_info' && report.departmentCode !== undefined;
    if (step.departmentCode === undefined || step.departmentCode.trim() === '') {
      if (!resuming || step.departmentCode !== undefined) {
        issue('departmentCode', 'is required to assign a report', 'invalid_type');
      }
    } else if (report.status === 'assigned' && step.departmentCode === report.departmentCode) {
      issue('departmentCode', 'a reassignment must name another department');
    }
  } else if (step.departmentCode !== undefined) {
    issue('departmentCode', 'is only allowed when assigning a report', 'unrecognized_keys');
  }

  if (issues.length > 0 || at === undefined) {
    const first = issues[0];
    throw new ValidationError(
      `Invalid step from ${report.status} to ${step.to}: ${first?.path} ${first?.message}.`,
      issues,
      { details: { from: report.status, to: step.to } },
    );
  }
  return at;
}

function toIsoInstant(value: Instant): string | undefined {
  const milliseconds = parseInstant(value);
  return milliseconds === undefined ? undefined : new Date(milliseconds).toISOString();
}
