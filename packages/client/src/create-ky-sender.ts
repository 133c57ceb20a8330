import ky from 'ky';
import type { ClientOptions } from './create-client.js';
import type { Sender } from './create-transport.js';

/**
 * The {@link Sender} of `createClient`: one ky request per attempt, timed by ky (its
 * `TimeoutError`), with ky's own retries off (its rules cannot tell a confirmation from a read)
 * and every status answered as it came (the client reads error answers itself).
 */
export function createKySender(options: ClientOptions): Sender {
  // A ky instance takes (url, options) and reads a member set to `undefined` as absent, which
  // its types do not say.
  // The client's headers, which the fetch sender builds the same way; a helper shared by the two
  // would cost the lean bundle bytes its budget does not have.
  const headers = new Headers(options.headers);
  headers.set('accept', 'application/json');
  if (options.apiKey !== undefined) headers.set('authorization', `Bearer ${options.apiKey}`);
  return ky.create({
    headers,
    retry: 0,
    throwHttpErrors: false,
    fetch: options.fetch as typeof fetch, // the global one when undefined
  }) as Sender;
}
