import { BalaghError } from '@balagh/core';
import type { Actor } from './report-service.js';

/**
 * Roles that work reports as staff (list, read, change, close with a code).
 *
 * @internal
 */
export const staffRoles: readonly Actor['role'][] = [
  'agent',
  'field_officer',
  'department',
  'supervisor',
  'admin',
  'system',
];

/**
 * Roles that may create a report on behalf of a caller (`call_center`, `field_officer`).
 *
 * @internal
 */
export const onBehalfRoles: readonly Actor['role'][] = [
  'agent',
  'field_officer',
  'supervisor',
  'admin',
  'system',
];

/**
 * Roles that may find a report by its reporter's contact rather than by number and token.
 *
 * @internal
 */
export const contactRoles = onBehalfRoles;

/**
 * Refuses an actor whose role is not among `allowed`, before it does `what`.
 *
 * @throws `BalaghError` `FORBIDDEN`, with the role in its details.
 * @internal
 */
export function requireRole(actor: Actor, allowed: readonly Actor['role'][], what: string): void {
  if (!allowed.includes(actor.role)) {
    throw new BalaghError('FORBIDDEN', `The ${actor.role} role may not ${what}.`, {
      details: { role: actor.role },
    });
  }
}
