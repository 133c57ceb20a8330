import { categoryCodeSchema, channelSchema, slaStateSchema, statusSchema } from '@balagh/core';
import * as z from 'zod/mini';

const departmentCodeSchema = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9_-]{0,63}$/, 'must be a department code'));
const areaCodeSchema = z.string().check(z.minLength(1), z.maxLength(64));
const noteSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(2000));
const instantSchema = z.iso.datetime({ offset: true });
const reportIdOrNumberSchema = z.string().check(z.minLength(1), z.maxLength(64));

/**
 * Schema of the query of `GET /v1/reports`. Filters are repeatable (`?status=received&status=assigned`)
 * and also accept comma-separated values; values of one filter match any of them.
 */
export const reportListQuerySchema = z.strictObject({
  status: z.optional(z.array(statusSchema)),
  category: z.optional(z.array(categoryCodeSchema)),
  department: z.optional(z.array(departmentCodeSchema)),
  area: z.optional(z.array(areaCodeSchema)),
  channel: z.optional(z.array(channelSchema)),
  slaState: z.optional(z.array(slaStateSchema)),
  /** Created at or after (ISO 8601). */
  createdFrom: z.optional(instantSchema),
  /** Created strictly before (ISO 8601). */
  createdTo: z.optional(instantSchema),
  /** `created` (newest first, the default) or `sla_due` (soonest due first). */
  sort: z.optional(z.enum(['created', 'sla_due'])),
  /** Page size, 1 to 200; 50 by default. */
  limit: z.optional(
    z.pipe(
      z.string().check(z.regex(/^(?:[1-9]\d?|1\d\d|200)$/, 'must be an integer from 1 to 200')),
      z.transform(Number),
    ),
  ),
  /** The `nextCursor` of the previous page. */
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
});

/** The filters of `GET /v1/reports` that may repeat. */
export const reportListArrayParameters = [
  'status',
  'category',
  'department',
  'area',
  'channel',
  'slaState',
] as const;

/** Schema of the body of `POST /v1/reports/{id}/assign`. */
export const assignBodySchema = z.strictObject({
  departmentCode: departmentCodeSchema,
  note: z.optional(noteSchema),
});

/** Schema of the body of `POST /v1/reports/{id}/transition`. */
export const transitionBodySchema = z.strictObject({
  /** The status to move to. */
  to: statusSchema,
  note: z.optional(noteSchema),
  /** The master report's id, when moving to `duplicate`. */
  duplicateOf: z.optional(reportIdOrNumberSchema),
  /** The department, when moving to `assigned`. */
  departmentCode: z.optional(departmentCodeSchema),
  /** How a `closed` report was closed; supervisors and admins only. */
  closedHow: z.optional(z.enum(['confirmed', 'unconfirmed'])),
});

/** Schema of the body of `POST /v1/reports/{id}/close`. */
export const closeBodySchema = z.strictObject({
  /** The closure code the reporter gives the officer, such as `482 915-1`. */
  code: z.string().check(z.minLength(1), z.maxLength(32)),
});

/** Schema of the body of `POST /v1/reports/{id}/duplicate`. */
export const duplicateBodySchema = z.strictObject({
  /** The master report's id. */
  masterId: reportIdOrNumberSchema,
  note: z.optional(noteSchema),
});

/** Schema of the query of `GET /v1/stats`. */
export const statsQuerySchema = z.strictObject({
  /** Reports created at or after (ISO 8601); 30 days before `to` by default. */
  from: z.optional(instantSchema),
  /** Reports created strictly before (ISO 8601); now by default. */
  to: z.optional(instantSchema),
});
