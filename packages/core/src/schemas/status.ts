import * as z from 'zod/mini';

/**
 * Every status of a report's lifecycle. `received → assigned → in_progress → resolved → closed`
 * is the main path; `awaiting_info` pauses the SLA while the reporter is asked for more;
 * `rejected` and `duplicate` end a report that will not be worked on.
 */
export const statuses = [
  'received',
  'assigned',
  'in_progress',
  'awaiting_info',
  'resolved',
  'closed',
  'rejected',
  'duplicate',
] as const;

/** Schema of a {@link Status}. */
export const statusSchema = z.enum(statuses);

/** Where a report stands in its lifecycle. */
export type Status = z.infer<typeof statusSchema>;

/** Statuses from which no further work is expected. */
export const terminalStatuses = [
  'closed',
  'rejected',
  'duplicate',
] as const satisfies readonly Status[];

/** Tells whether a status ends the report's life (closed, rejected or duplicate). */
export function isTerminalStatus(status: Status): boolean {
  return (terminalStatuses as readonly Status[]).includes(status);
}

/** How a closed report was closed: with the reporter's closure code, or without an answer. */
export const closedHowValues = ['confirmed', 'unconfirmed'] as const;

/** Schema of a {@link ClosedHow}. */
export const closedHowSchema = z.enum(closedHowValues);

/** How a report was closed. */
export type ClosedHow = z.infer<typeof closedHowSchema>;

/** Every role that can act on a report. */
export const roles = [
  'reporter',
  'integration',
  'agent',
  'field_officer',
  'department',
  'supervisor',
  'admin',
  'system',
] as const;

/** Schema of a {@link Role}. */
export const roleSchema = z.enum(roles);

/**
 * Who acts on a report: the `reporter` (through a channel), an `integration` (an app submitting
 * reports), an `agent` (call centre, follow-up team), a `field_officer`, a `department` (the
 * competent department), a `supervisor`, an `admin`, or the `system` itself (SLA monitor,
 * automatic closure).
 */
export type Role = z.infer<typeof roleSchema>;

/** How urgent a category is; each priority maps to an SLA policy in a taxonomy. */
export const priorities = ['low', 'normal', 'high', 'urgent'] as const;

/** Schema of a {@link Priority}. */
export const prioritySchema = z.enum(priorities);

/** How urgent a report is. */
export type Priority = z.infer<typeof prioritySchema>;
