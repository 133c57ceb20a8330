import type { ApiKeyInfo, ReportListQuery, ReportPage, StaffReport } from './api-types.js';
import type { BalaghClient, ClientOptions } from './create-client.js';
import { createPublicOperations } from './create-public-operations.js';
import { type CallOptions, createTransport, type Sender } from './create-transport.js';
import { create, get, post, reportPath, reportsPath } from './operation-shapes.js';

/**
 * Builds the client's operations (paths, bodies, idempotency keys, which ones may be retried) on
 * a {@link Sender}, the one piece that differs between `createClient` (ky) and
 * `createFetchClient` (`fetch`): the public operations and the staff ones.
 *
 * @throws `BalaghError` `VALIDATION_FAILED` when `baseUrl` is not an absolute http(s) URL.
 */
export function createClientWith(options: ClientOptions, sender: Sender): BalaghClient {
  const send = createTransport(options, sender);
  // A staff action on one report: `POST /v1/reports/{id}/{action}`, answering the report.
  const act =
    <V>(action: string, body: (value: V) => unknown = (value) => value) =>
    (idOrNumber: string, value: V, call?: CallOptions) =>
      post<StaffReport>(send, reportPath(idOrNumber, action), body(value), undefined, call);
  const listReportsPage = (filter: ReportListQuery = {}, call?: CallOptions) =>
    get<ReportPage<StaffReport>>(send, reportsPath, undefined, call, filter);

  return {
    ...createPublicOperations(send),
    listReportsPage,
    async *listReports(filter = {}, call) {
      let cursor = filter.cursor;
      do {
        const page = await listReportsPage({ ...filter, cursor }, call);
        yield* page.items;
        cursor = page.nextCursor;
      } while (cursor !== undefined);
    },
    getReport: (idOrNumber, call) => get(send, reportPath(idOrNumber), undefined, call),
    assign: act('assign'),
    transition: act('transition'),
    close: act('close', (code: string) => ({ code })),
    linkDuplicate: act('duplicate'),
    stats: (range, call) => get(send, '/v1/stats', undefined, call, range),
    createApiKey: (input, call) => post(send, apiKeys, input, 'apiKey', call),
    listApiKeys: async (call) =>
      (await get<ReportPage<ApiKeyInfo>>(send, apiKeys, 'apiKeys', call)).items,
    revokeApiKey: (id, call) =>
      create(send, { method: 'DELETE', path: `${apiKeys}/${encodeURIComponent(id)}` }, call),
  };
}

const apiKeys = '/v1/api-keys';
