import * as z from 'zod/mini';
import { categoryCodeSchema } from './category-code.js';
import { instantSchema } from './instant.js';
import { languageSchema } from './language.js';
import { reportNumberSchema } from './report-number.js';
import { closedHowSchema, statusSchema } from './status.js';

/** Schema of one step of a {@link PublicReportStatus}'s timeline. */
export const publicTimelineEntrySchema = z.strictObject({
  at: instantSchema,
  status: statusSchema,
});

/** One step of a report's history as the reporter sees it: no actor, no note. */
export type PublicTimelineEntry = z.infer<typeof publicTimelineEntrySchema>;

/**
 * Schema of a {@link PublicReportStatus}: what the reporter (or anybody holding the tracking
 * token) may see. No personal data, no staff notes.
 */
export const publicReportStatusSchema = z.strictObject({
  number: reportNumberSchema,
  categoryCode: categoryCodeSchema,
  status: statusSchema,
  closedHow: z.optional(closedHowSchema),
  language: languageSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
  /** When the municipality promised to have it resolved. */
  resolutionDueAt: z.optional(instantSchema),
  /** True while a closure code has been issued and the reporter may confirm with it. */
  awaitingConfirmation: z.boolean(),
  timeline: z.array(publicTimelineEntrySchema),
});

/** A report's status as its reporter sees it. */
export type PublicReportStatus = z.infer<typeof publicReportStatusSchema>;

// The answer to a closure code lives beside the status it carries rather than in a file of its
// own: every module a browser bundle loads lazily costs a wrapper (see the client's size check).

/**
 * Schema of a {@link ConfirmClosureResult}, the answer of `POST /v1/reports/{number}/confirm`
 * and `POST /v1/reporter/confirm`.
 */
export const confirmClosureResultSchema = z.strictObject({
  outcome: z.enum(['valid', 'invalid', 'malformed', 'expired', 'locked']),
  attemptsLeft: z.optional(z.number().check(z.int(), z.gte(0))),
  report: publicReportStatusSchema,
});

/** Result of `IntakePort.confirmClosure`. */
export interface ConfirmClosureResult {
  /** `valid` closes the report as confirmed; the others leave it resolved. */
  readonly outcome: 'valid' | 'invalid' | 'malformed' | 'expired' | 'locked';
  /** Attempts left before the code locks, when the outcome is `invalid`. */
  readonly attemptsLeft?: number;
  /** The report as the reporter now sees it. */
  readonly report: PublicReportStatus;
}
