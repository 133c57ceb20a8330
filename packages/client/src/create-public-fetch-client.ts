import type { BalaghPublicClient, ClientOptions } from './create-client.js';
import { createFetchSender } from './create-fetch-sender.js';
import { createPublicOperations } from './create-public-operations.js';
import { createTransport } from './create-transport.js';

/**
 * Creates a client of the intake API's public routes only ({@link BalaghPublicClient}: the
 * categories, a report's creation and its photo, the reporter's status, confirmation and
 * reopening), on `fetch` alone: what an `integration` key may call anyway, for a script that
 * counts its bytes (the report widget) and would bundle the staff operations for nothing. Its
 * operations, options, retries, idempotency keys, timeouts and errors are those of
 * `createFetchClient`.
 *
 * @throws `BalaghError` `VALIDATION_FAILED` when `baseUrl` is not an absolute http(s) URL.
 * @example
 * ```ts
 * import { createPublicFetchClient } from '@balagh/client/fetch';
 *
 * const client = createPublicFetchClient({ baseUrl: 'https://reports.example.gov.sa', apiKey: widgetKey });
 * const categories = await client.listCategories('ur');
 * ```
 */
export function createPublicFetchClient(options: ClientOptions): BalaghPublicClient {
  return createPublicOperations(createTransport(options, createFetchSender(options)));
}
