import {
  channelSchema,
  instantSchema,
  reportSchema,
  slaStateSchema,
  statusSchema,
} from '@balagh/core';
import * as z from 'zod/mini';

// The staff answers of the intake API as the client's types (src/api-types.ts) describe them.
// The client does not check these answers itself (core's full report schema alone would weigh
// more than the browser budget allows, see scripts/size.ts), so the contract test checks them
// here, against the real server.

const countSchema = z.number().check(z.int(), z.gte(0));
const shareSchema = z.nullable(z.number().check(z.gte(0), z.lte(1)));

/** A report as `GET /v1/reports/{id}` and the staff actions answer it (`StaffReport`). */
export const staffReportSchema = z.strictObject({
  ...reportSchema.shape,
  sla: z.strictObject({
    state: slaStateSchema,
    responseDueAt: z.optional(instantSchema),
    resolutionDueAt: z.optional(instantSchema),
    remainingMilliseconds: z.optional(z.number()),
    breachedAt: z.optional(instantSchema),
    paused: z.boolean(),
    detail: z.unknown(),
  }),
  closureCode: z.strictObject({
    issued: z.boolean(),
    attemptsLeft: z.optional(countSchema),
    locked: z.boolean(),
    expiresAt: z.optional(instantSchema),
  }),
  likelyDuplicates: z.array(
    z.strictObject({
      id: z.string(),
      number: z.string(),
      distanceMeters: z.number().check(z.gte(0)),
      createdAt: instantSchema,
    }),
  ),
});

/** A page of `GET /v1/reports` (`ReportPage<StaffReport>`). */
export const staffReportPageSchema = z.strictObject({
  items: z.array(staffReportSchema),
  nextCursor: z.optional(z.string()),
});

/** The answer of `GET /v1/stats` (`ReportStats`). */
export const reportStatsSchema = z.strictObject({
  from: instantSchema,
  to: instantSchema,
  total: countSchema,
  byStatus: z.partialRecord(statusSchema, countSchema),
  byCategory: z.record(z.string(), countSchema),
  byDepartment: z.record(z.string(), countSchema),
  byChannel: z.partialRecord(channelSchema, countSchema),
  byDay: z.array(z.strictObject({ day: z.string(), count: countSchema })),
  closureRate: shareSchema,
  slaCompliance: shareSchema,
  medianTimeToResolveMilliseconds: z.nullable(z.number().check(z.gte(0))),
});
