import * as z from 'zod/mini';
import { categoryCodeSchema } from './category-code.js';
import { channelSchema } from './channel.js';
import { languageSchema } from './language.js';
import { locationSchema } from './location.js';
import { reporterSchema } from './reporter.js';

/** Schema of the values a category attribute can take. */
export const attributeValueSchema = z.union([
  z.string().check(z.maxLength(500)),
  z.number(),
  z.boolean(),
  z.array(z.string().check(z.maxLength(200))).check(z.maxLength(20)),
]);

/** A value of a category attribute (an establishment's name, a vehicle's plate...). */
export type AttributeValue = z.infer<typeof attributeValueSchema>;

/**
 * Schema of a {@link ReportInput}: what any channel submits to create a report.
 *
 * Unknown fields are refused, so a typo in an integration shows up at once.
 */
export const reportInputSchema = z.strictObject({
  /** Code of a category of the taxonomy, such as `street_lighting`. */
  categoryCode: categoryCodeSchema,
  /** What is wrong, in the reporter's words. */
  description: z.string().check(z.trim(), z.minLength(1), z.maxLength(4000)),
  /** Values of the category's Open311-style attributes, by attribute code. */
  attributes: z.optional(
    z.record(z.string().check(z.regex(/^[a-z][a-z0-9_]{0,63}$/)), attributeValueSchema),
  ),
  /** Where the problem is. */
  location: z.optional(locationSchema),
  /** Ids of media uploaded beforehand, at most 5. */
  mediaIds: z.optional(
    z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(5)),
  ),
  /** Who reports it; optional for field officers and anonymous web reports. */
  reporter: z.optional(reporterSchema),
  /** How the report arrived. */
  channel: channelSchema,
  /** Language the reporter used, and will be answered in. */
  language: languageSchema,
  /** The submitting system's own id for this report, echoed back to it. */
  externalId: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  /** When the reporter submitted it on their device, if it was queued offline. */
  submittedAt: z.optional(z.iso.datetime({ offset: true })),
});

/** What any channel submits to create a report. */
export type ReportInput = z.infer<typeof reportInputSchema>;

export { categoryCodeSchema } from './category-code.js';
