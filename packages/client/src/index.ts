/**
 * The typed HTTP client of the Balagh intake API, on ky: timeouts, retries that honour
 * `Retry-After`, an `Idempotency-Key` on every creation, typed errors from problem+json,
 * `AbortSignal` everywhere, optional response validation. Browsers and Node 20+.
 *
 * @packageDocumentation
 */

export type {
  ApiKeyInfo,
  ApiKeyRole,
  AssignRequest,
  CategoryList,
  CreateApiKeyInput,
  CreatedApiKey,
  Instant,
  LikelyDuplicate,
  LinkDuplicateRequest,
  ReportListQuery,
  ReportPage,
  ReportStats,
  StaffClosureCode,
  StaffReport,
  StaffReportSla,
  StatsQuery,
  TransitionRequest,
} from './api-types.js';
export {
  BalaghApiError,
  type BalaghApiErrorInit,
  type ProblemDetails,
} from './balagh-api-error.js';
export { BalaghNetworkError } from './balagh-network-error.js';
export { BalaghTimeoutError } from './balagh-timeout-error.js';
export {
  type BalaghClient,
  type BalaghPublicClient,
  type ClientOptions,
  type CreateReportOptions,
  createClient,
} from './create-client.js';
export type { CallOptions } from './create-transport.js';
export { randomUuid } from './random-uuid.js';
export type { RetryOptions } from './retry-policy.js';
