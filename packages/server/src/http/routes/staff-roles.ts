import type { ApiKeyRole } from '../../service/report-service.js';

/** Roles that read and work reports (a `department` key only its own department's). */
export const staffRoles = [
  'agent',
  'field_officer',
  'department',
  'supervisor',
  'admin',
] as const satisfies readonly ApiKeyRole[];

/** Roles that see statistics across departments. */
export const statsRoles = ['supervisor', 'admin'] as const satisfies readonly ApiKeyRole[];

/** Roles that manage API keys. */
export const adminRoles = ['admin'] as const satisfies readonly ApiKeyRole[];
