import * as z from 'zod/mini';
import { attachmentSchema } from './attachment.js';
import { channelSchema } from './channel.js';
import { languageSchema } from './language.js';
import { locationSchema } from './location.js';
import { attributeValueSchema, categoryCodeSchema } from './report-input.js';
import { reporterSchema } from './reporter.js';
import { closedHowSchema, prioritySchema, statusSchema } from './status.js';
import { timelineEntrySchema } from './timeline-entry.js';

/** Schema of a report number as printed: `1448-000123-7`. */
export const reportNumberSchema = z
  .string()
  .check(z.regex(/^\d{4}-\d{6,}-\d$/, 'must be a report number such as 1448-000123-7'));

/** Schema of a {@link Report}, as staff see it. */
export const reportSchema = z.strictObject({
  /** Sortable UUIDv7. */
  id: z
    .string()
    .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)),
  /** Human reference read over the phone, `1448-000123-7`. */
  number: reportNumberSchema,
  categoryCode: categoryCodeSchema,
  description: z.string(),
  attributes: z.record(z.string(), attributeValueSchema),
  location: z.optional(locationSchema),
  attachments: z.array(attachmentSchema),
  reporter: z.optional(reporterSchema),
  channel: channelSchema,
  language: languageSchema,
  status: statusSchema,
  /** Set once the report is closed. */
  closedHow: z.optional(closedHowSchema),
  /** Competent department handling it. */
  departmentCode: z.string(),
  priority: prioritySchema,
  /** SLA policy applied, from the category. */
  slaPolicyCode: z.string(),
  /** Id of the master report when this one is a duplicate. */
  duplicateOf: z.optional(z.string()),
  /** The submitting system's own id, when given. */
  externalId: z.optional(z.string()),
  /** Every step, oldest first; the first entry is the creation. */
  timeline: z.array(timelineEntrySchema).check(z.minLength(1)),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** A citizen report, with its whole history, as staff see it. Contains personal data. */
export type Report = z.infer<typeof reportSchema>;

/** Schema of one step of a {@link PublicReportStatus}'s timeline. */
export const publicTimelineEntrySchema = z.strictObject({
  at: z.iso.datetime(),
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
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** When the municipality promised to have it resolved. */
  resolutionDueAt: z.optional(z.iso.datetime()),
  /** True while a closure code has been issued and the reporter may confirm with it. */
  awaitingConfirmation: z.boolean(),
  timeline: z.array(publicTimelineEntrySchema),
});

/** A report's status as its reporter sees it. */
export type PublicReportStatus = z.infer<typeof publicReportStatusSchema>;

/** Schema of a {@link ReportReceipt}. */
export const reportReceiptSchema = z.strictObject({
  id: z.string(),
  number: reportNumberSchema,
  /** Secret that proves the holder is the reporter; give it only to them. */
  trackingToken: z.string(),
  /** Link where the reporter follows the report, when the service knows its public URL. */
  trackingUrl: z.optional(z.string()),
  status: statusSchema,
  categoryCode: categoryCodeSchema,
  departmentCode: z.string(),
  createdAt: z.iso.datetime(),
  resolutionDueAt: z.optional(z.iso.datetime()),
  externalId: z.optional(z.string()),
});

/** What the submitter gets back when a report is created. */
export type ReportReceipt = z.infer<typeof reportReceiptSchema>;
