import { reporterSchema, reportInputSchema } from '@balagh/core';
import * as z from 'zod/mini';
import {
  closureCodeTextSchema,
  reopenReasonSchema,
  trackingTokenSchema,
} from './reporter-report-ref-schema.js';

/** Schema of the query of `GET /v1/categories`: an unknown `lang` falls back to the default. */
export const categoriesQuerySchema = z.strictObject({
  /** Language to name the categories in (`ar`, `en`, `ur`...). */
  lang: z.optional(z.string().check(z.maxLength(35))),
});

/** Schema of the path of the routes on one report: its printed number or its UUIDv7. */
export const reportRefParamsSchema = z.strictObject({
  /** The report's number (`1448-000123-7`, dashes optional, any digit set) or its id. */
  ref: z.string().check(z.minLength(1), z.maxLength(64)),
});

/** Schema of the query of `GET /v1/reports/{number}`. */
export const reportStatusQuerySchema = z.strictObject({
  /** The tracking token of the receipt; staff keys may leave it out. */
  token: z.optional(trackingTokenSchema),
});

/** Schema of the body of `POST /v1/reports/{number}/confirm`. */
export const confirmBodySchema = z.strictObject({
  token: trackingTokenSchema,
  code: closureCodeTextSchema,
});

/** Schema of the body of `POST /v1/reports/{number}/reopen`. */
export const reopenBodySchema = z.strictObject({
  token: trackingTokenSchema,
  reason: z.optional(reopenReasonSchema),
});

/** Schema of the `Idempotency-Key` header: 1 to 255 visible ASCII characters. */
export const idempotencyKeySchema = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(255),
    z.regex(/^[\x21-\x7e]+$/, 'must be visible ASCII characters'),
  );

/** Schema of the headers `POST /v1/reports` reads. */
export const createReportHeadersSchema = z.object({
  /** Makes the creation safe to retry: the same key and body answer the same receipt. */
  'idempotency-key': z.optional(idempotencyKeySchema),
});

/**
 * Schema of the body of `POST /v1/reports`: core's `ReportInput`, except that the reporter's
 * phone may be written as people write it (`0512345678`, `00966…`, Arabic-Indic digits). The
 * service puts it in E.164 and refuses what is no phone number with `422 INVALID_PHONE`.
 */
export const reportSubmissionSchema = z.extend(reportInputSchema, {
  reporter: z.optional(
    z.extend(reporterSchema, {
      phone: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))),
    }),
  ),
});
