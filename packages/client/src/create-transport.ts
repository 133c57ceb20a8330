import { BalaghError } from '@balagh/core';
import { BalaghApiError } from './balagh-api-error.js';
import { BalaghNetworkError } from './balagh-network-error.js';
import { BalaghTimeoutError } from './balagh-timeout-error.js';
import type { ClientOptions } from './create-client.js';
import { readApiError } from './read-api-error.js';
import type { ResponseKind } from './response-validators.js';
import { retryDelay } from './retry-policy.js';

/** Options every operation of the client takes. */
export interface CallOptions {
  /** Cancels the call, its retries and the waits between them; it rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /** Timeout of each attempt in milliseconds, or `false` for none; overrides the client's. */
  readonly timeout?: number | false | undefined;
}

/** One HTTP exchange of the intake API, as an operation of the client describes it. */
export interface Operation {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** The path below the base URL, without its query: `/v1/reports`. */
  readonly path: string;
  /** A body sent as JSON. */
  readonly json?: unknown;
  /** A body sent as it is (a photo), with its `content-type` in `headers`. */
  readonly body?: BodyInit;
  readonly searchParams?: URLSearchParams;
  readonly headers?: Record<string, string>;
  /** Whether sending it twice has the effect of sending it once (see `retryDelay`). */
  readonly repeatable?: boolean | undefined;
  /** The schema the answer is validated with when `validateResponses` is on; none: unchecked. */
  readonly response?: ResponseKind | undefined;
}

/** One attempt of a request, as a {@link Sender} receives it: ky's options, those the client uses. */
export interface SendInit
  extends Pick<Operation, 'method' | 'json' | 'body' | 'searchParams' | 'headers'> {
  /** The caller's signal: aborting it aborts the attempt and the reading of its answer. */
  readonly signal?: AbortSignal | undefined;
  /** How long the attempt may wait for its answer, in milliseconds, or `false` for ever. */
  readonly timeout: number | false;
}

/**
 * The seam between the client's operations and the HTTP library: sends one attempt of a request
 * to `url` (the base URL and the path; `searchParams` go after it), with the client's headers
 * (`accept`, the API key's `authorization`, `ClientOptions.headers`) and the operation's, a `json` body
 * serialised with its `content-type`, or a `body` as it is. It resolves with the answer, whatever
 * its status, and rejects when no answer came: with an error named `TimeoutError` when the
 * attempt's timeout ran out, with what `fetch` threw otherwise. Retries, errors, answers and
 * validation belong to the transport, the same over ky (`createClient`) and over `fetch`
 * (`createFetchClient`).
 */
export type Sender = (url: string, init: SendInit) => Promise<Response>;

/** Sends {@link Operation}s: retries, timeouts, errors and optional response validation. */
export type Transport = <T>(operation: Operation, options?: CallOptions) => Promise<T>;

/**
 * Builds the function every operation of the client goes through: one call of `send` per
 * attempt, retried as `retryDelay` decides, answers read as JSON, failures turned into
 * {@link BalaghApiError}, {@link BalaghNetworkError} or {@link BalaghTimeoutError}.
 *
 * @throws `BalaghError` `VALIDATION_FAILED` when `baseUrl` is not an absolute http(s) URL.
 */
export function createTransport(options: ClientOptions, send: Sender): Transport {
  // Paths start with a slash: `${baseUrl}/v1/reports`.
  const baseUrl = String(options.baseUrl).replace(/\/$/, '');
  if (!/^https?:\/\/[^/]/i.test(baseUrl)) {
    throw new BalaghError('VALIDATION_FAILED', 'baseUrl must be an absolute http(s) URL.', {
      details: { baseUrl },
    });
  }
  const { retry = 2 } = options;
  const retryOptions = typeof retry === 'object' ? retry : { limit: retry || 0 };
  // Loaded on first use only, so a client without validation carries no zod.
  let validators: Promise<typeof import('./response-validators.js')> | undefined;

  return async <T>(operation: Operation, call: CallOptions = {}): Promise<T> => {
    const { method, path } = operation;
    const { signal } = call;
    const timeout = call.timeout ?? options.timeout ?? 10_000;
    const what = `${method} ${path}`;
    // An aborted call rejects with the signal's reason, whatever it interrupted.
    const fail = async (error: unknown, answer?: Response) =>
      signal?.aborted
        ? signal.reason
        : answer
          ? readApiError(answer, method, path)
          : (error as Error | undefined)?.name === 'TimeoutError'
            ? new BalaghTimeoutError(`${what} timed out after ${timeout} ms.`, timeout || 0, {
                cause: error,
              })
            : new BalaghNetworkError(`${what} failed: ${(error as Error)?.message ?? error}`, {
                cause: error,
              });

    // The answer of the last attempt; after the loop, a success.
    let response: Response | undefined;
    for (let retries = 0; ; retries++) {
      let error: unknown;
      try {
        signal?.throwIfAborted();
        // The sender reads what it knows of the operation (method, json, body, searchParams, headers).
        response = await send(baseUrl + path, { ...operation, signal, timeout });
        if (response.ok) break;
      } catch (caught) {
        error = caught;
        response = undefined;
      }
      const wait = signal?.aborted
        ? undefined
        : retryDelay(response, retries, !!operation.repeatable, retryOptions);
      if (wait === undefined) throw await fail(error, response);
      // Release the failed answer's connection before trying again.
      response?.body?.cancel().catch(() => undefined);
      await sleep(wait, signal);
    }
    if (response.status === 204) return undefined as T;
    let data: unknown;
    try {
      data = JSON.parse(await response.text());
    } catch (error) {
      throw error instanceof SyntaxError
        ? new BalaghApiError({
            status: response.status,
            statusText: 'Invalid response: the body is not JSON',
            method,
            path,
            cause: error,
          })
        : await fail(error);
    }
    if (!options.validateResponses || !operation.response) return data as T;
    validators ??= import('./response-validators.js').catch((error: unknown) => {
      validators = undefined; // a chunk that failed to load is fetched again next time
      throw error;
    });
    return (await validators).validateResponse(operation.response, data, what) as T;
  };
}

/** Waits, or rejects with the signal's reason as soon as it aborts. */
function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, milliseconds);
    signal?.addEventListener('abort', abort, { once: true });
  });
}
