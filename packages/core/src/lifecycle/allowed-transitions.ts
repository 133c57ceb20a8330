import type { ClosedHow, Role, Status } from '../schemas/status.js';
import { type TransitionRule, transitionTable } from './transition-table.js';

const rules: readonly TransitionRule[] = transitionTable;

/** Finds the table's edge from one status to another, whatever the role. */
export function findTransitionRule(from: Status, to: Status): TransitionRule | undefined {
  return rules.find((rule) => rule.from === from && rule.to === to);
}

/**
 * Lists the statuses a role may move a report to from its current status, in table order; what
 * a staff screen or a channel offers as next steps.
 *
 * @example
 * ```ts
 * allowedTransitions('resolved', 'reporter'); // ['in_progress', 'closed']
 * ```
 */
export function allowedTransitions(status: Status, role: Role): Status[] {
  return rules
    .filter((rule) => rule.from === status && rule.roles.includes(role))
    .map((rule) => rule.to);
}

/**
 * Tells whether a role may move a report from one status to another, according to
 * {@link transitionTable}. It does not check the step's data (a reason, a department...);
 * `transition` does.
 *
 * @example
 * ```ts
 * canTransition('in_progress', 'rejected', 'department'); // false: triage decides
 * ```
 */
export function canTransition(from: Status, to: Status, role: Role): boolean {
  return findTransitionRule(from, to)?.roles.includes(role) ?? false;
}

const closedHowByRole: Readonly<Partial<Record<Role, readonly ClosedHow[]>>> = {
  // The reporter closes by giving the closure code; nobody closes unconfirmed on their word.
  reporter: ['confirmed'],
  // Agents and field officers ask the reporter for the code; unconfirmed closure is automatic.
  agent: ['confirmed'],
  field_officer: ['confirmed'],
  supervisor: ['confirmed', 'unconfirmed'],
  admin: ['confirmed', 'unconfirmed'],
  // The system closes when the reporter did not answer in the configured time.
  system: ['unconfirmed'],
};

/**
 * Lists how a role may close a resolved report: `confirmed` (the closure code was validated),
 * `unconfirmed` (no answer in time), both, or neither for a role that cannot close.
 *
 * @example
 * ```ts
 * allowedClosedHow('system'); // ['unconfirmed']
 * ```
 */
export function allowedClosedHow(role: Role): readonly ClosedHow[] {
  return canTransition('resolved', 'closed', role) ? (closedHowByRole[role] ?? []) : [];
}
