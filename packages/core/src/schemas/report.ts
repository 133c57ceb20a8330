import * as z from 'zod/mini';
import { attachmentSchema } from './attachment.js';
import { categoryCodeSchema } from './category-code.js';
import { channelSchema } from './channel.js';
import { instantSchema } from './instant.js';
import { languageSchema } from './language.js';
import { locationSchema } from './location.js';
import { attributeValueSchema } from './report-input.js';
import { reportNumberSchema } from './report-number.js';
import { reporterSchema } from './reporter.js';
import { closedHowSchema, prioritySchema, statusSchema } from './status.js';
import { timelineEntrySchema } from './timeline-entry.js';

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
  createdAt: instantSchema,
  updatedAt: instantSchema,
});

/** A citizen report, with its whole history, as staff see it. Contains personal data. */
export type Report = z.infer<typeof reportSchema>;

// The schemas of what a reporter and a submitter see live in files of their own, so that a
// bundle validating only those (the client in a browser) does not carry the staff report's.
export {
  type PublicReportStatus,
  type PublicTimelineEntry,
  publicReportStatusSchema,
  publicTimelineEntrySchema,
} from './public-report-status.js';
export { reportNumberSchema } from './report-number.js';
export { type ReportReceipt, reportReceiptSchema } from './report-receipt.js';
