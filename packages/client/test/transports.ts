import { TimeoutError } from 'ky';
import type { BalaghClient, ClientOptions } from '../src/create-client.js';
import { createClient } from '../src/create-client.js';
import { createFetchClient } from '../src/create-fetch-client.js';

/** One way the client sends its requests, for suites that must hold over each. */
export interface Transport {
  readonly name: string;
  readonly createClient: (options: ClientOptions) => BalaghClient;
  /** The class of the `cause` of a `BalaghTimeoutError` (the library's own timeout error). */
  readonly timeoutCause: abstract new (
    ...args: never[]
  ) => Error;
}

/** `createClient` (on ky) and `createFetchClient` (on `fetch` alone): the same client, two senders. */
export const transports: readonly Transport[] = [
  { name: 'createClient (ky)', createClient, timeoutCause: TimeoutError },
  {
    name: 'createFetchClient (fetch)',
    createClient: createFetchClient,
    timeoutCause: DOMException,
  },
];
