import type {
  Attachment,
  ConfirmClosureResult,
  IntakePort,
  Language,
  LocalizedCategory,
  PublicReportStatus,
  ReporterReportRef,
  ReportInput,
  ReportReceipt,
} from '@balagh/core';
import type {
  ApiKeyInfo,
  AssignRequest,
  CategoryList,
  CreateApiKeyInput,
  CreatedApiKey,
  LinkDuplicateRequest,
  ReportListQuery,
  ReportPage,
  ReportStats,
  StaffReport,
  StatsQuery,
  TransitionRequest,
} from './api-types.js';
import { createClientWith } from './create-client-with.js';
import { createKySender } from './create-ky-sender.js';
import type { CallOptions } from './create-transport.js';
import type { RetryOptions } from './retry-policy.js';

/** The options of {@link createClient} and of `createFetchClient` (`@balagh/client/fetch`). */
export interface ClientOptions {
  /** Where the intake API is served, such as `https://reports.example.gov.sa`; `/v1/...` follows. */
  readonly baseUrl: string | URL;
  /** The API key, sent as `Authorization: Bearer <key>`. Every `/v1` route needs one. */
  readonly apiKey?: string | undefined;
  /** The `fetch` to use (a proxy agent, a test double); it receives a `Request`. Default: the global one. */
  readonly fetch?: ((input: Request, init?: RequestInit) => Promise<Response>) | undefined;
  /** Timeout of each attempt in milliseconds, or `false` for none; 10 000 by default. */
  readonly timeout?: number | false | undefined;
  /** Retry settings, a number of retries, or `false` to never retry; see {@link RetryOptions}. */
  readonly retry?: false | number | RetryOptions | undefined;
  /**
   * Checks the public answers (receipt, status, confirmation, photo, categories) and the API keys
   * against their schemas, core's where core has one (loaded on first use, with zod), and throws
   * core's `ValidationError` (code `INTERNAL`) when one does not match. Staff reports, pages and
   * stats are not checked: core's full report schema would not fit the browser budget. The
   * schemas are strict, so a newer server adding a member fails the check: turn it on in
   * development and tests.
   */
  readonly validateResponses?: boolean | undefined;
  /** Headers sent with every request (a tracing id, an `Accept-Language`). */
  readonly headers?: HeadersInit | undefined;
}

/** The options of {@link BalaghClient.createReport}. */
export interface CreateReportOptions extends CallOptions {
  /**
   * The `Idempotency-Key` of this creation (1–255 visible ASCII characters). By default a random
   * UUID per call, reused by its retries. Pass your own to make a creation safe to repeat across
   * calls too — an offline queue sending the same report again after a reload.
   */
  readonly idempotencyKey?: string | undefined;
}

/**
 * The operations of the intake API's public routes (docs/api.md), which any API key may call,
 * an `integration` key (a site, an app, the report widget) included: the categories, a report's
 * creation and its photo, and the reporter's own routes. It implements core's `IntakePort`
 * (`listCategories`, `submitReport`, `getReportStatus`, `confirmClosure`, `uploadMedia`,
 * `reopenReport`). {@link BalaghClient} adds the staff operations; `createPublicFetchClient`
 * (`@balagh/client/fetch`) answers these alone, for a bundle that never calls the others.
 *
 * Every operation throws {@link BalaghApiError} when the API answers an error,
 * {@link BalaghNetworkError} or {@link BalaghTimeoutError} when it does not answer, and rejects
 * with the signal's reason when aborted.
 */
export interface BalaghPublicClient extends IntakePort {
  /** Lists the categories named in a language (`GET /v1/categories`); any key. */
  categories(language?: Language, options?: CallOptions): Promise<CategoryList>;
  /** The categories named in a language, as `IntakePort` wants them. */
  listCategories(language: Language, options?: CallOptions): Promise<readonly LocalizedCategory[]>;
  /**
   * Creates a report (`POST /v1/reports`) with an `Idempotency-Key`, so the retries of a
   * creation never make two reports. Channels `call_center` and `field_officer` need an `agent`
   * key or higher.
   */
  createReport(input: ReportInput, options?: CreateReportOptions): Promise<ReportReceipt>;
  /** {@link BalaghPublicClient.createReport} under the name `IntakePort` gives it. */
  submitReport(input: ReportInput, options?: CreateReportOptions): Promise<ReportReceipt>;
  /**
   * Reads a report's public status: by number and tracking token
   * (`GET /v1/reports/{number}?token=`), or by the reporter's contact (`POST /v1/reporter/status`,
   * `agent` key or higher).
   */
  getReportStatus(ref: ReporterReportRef, options?: CallOptions): Promise<PublicReportStatus>;
  /**
   * Confirms a resolved report with its closure code (`POST /v1/reports/{number}/confirm`, or
   * `/v1/reporter/confirm` for a contact ref). Never retried after a network error or timeout:
   * a repeated attempt could consume one of the code's attempts twice.
   */
  confirmClosure(
    ref: ReporterReportRef,
    code: string,
    options?: CallOptions,
  ): Promise<ConfirmClosureResult>;
  /**
   * Tells the municipality a resolved report is not fixed (`POST /v1/reports/{number}/reopen`,
   * or `/v1/reporter/reopen` for a contact ref). Not retried after a network error or timeout.
   */
  reopenReport(
    ref: ReporterReportRef,
    reason?: string,
    options?: CallOptions,
  ): Promise<PublicReportStatus>;
  /**
   * Uploads a photo (`POST /v1/media`; JPEG, PNG or WebP, at most 5 MiB); put the returned
   * `mediaId` in `ReportInput.mediaIds`.
   */
  uploadMedia(
    bytes: Uint8Array | Blob,
    contentType: string,
    options?: CallOptions,
  ): Promise<Attachment>;
}

/**
 * A typed client of the Balagh intake API (docs/api.md), for browsers and Node: the public
 * operations of {@link BalaghPublicClient}, which need any API key, and the staff operations,
 * which need the role docs/api.md names.
 *
 * It implements core's `IntakePort` (`listCategories`, `submitReport`, `getReportStatus`,
 * `confirmClosure`, `uploadMedia`, `reopenReport`), so a WhatsApp or SMS channel runs beside
 * the service against this client, unchanged.
 *
 * Every operation throws {@link BalaghApiError} when the API answers an error,
 * {@link BalaghNetworkError} or {@link BalaghTimeoutError} when it does not answer, and rejects
 * with the signal's reason when aborted.
 */
export interface BalaghClient extends BalaghPublicClient {
  /**
   * Walks every report matching a query (`GET /v1/reports`), page after page, yielding each one.
   * Staff keys only; a `department` key sees its department's reports.
   *
   * @example
   * ```ts
   * for await (const report of client.listReports({ status: 'received', slaState: 'at_risk' })) {
   *   console.log(report.number, report.sla.state);
   * }
   * ```
   */
  listReports(query?: ReportListQuery, options?: CallOptions): AsyncIterableIterator<StaffReport>;
  /** Reads one page of reports (`GET /v1/reports`); pass `nextCursor` as `cursor` for the next. */
  listReportsPage(query?: ReportListQuery, options?: CallOptions): Promise<ReportPage<StaffReport>>;
  /** Reads one report by id or printed number (`GET /v1/reports/{id}`). */
  getReport(idOrNumber: string, options?: CallOptions): Promise<StaffReport>;
  /** Assigns a report to a department (`POST /v1/reports/{id}/assign`). */
  assign(idOrNumber: string, request: AssignRequest, options?: CallOptions): Promise<StaffReport>;
  /** Moves a report along the lifecycle (`POST /v1/reports/{id}/transition`). */
  transition(
    idOrNumber: string,
    request: TransitionRequest,
    options?: CallOptions,
  ): Promise<StaffReport>;
  /**
   * Closes a resolved report as confirmed with the closure code the reporter gives the officer
   * (`POST /v1/reports/{id}/close`). Not retried after a network error or timeout.
   */
  close(idOrNumber: string, code: string, options?: CallOptions): Promise<StaffReport>;
  /** Marks a report as a duplicate of a master report (`POST /v1/reports/{id}/duplicate`). */
  linkDuplicate(
    idOrNumber: string,
    request: LinkDuplicateRequest,
    options?: CallOptions,
  ): Promise<StaffReport>;
  /** Counts and rates over a creation-time range (`GET /v1/stats`); supervisor and admin keys. */
  stats(query?: StatsQuery, options?: CallOptions): Promise<ReportStats>;
  /** Creates an API key (`POST /v1/api-keys`, admin); the secret key is in this answer only. */
  createApiKey(input: CreateApiKeyInput, options?: CallOptions): Promise<CreatedApiKey>;
  /** Lists the API keys, revoked ones included (`GET /v1/api-keys`, admin); never their secrets. */
  listApiKeys(options?: CallOptions): Promise<readonly ApiKeyInfo[]>;
  /** Revokes an API key (`DELETE /v1/api-keys/{id}`, admin); revoking twice is harmless. */
  revokeApiKey(id: string, options?: CallOptions): Promise<void>;
}

/**
 * Creates a typed client of the Balagh intake API: timeouts per attempt, retries with backoff
 * that honour `Retry-After`, an `Idempotency-Key` on every creation, typed errors from
 * problem+json, `AbortSignal` on every call. Works in browsers and Node 20+ without polyfills.
 * Its requests go through ky; `createFetchClient` from `@balagh/client/fetch` is the same client
 * on `fetch` alone, for a bundle that must not carry ky.
 *
 * Retries: reads, creations (thanks to their `Idempotency-Key`), media uploads and revokes are
 * retried after a network error, a timeout, or a 408, 429, 500, 502, 503 or 504 answer. Confirm,
 * reopen, assign, transition, close, duplicate and key creation change state in a way a
 * repetition would not leave alone (a closure code counts its attempts), so they are retried only
 * after 408, 429 and 503, answers that prove the server did not process them.
 *
 * @throws `BalaghError` `VALIDATION_FAILED` when `baseUrl` is not an absolute http(s) URL.
 * @example
 * ```ts
 * const client = createClient({ baseUrl: 'https://reports.example.gov.sa', apiKey: widgetKey });
 * const receipt = await client.createReport({
 *   categoryCode: 'street_lighting',
 *   description: 'The lamp post at gate 79 is dark',
 *   channel: 'web',
 *   language: 'en',
 *   location: { lat: 21.4225, lng: 39.8262 },
 * });
 * console.log(receipt.number); // 1448-000123-7
 * ```
 */
export function createClient(options: ClientOptions): BalaghClient {
  return createClientWith(options, createKySender(options));
}
