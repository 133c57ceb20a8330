import * as z from 'zod/mini';
import { type SlaState, slaStateSchema } from '../sla/sla-status-schema.js';
import { instantSchema } from './instant.js';
import { type Report, reportSchema } from './report.js';

// What staff read from the intake API (`GET /v1/reports`, `GET /v1/reports/{id}` and the staff
// actions), in a file of its own: it carries the full report schema, which a browser bundle
// validating only the public answers must not. The types are declared beside the schemas,
// read-only, and checked against them by answer-types.test-d.ts.

/** Schema of a {@link StaffReportSla}. */
export const staffReportSlaSchema = z.strictObject({
  state: slaStateSchema,
  responseDueAt: z.optional(instantSchema),
  resolutionDueAt: z.optional(instantSchema),
  remainingMilliseconds: z.optional(z.number()),
  breachedAt: z.optional(instantSchema),
  paused: z.boolean(),
  detail: z.unknown(),
});

/** SLA figures of a report at the time it was read (`StaffReport.sla`), from core's `slaStatus`. */
export interface StaffReportSla {
  /** `on_track`, `at_risk` or `breached`: the worst state of the clocks still relevant. */
  readonly state: SlaState;
  /** When the report must be assigned (response target), ISO 8601. */
  readonly responseDueAt?: string;
  /** When the report must be resolved (resolution target), ISO 8601. */
  readonly resolutionDueAt?: string;
  /** Working milliseconds left until resolution is due; negative once breached. */
  readonly remainingMilliseconds?: number;
  /** When the first of the two targets was breached, ISO 8601. */
  readonly breachedAt?: string;
  /** Whether the resolution clock is paused while the report awaits the reporter. */
  readonly paused: boolean;
  /** Core's full `SlaStatus` as the server computed it, for callers that want every figure. */
  readonly detail: unknown;
}

/** Schema of a {@link StaffClosureCode}. */
export const staffClosureCodeSchema = z.strictObject({
  issued: z.boolean(),
  attemptsLeft: z.optional(z.number().check(z.int(), z.gte(0))),
  locked: z.boolean(),
  expiresAt: z.optional(instantSchema),
});

/** Closure-code facts staff may see (`StaffReport.closureCode`); never the code itself. */
export interface StaffClosureCode {
  /** A code is outstanding: the report is resolved and the reporter may confirm. */
  readonly issued: boolean;
  /** Failed attempts left before the code locks, while one is issued and not locked. */
  readonly attemptsLeft?: number;
  /** Too many failed attempts: the code no longer works until a reopen issues a new one. */
  readonly locked: boolean;
  /** When the outstanding code stops working, ISO 8601. */
  readonly expiresAt?: string;
}

/** Schema of a {@link LikelyDuplicate}. */
export const likelyDuplicateSchema = z.strictObject({
  id: z.string(),
  number: z.string(),
  distanceMeters: z.number().check(z.gte(0)),
  createdAt: instantSchema,
});

/**
 * A report near the same place, of the same category, created shortly before or after
 * (`StaffReport.likelyDuplicates`, nearest first; see core's `isLikelyDuplicate`).
 */
export interface LikelyDuplicate {
  /** The other report's id. */
  readonly id: string;
  /** The other report's number, `1448-000123-7`. */
  readonly number: string;
  /** How far apart the two reports' locations are, in whole metres. */
  readonly distanceMeters: number;
  /** When the other report was created, ISO 8601. */
  readonly createdAt: string;
}

/** Schema of a {@link StaffReport}: core's `reportSchema` plus its live figures. */
export const staffReportSchema = z.strictObject({
  ...reportSchema.shape,
  sla: staffReportSlaSchema,
  closureCode: staffClosureCodeSchema,
  likelyDuplicates: z.array(likelyDuplicateSchema),
});

/**
 * A report as staff see it (`GET /v1/reports/{id}` and the answer of every staff action): a
 * {@link Report}, personal data included, plus its SLA figures, closure-code facts and likely
 * duplicates as of the time it was read.
 */
export type StaffReport = Report & {
  readonly sla: StaffReportSla;
  readonly closureCode: StaffClosureCode;
  readonly likelyDuplicates: readonly LikelyDuplicate[];
};

/** Schema of one page of `GET /v1/reports`: a {@link ReportPage} of {@link StaffReport}s. */
export const staffReportPageSchema = z.strictObject({
  items: z.array(staffReportSchema),
  nextCursor: z.optional(z.string()),
});

/** One page of a cursor-paginated list, such as `GET /v1/reports` (`ReportPage<StaffReport>`). */
export interface ReportPage<T> {
  readonly items: readonly T[];
  /** Present when more items follow; pass it as `cursor`, with the same filters, to get them. */
  readonly nextCursor?: string;
}
