import type { BalaghClient, ClientOptions } from './create-client.js';
import { createClientWith } from './create-client-with.js';
import { createFetchSender } from './create-fetch-sender.js';

/**
 * Creates the same typed client as `createClient`, with the same operations, retries,
 * `Retry-After`, idempotency keys, typed errors, timeouts and `AbortSignal`s, whose requests go
 * through `fetch` alone instead of ky: about 3 KB less in a browser bundle, for a script that
 * counts its bytes (the report widget) or an app that does not otherwise load ky. Each attempt
 * is timed with an `AbortController`; a timeout throws `BalaghTimeoutError` whose `cause` is a
 * `DOMException` named `TimeoutError`.
 *
 * @throws `BalaghError` `VALIDATION_FAILED` when `baseUrl` is not an absolute http(s) URL.
 * @example
 * ```ts
 * import { createFetchClient } from '@balagh/client/fetch';
 *
 * const client = createFetchClient({ baseUrl: 'https://reports.example.gov.sa', apiKey: widgetKey });
 * const { categories } = await client.categories('ar');
 * ```
 */
export function createFetchClient(options: ClientOptions): BalaghClient {
  return createClientWith(options, createFetchSender(options));
}
