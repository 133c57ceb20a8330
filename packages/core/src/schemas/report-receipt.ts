import * as z from 'zod/mini';
import { categoryCodeSchema } from './category-code.js';
import { instantSchema } from './instant.js';
import { reportNumberSchema } from './report-number.js';
import { statusSchema } from './status.js';

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
  createdAt: instantSchema,
  resolutionDueAt: z.optional(instantSchema),
  externalId: z.optional(z.string()),
});

/** What the submitter gets back when a report is created. */
export type ReportReceipt = z.infer<typeof reportReceiptSchema>;
