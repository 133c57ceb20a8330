import { NotificationError } from '@balagh/core';
import * as z from 'zod/mini';

/*
 * Graph API error codes of the Cloud API, by what a later attempt can do about them
 * (developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes).
 * Retryable: throughput and rate limits, and Meta's own temporary failures. Everything else —
 * an unreachable reporter (131026), a closed customer-service window (131047), an invalid
 * parameter (100), a missing or paused template (132xxx), an expired token (190), a
 * restricted account — needs someone to change something, so retrying is pointless.
 */
const retryableCodes = new Set([
  1, // API unknown: often a transient server error
  2, // API service: temporary downtime or overload
  4, // application request limit
  17, // user request limit
  32, // page request limit
  613, // calls within the rate limit
  80007, // WhatsApp Business Account rate limit
  130429, // Cloud API throughput reached
  131000, // something went wrong
  131016, // service unavailable
  131048, // spam rate limit
  131056, // business/consumer pair rate limit
  133004, // server temporarily unavailable
]);

/** The reporter cannot be reached on WhatsApp: it may be tried by SMS instead. */
export const unreachableCodes = new Set([
  131026, // message undeliverable: not on WhatsApp, old app, terms not accepted
  131047, // re-engagement: more than 24 hours since the reporter wrote
  131062, // business-scoped user ids are not supported for this message
  470, // re-engagement, as older API versions named it
]);

/** Schema of a Graph API error body. */
const graphErrorSchema = z.object({
  error: z.object({
    message: z.optional(z.string()),
    type: z.optional(z.string()),
    code: z.optional(z.number()),
    error_subcode: z.optional(z.number()),
    error_data: z.optional(z.object({ details: z.optional(z.string()) })),
    fbtrace_id: z.optional(z.string()),
  }),
});

function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * Turns a failed Graph API answer into core's `NotificationError`, telling the outbox whether
 * to retry: rate limits (130429, 131048, 131056, 80007...), Meta's temporary failures and any
 * 5xx or 429 are retryable; everything else (131026 unreachable, 131047 outside the
 * customer-service window, 100 invalid parameter, 132001 unknown template...) is permanent.
 * `details` carries `graphErrorCode`, `httpStatus` and `fbtraceId` (never the recipient).
 */
export function graphApiFailure(
  status: number,
  body: unknown,
  retryAfter: string | null = null,
): NotificationError {
  const parsed = graphErrorSchema.safeParse(body);
  const error = parsed.success ? parsed.data.error : undefined;
  const code = error?.code;
  const retryable =
    code === undefined
      ? status >= 500 || status === 429
      : retryableCodes.has(code) || (status >= 500 && !unreachableCodes.has(code));
  const hint = retryAfterMs(retryAfter);
  const detail = error?.error_data?.details;
  return new NotificationError(
    `WhatsApp Cloud API answered ${status}${code === undefined ? '' : ` with error ${code}`}: ${detail ?? error?.message ?? 'no details'}`,
    {
      retryable,
      ...(hint === undefined ? {} : { retryAfterMs: hint }),
      details: {
        httpStatus: status,
        ...(code === undefined ? {} : { graphErrorCode: code }),
        ...(error?.fbtrace_id === undefined ? {} : { fbtraceId: error.fbtrace_id }),
      },
    },
  );
}

/** The Graph API error code a `NotificationError` from this package carries, if any. */
export function graphErrorCodeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { details?: { graphErrorCode?: unknown } }).details?.graphErrorCode;
  return typeof code === 'number' ? code : undefined;
}
