import * as z from 'zod/mini';

/**
 * Schema of a report number as a client sends it: any text of sensible length. It is read with
 * core's `parseReportNumber` afterwards, which accepts dashes or none and any digit set and
 * answers `INVALID_REPORT_NUMBER` on a mistake.
 */
export const reportNumberTextSchema = z.string().check(z.minLength(1), z.maxLength(64));

/** Schema of a tracking token, the secret that proves the holder is the reporter. */
export const trackingTokenSchema = z.string().check(z.minLength(1), z.maxLength(256));

/** Schema of a reporter's contact, as a channel that verified it names it. */
export const reporterContactSchema = z.union([
  z.strictObject({
    /** The reporter's phone number, E.164 or local (`0512345678`). */
    phone: z.string().check(z.minLength(1), z.maxLength(32)),
  }),
  z.strictObject({
    /** The reporter's WhatsApp user id. */
    whatsappUserId: z.string().check(z.minLength(1), z.maxLength(128)),
  }),
]);

/**
 * Schema of core's `ReporterReportRef`: a number and its tracking token, or (for `agent` keys
 * and higher) a contact with an optional number.
 */
export const reporterReportRefSchema = z.union([
  z.strictObject({ number: reportNumberTextSchema, token: trackingTokenSchema }),
  z.strictObject({ contact: reporterContactSchema, number: z.optional(reportNumberTextSchema) }),
]);

/** A reference to a reporter's report, as it arrives in a request body. */
export type ReporterReportRefInput = z.infer<typeof reporterReportRefSchema>;

/** Schema of a closure code as typed: spaces, dashes and any digit set are normalised later. */
export const closureCodeTextSchema = z.string().check(z.minLength(1), z.maxLength(32));

/** Schema of a reporter's reason for reopening a report. */
export const reopenReasonSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(2000));

/** Schema of the body of `POST /v1/reporter/status`. */
export const reporterStatusBodySchema = z.strictObject({ ref: reporterReportRefSchema });

/** Schema of the body of `POST /v1/reporter/confirm`. */
export const reporterConfirmBodySchema = z.strictObject({
  ref: reporterReportRefSchema,
  code: closureCodeTextSchema,
});

/** Schema of the body of `POST /v1/reporter/reopen`. */
export const reporterReopenBodySchema = z.strictObject({
  ref: reporterReportRefSchema,
  reason: z.optional(reopenReasonSchema),
});
