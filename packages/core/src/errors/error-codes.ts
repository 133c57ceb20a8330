/**
 * Every error code Balagh raises, in one closed list.
 *
 * The same code travels from the domain to the HTTP edge: an SDK error's `code`, the `code`
 * member of a problem+json body, and a client error's `code` are always one of these, so an
 * integrator can map each to a localised message once.
 */
export const errorCodes = [
  // Input
  'VALIDATION_FAILED',
  'UNKNOWN_CATEGORY',
  'INVALID_TAXONOMY',
  'INVALID_PHONE',
  'INVALID_REPORT_NUMBER',
  'INVALID_CALENDAR',
  'INVALID_GEOMETRY',
  'UNKNOWN_MESSAGE_KIND',
  'MISSING_MESSAGE_VARIABLE',
  // Lifecycle
  'INVALID_TRANSITION',
  'FORBIDDEN_ROLE',
  // Closure codes
  'CLOSURE_CODE_INVALID',
  'CLOSURE_CODE_MALFORMED',
  'CLOSURE_CODE_EXPIRED',
  'CLOSURE_CODE_LOCKED',
  'CLOSURE_CODE_NOT_ISSUED',
  'UNKNOWN_CLOSURE_KEY',
  // Access and lookups
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'REPORT_NOT_FOUND',
  'CONFLICT',
  'IDEMPOTENCY_KEY_REUSED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INVALID_SIGNATURE',
  // Infrastructure
  'NETWORK_ERROR',
  'TIMEOUT',
  'PROVIDER_ERROR',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;

/** One of {@link errorCodes}: the stable, machine-readable identity of a Balagh error. */
export type ErrorCode = (typeof errorCodes)[number];

/** Tells whether a string is one of Balagh's {@link ErrorCode}s. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
