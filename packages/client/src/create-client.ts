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
import { type CallOptions, createTransport, type Operation } from './create-transport.js';
import { randomUuid } from './random-uuid.js';
import type { ResponseKind } from './response-validators.js';
import type { RetryOptions } from './retry-policy.js';

/** The options of {@link createClient}. */
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
 * A typed client of the Balagh intake API (docs/api.md), for browsers and Node. Public
 * operations need any API key; staff operations need the role docs/api.md names.
 *
 * It implements core's `IntakePort` (`listCategories`, `submitReport`, `getReportStatus`,
 * `confirmClosure`, `uploadMedia`, `reopenReport`), so a WhatsApp or SMS channel runs beside
 * the service against this client, unchanged.
 *
 * Every operation throws {@link BalaghApiError} when the API answers an error,
 * {@link BalaghNetworkError} or {@link BalaghTimeoutError} when it does not answer, and rejects
 * with the signal's reason when aborted.
 */
export interface BalaghClient extends IntakePort {
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
  /** {@link BalaghClient.createReport} under the name `IntakePort` gives it. */
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
 *
 * Retries: reads, creations (thanks to their `Idempotency-Key`), media uploads and revokes are
 * retried after a network error, a timeout, or a 408, 429, 500, 502, 503 or 504 answer. Confirm,
 * reopen, assign, transition, close, duplicate and key creation change state in a way a
 * repetition would not leave alone (a closure code counts its attempts), so they are retried only
 * after 408, 429 and 503, answers that prove the server did not process them.
 *
 * @throws {@link BalaghError} `VALIDATION_FAILED` when `baseUrl` is not an absolute http(s) URL.
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
  const send = createTransport(options);

  // The shapes every operation below is made of: one line per operation.
  const get = <T>(
    path: string,
    response: ResponseKind | undefined,
    call?: CallOptions,
    parameters = {},
  ) =>
    send<T>(
      { method: 'GET', path, response, repeatable: true, searchParams: query(parameters) },
      call,
    );
  const post = <T>(
    path: string,
    json: unknown,
    response: ResponseKind | undefined,
    call?: CallOptions,
    repeatable?: boolean,
  ) => send<T>({ method: 'POST', path, json, response, repeatable }, call);
  // A creation made safe to repeat (by an `Idempotency-Key`, or by its nature).
  const create = <T>(
    operation: Omit<Operation, 'method'> & { method?: 'DELETE' },
    call?: CallOptions,
  ) => send<T>({ method: 'POST', repeatable: true, ...operation }, call);
  const report = (idOrNumber: string, action = '') =>
    `${reports}/${encodeURIComponent(idOrNumber)}${action && `/${action}`}`;
  // A staff action on one report: `POST /v1/reports/{id}/{action}`, answering the report.
  const act =
    <V>(action: string, body: (value: V) => unknown = (value) => value) =>
    (idOrNumber: string, value: V, call?: CallOptions) =>
      post<StaffReport>(report(idOrNumber, action), body(value), undefined, call);
  // A reporter's action on their report: by number and tracking token, or by contact.
  const byReporter =
    <T>(action: string, member: string, response: ResponseKind) =>
    (ref: ReporterReportRef, value?: string, call?: CallOptions) =>
      'token' in ref
        ? post<T>(report(ref.number, action), { token: ref.token, [member]: value }, response, call)
        : post<T>(`/v1/reporter/${action}`, { ref, [member]: value }, response, call);

  const categories = (language?: Language, call?: CallOptions) =>
    get<CategoryList>('/v1/categories', 'categories', call, { lang: language });
  const createReport = (input: ReportInput, call: CreateReportOptions = {}) =>
    create<ReportReceipt>(
      {
        path: reports,
        json: input,
        headers: { 'idempotency-key': call.idempotencyKey ?? randomUuid() },
        response: 'receipt',
      },
      call,
    );
  const listReportsPage = (filter: ReportListQuery = {}, call?: CallOptions) =>
    get<ReportPage<StaffReport>>(reports, undefined, call, filter);

  return {
    categories,
    listCategories: async (language, call) => (await categories(language, call)).categories,
    createReport,
    submitReport: createReport,
    getReportStatus: (ref, call) =>
      'token' in ref
        ? get(report(ref.number), 'status', call, { token: ref.token })
        : post('/v1/reporter/status', { ref }, 'status', call, true),
    confirmClosure: byReporter<ConfirmClosureResult>('confirm', 'code', 'confirmation'),
    reopenReport: byReporter<PublicReportStatus>('reopen', 'reason', 'status'),
    // A repeated upload at worst stores an unreferenced copy: no report depends on it yet.
    uploadMedia: (bytes, contentType, call) =>
      create(
        {
          path: '/v1/media',
          body: bytes as BodyInit,
          headers: { 'content-type': contentType },
          response: 'attachment',
        },
        call,
      ),
    listReportsPage,
    async *listReports(filter = {}, call) {
      let cursor = filter.cursor;
      do {
        const page = await listReportsPage({ ...filter, cursor }, call);
        yield* page.items;
        cursor = page.nextCursor;
      } while (cursor !== undefined);
    },
    getReport: (idOrNumber, call) => get(report(idOrNumber), undefined, call),
    assign: act('assign'),
    transition: act('transition'),
    close: act('close', (code: string) => ({ code })),
    linkDuplicate: act('duplicate'),
    stats: (range, call) => get('/v1/stats', undefined, call, range),
    createApiKey: (input, call) => post(apiKeys, input, 'apiKey', call),
    listApiKeys: async (call) =>
      (await get<ReportPage<ApiKeyInfo>>(apiKeys, 'apiKeys', call)).items,
    revokeApiKey: (id, call) =>
      create({ method: 'DELETE', path: `${apiKeys}/${encodeURIComponent(id)}` }, call),
  };
}

const reports = '/v1/reports';
const apiKeys = '/v1/api-keys';

// Repeated parameters for arrays (`?status=received&status=assigned`), ISO 8601 for dates.
function query(parameters: object): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    for (const item of [value].flat()) {
      if (item !== undefined)
        search.append(name, item instanceof Date ? item.toISOString() : String(item));
    }
  }
  return search;
}
