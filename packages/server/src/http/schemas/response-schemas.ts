import {
  channelSchema,
  languageSchema,
  publicReportStatusSchema,
  reportSchema,
  slaStateSchema,
  statusSchema,
} from '@balagh/core';
import * as z from 'zod/mini';
import { apiKeyRoles } from '../../service/report-service.js';

const instantSchema = z.iso.datetime();
const countSchema = z.number().check(z.int(), z.gte(0));
const shareSchema = z.nullable(z.number().check(z.gte(0), z.lte(1)));

/** Schema of core's `LocalizedCategory`: a category named in one language. */
export const localizedCategorySchema = z.strictObject({
  code: z.string(),
  groupCode: z.string(),
  groupName: z.string(),
  name: z.string(),
  description: z.optional(z.string()),
  priority: z.string(),
  attributes: z.array(
    z.strictObject({
      code: z.string(),
      datatype: z.string(),
      required: z.boolean(),
      description: z.string(),
      values: z.optional(z.array(z.strictObject({ key: z.string(), name: z.string() }))),
    }),
  ),
});

/** Schema of the answer of `GET /v1/categories`. */
export const categoryListSchema = z.strictObject({
  /** The language the names are in (the default one when the asked one is unknown). */
  language: languageSchema,
  categories: z.array(localizedCategorySchema),
});

/** Schema of core's `ConfirmClosureResult`. */
export const confirmClosureResultSchema = z.strictObject({
  /** `valid` closed the report as confirmed; the others left it resolved. */
  outcome: z.enum(['valid', 'invalid', 'malformed', 'expired', 'locked']),
  /** Attempts left before the code locks, after an `invalid` one. */
  attemptsLeft: z.optional(countSchema),
  report: publicReportStatusSchema,
});

/** Schema of a `StaffReport`'s SLA figures. */
export const staffReportSlaSchema = z.strictObject({
  state: slaStateSchema,
  responseDueAt: z.optional(instantSchema),
  resolutionDueAt: z.optional(instantSchema),
  /** Working milliseconds left until resolution is due (negative once breached). */
  remainingMilliseconds: z.optional(z.number()),
  breachedAt: z.optional(instantSchema),
  /** Whether the clock is paused while awaiting the reporter. */
  paused: z.boolean(),
  /** Core's full `SlaStatus`. */
  detail: z.unknown(),
});

/** Schema of a `StaffReport`'s closure-code facts; never the code itself. */
export const staffClosureCodeSchema = z.strictObject({
  issued: z.boolean(),
  attemptsLeft: z.optional(countSchema),
  locked: z.boolean(),
  expiresAt: z.optional(instantSchema),
});

/** Schema of a report near the same place, of the same category, created about the same time. */
export const likelyDuplicateSchema = z.strictObject({
  id: z.string(),
  number: z.string(),
  distanceMeters: z.number().check(z.gte(0)),
  createdAt: instantSchema,
});

/** Schema of a `StaffReport`: a `Report` plus `sla`, `closureCode` and `likelyDuplicates`. */
export const staffReportSchema = z.extend(reportSchema, {
  sla: staffReportSlaSchema,
  closureCode: staffClosureCodeSchema,
  likelyDuplicates: z.array(likelyDuplicateSchema),
});

/** Schema of one page of `GET /v1/reports`. */
export const staffReportPageSchema = z.strictObject({
  items: z.array(staffReportSchema),
  /** Present when more items follow: pass it as `cursor`. */
  nextCursor: z.optional(z.string()),
});

/** Schema of the answer of `GET /v1/stats`. */
export const reportStatsSchema = z.strictObject({
  from: instantSchema,
  to: instantSchema,
  total: countSchema,
  byStatus: z.partialRecord(statusSchema, countSchema),
  byCategory: z.record(z.string(), countSchema),
  byDepartment: z.record(z.string(), countSchema),
  byChannel: z.partialRecord(channelSchema, countSchema),
  /** Counts per UTC day of creation, ascending. */
  byDay: z.array(
    z.strictObject({ day: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)), count: countSchema }),
  ),
  /** Share of reports (not rejected nor duplicate) that are closed. */
  closureRate: shareSchema,
  /** Share of resolved reports resolved on time. */
  slaCompliance: shareSchema,
  /** Median milliseconds from creation to resolution. */
  medianTimeToResolveMilliseconds: z.nullable(z.number().check(z.gte(0))),
});

/** Schema of an API key as listed: never its secret. */
export const apiKeyInfoSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  role: z.enum(apiKeyRoles),
  departmentCode: z.optional(z.string()),
  createdAt: instantSchema,
  revokedAt: z.optional(instantSchema),
});

/** Schema of a newly created API key: `key` is shown this once. */
export const createdApiKeySchema = z.extend(apiKeyInfoSchema, {
  /** The key to put in `Authorization: Bearer <key>`: `blg_<id>_<secret>`. */
  key: z.string(),
});

/** Schema of the answer of `GET /v1/api-keys`. */
export const apiKeyListSchema = z.strictObject({ items: z.array(apiKeyInfoSchema) });

/** Schema of the answer of `GET /healthz` when all is well. */
export const healthSchema = z.strictObject({
  status: z.literal('ok'),
  database: z.literal('ok'),
});
