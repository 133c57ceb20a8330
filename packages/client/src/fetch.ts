/**
 * `@balagh/client/fetch`: the typed client of the Balagh intake API on `fetch` alone, without ky
 * (`createFetchClient`), or its public operations alone (`createPublicFetchClient`), for bundles
 * that count their bytes. The same operations, options, errors and types as `@balagh/client`,
 * which this entry re-exports, so an app imports from one place.
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
export type {
  BalaghClient,
  BalaghPublicClient,
  ClientOptions,
  CreateReportOptions,
} from './create-client.js';
export { createFetchClient } from './create-fetch-client.js';
export { createPublicFetchClient } from './create-public-fetch-client.js';
export type { CallOptions } from './create-transport.js';
export { randomUuid } from './random-uuid.js';
export type { RetryOptions } from './retry-policy.js';
