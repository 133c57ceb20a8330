import type {
  ConfirmClosureResult,
  Language,
  PublicReportStatus,
  ReporterReportRef,
  ReportInput,
  ReportReceipt,
} from '@balagh/core';
import type {
  ApiKeyInfo,
  CategoryList,
  ReportListQuery,
  ReportPage,
  StaffReport,
} from './api-types.js';
import type { BalaghClient, ClientOptions, CreateReportOptions } from './create-client.js';
import {
  type CallOptions,
  createTransport,
  type Operation,
  type Sender,
} from './create-transport.js';
import { randomUuid } from './random-uuid.js';
import type { ResponseKind } from './response-validators.js';

/**
 * Builds the client's operations (paths, bodies, idempotency keys, which ones may be retried) on
 * a {@link Sender}, the one piece that differs between `createClient` (ky) and
 * `createFetchClient` (`fetch`).
 *
 * @throws `BalaghError` `VALIDATION_FAILED` when `baseUrl` is not an absolute http(s) URL.
 */
export function createClientWith(options: ClientOptions, sender: Sender): BalaghClient {
  const send = createTransport(options, sender);

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
