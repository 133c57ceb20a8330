import type { Role, Status } from '../schemas/status.js';

/** One edge of the lifecycle: a status change and the roles allowed to make it. */
export interface TransitionRule {
  /** Status the report is in. */
  readonly from: Status;
  /** Status the report moves to; equal to `from` for a reassignment (`assigned → assigned`). */
  readonly to: Status;
  /** Roles allowed to make this change. */
  readonly roles: readonly Role[];
}

/** Staff who triage: the call centre and follow-up team, and those above them. */
const triage = ['agent', 'supervisor', 'admin'] as const satisfies readonly Role[];

/** Who takes a routed report in hand: triage staff, the competent department itself, and automatic routing by the system. */
const dispatch = [
  'agent',
  'department',
  'supervisor',
  'admin',
  'system',
] as const satisfies readonly Role[];

/** Staff who work a report on the ground or in the competent department. */
const workers = [
  'agent',
  'field_officer',
  'department',
  'supervisor',
  'admin',
] as const satisfies readonly Role[];

/** Staff who resume a report put on hold, and the system when the reporter answers. */
const resumers = [...workers, 'system'] as const satisfies readonly Role[];

/**
 * The report lifecycle as an explicit table: every status change Balagh allows, each with the
 * roles allowed to make it. A change that is not in this table is never made.
 *
 * The main path is `received → assigned → in_progress → resolved → closed`. Besides it:
 *
 * - **Assigning** (`received → assigned`) is done by triage staff (agent, supervisor, admin) or
 *   by the system's automatic routing. **Reassigning** to another department
 *   (`assigned → assigned`) is triage staff's call; a department that got a report that is not
 *   theirs asks them.
 * - **Working** (`assigned → in_progress`, `→ awaiting_info`, `in_progress → resolved`) is done
 *   by workers: agents (the follow-up team updates a report on the department's word), field
 *   officers, the department itself, supervisors and admins.
 * - **Awaiting information** from the reporter pauses the SLA. It is entered from `received`
 *   (triage asks before routing), `assigned` or `in_progress` (workers ask). Nothing records
 *   where it came from: leaving it goes to `assigned` or `in_progress`, whichever is true now.
 *   Workers, and the system when the reporter's answer arrives, may leave it.
 * - **Rejecting** (not municipal, invalid; a reason is required) and marking a **duplicate**
 *   (linked to a master report) are triage decisions, from any open status before `resolved`.
 *   A department cannot make them: it would hide work from its own SLA.
 * - **Reopening** (`resolved → in_progress`) is for the reporter who is not satisfied, or for an
 *   agent, supervisor or admin on their behalf.
 * - **Closing** (`resolved → closed`) carries how: `confirmed` (the closure code was validated)
 *   or `unconfirmed` (no answer in time). The reporter closes only as confirmed, the system
 *   only as unconfirmed, agents and field officers (who ask the reporter for the code) only as
 *   confirmed; supervisors and admins both ways (see `allowedClosedHow`).
 * - **Reinstating** a rejected report, or undoing a wrong duplicate link
 *   (`rejected → received`, `duplicate → received`), is for supervisors and admins only.
 * - `integration` (an app that submits reports) makes no status change: its users act as
 *   `reporter`. `closed` is final.
 *
 * @example
 * ```ts
 * const reopeners = transitionTable.find((rule) => rule.from === 'resolved' && rule.to === 'in_progress')?.roles;
 * // ['reporter', 'agent', 'supervisor', 'admin']
 * ```
 */
export const transitionTable = [
  { from: 'received', to: 'assigned', roles: dispatch },
  { from: 'received', to: 'awaiting_info', roles: triage },
  { from: 'received', to: 'rejected', roles: triage },
  { from: 'received', to: 'duplicate', roles: triage },

  { from: 'assigned', to: 'assigned', roles: triage },
  { from: 'assigned', to: 'in_progress', roles: workers },
  { from: 'assigned', to: 'awaiting_info', roles: workers },
  { from: 'assigned', to: 'rejected', roles: triage },
  { from: 'assigned', to: 'duplicate', roles: triage },

  { from: 'in_progress', to: 'resolved', roles: workers },
  { from: 'in_progress', to: 'awaiting_info', roles: workers },
  { from: 'in_progress', to: 'rejected', roles: triage },
  { from: 'in_progress', to: 'duplicate', roles: triage },

  { from: 'awaiting_info', to: 'assigned', roles: resumers },
  { from: 'awaiting_info', to: 'in_progress', roles: resumers },
  { from: 'awaiting_info', to: 'rejected', roles: triage },
  { from: 'awaiting_info', to: 'duplicate', roles: triage },

  { from: 'resolved', to: 'in_progress', roles: ['reporter', 'agent', 'supervisor', 'admin'] },
  {
    from: 'resolved',
    to: 'closed',
    roles: ['reporter', 'agent', 'field_officer', 'supervisor', 'admin', 'system'],
  },

  { from: 'rejected', to: 'received', roles: ['supervisor', 'admin'] },
  { from: 'duplicate', to: 'received', roles: ['supervisor', 'admin'] },
] as const satisfies readonly TransitionRule[];
