import type { ErrorCode } from '@balagh/core';

/**
 * The HTTP status each error code answers with at the edge, as docs/api.md lists it.
 *
 * Codes the contract does not name follow the same rule: a client's mistake is a 4xx, a fault
 * of the server or of a provider behind it is a 5xx.
 */
export const problemStatusByCode = {
  VALIDATION_FAILED: 400,
  UNKNOWN_CATEGORY: 422,
  INVALID_TAXONOMY: 500,
  INVALID_PHONE: 422,
  INVALID_REPORT_NUMBER: 400,
  INVALID_CALENDAR: 500,
  INVALID_GEOMETRY: 422,
  UNKNOWN_MESSAGE_KIND: 500,
  MISSING_MESSAGE_VARIABLE: 500,
  INVALID_TRANSITION: 409,
  FORBIDDEN_ROLE: 403,
  CLOSURE_CODE_INVALID: 422,
  CLOSURE_CODE_MALFORMED: 422,
  CLOSURE_CODE_EXPIRED: 422,
  CLOSURE_CODE_LOCKED: 423,
  CLOSURE_CODE_NOT_ISSUED: 409,
  UNKNOWN_CLOSURE_KEY: 500,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  REPORT_NOT_FOUND: 404,
  CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_SIGNATURE: 403,
  NETWORK_ERROR: 502,
  TIMEOUT: 504,
  PROVIDER_ERROR: 502,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const satisfies Record<ErrorCode, number>;

/** The short, fixed title of each problem type (RFC 9457 `title`). */
export const problemTitleByCode = {
  VALIDATION_FAILED: 'Invalid input',
  UNKNOWN_CATEGORY: 'Unknown category',
  INVALID_TAXONOMY: 'Invalid taxonomy',
  INVALID_PHONE: 'Invalid phone number',
  INVALID_REPORT_NUMBER: 'Invalid report number',
  INVALID_CALENDAR: 'Invalid calendar',
  INVALID_GEOMETRY: 'Invalid geometry',
  UNKNOWN_MESSAGE_KIND: 'Unknown message kind',
  MISSING_MESSAGE_VARIABLE: 'Missing message variable',
  INVALID_TRANSITION: 'Transition not allowed',
  FORBIDDEN_ROLE: 'Role may not make this transition',
  CLOSURE_CODE_INVALID: 'Wrong closure code',
  CLOSURE_CODE_MALFORMED: 'Malformed closure code',
  CLOSURE_CODE_EXPIRED: 'Closure code expired',
  CLOSURE_CODE_LOCKED: 'Closure code locked',
  CLOSURE_CODE_NOT_ISSUED: 'No closure code issued',
  UNKNOWN_CLOSURE_KEY: 'Unknown closure key',
  UNAUTHENTICATED: 'Authentication required',
  FORBIDDEN: 'Forbidden',
  NOT_FOUND: 'Not found',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  REPORT_NOT_FOUND: 'Report not found',
  CONFLICT: 'Conflict',
  IDEMPOTENCY_KEY_REUSED: 'Idempotency key reused with another body',
  RATE_LIMITED: 'Too many requests',
  PAYLOAD_TOO_LARGE: 'Payload too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  INVALID_SIGNATURE: 'Invalid signature',
  NETWORK_ERROR: 'Upstream network error',
  TIMEOUT: 'Upstream timeout',
  PROVIDER_ERROR: 'Upstream provider error',
  SERVICE_UNAVAILABLE: 'Service unavailable',
  INTERNAL: 'Internal server error',
} as const satisfies Record<ErrorCode, string>;

// The problem `type` URIs are core's, shared with the channels' webhook answers.
export { problemTypeBase, problemTypeOf } from '@balagh/core';
