import * as z from 'zod/mini';
import { instantSchema } from './instant.js';
import { closedHowSchema, roleSchema, statusSchema } from './status.js';

/** Schema of a {@link TimelineEntry}. */
export const timelineEntrySchema = z.strictObject({
  /** When it happened, ISO 8601 in UTC with milliseconds. */
  at: instantSchema,
  /** Who did it: a key id, a staff id, `reporter` or `system`. Never a phone number. */
  actor: z.string().check(z.minLength(1), z.maxLength(128)),
  /** In what role. */
  role: roleSchema,
  /** Status before; `null` on the entry that creates the report. */
  from: z.nullable(statusSchema),
  /** Status after. Equal to `from` for a change that keeps the status (a reassignment). */
  to: statusSchema,
  /** Free-text note: a rejection reason, what information is awaited, a reassignment reason. */
  note: z.optional(z.string().check(z.maxLength(2000))),
  /** Department the report is assigned to by this step, when it assigns one. */
  departmentCode: z.optional(z.string()),
  /** How the report was closed, on a step to `closed`. */
  closedHow: z.optional(closedHowSchema),
  /** Id of the master report, on a step to `duplicate`. */
  duplicateOf: z.optional(z.string()),
});

/** One immutable step in a report's history. */
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
