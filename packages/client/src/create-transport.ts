import { BalaghError } from '@balagh/core';
import ky, { HTTPError, TimeoutError } from 'ky';
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
  readonly json?: unknown;
  readonly body?: BodyInit;
  readonly searchParams?: URLSearchParams;
  readonly headers?: Record<string, string>;
  /** Whether sending it twice has the effect of sending it once (see `retryDelay`). */
  readonly repeatable?: boolean | undefined;
  /** The schema the answer is validated with when `validateResponses` is on; none: unchecked. */
  readonly response?: ResponseKind | undefined;
}

/** Sends {@link Operation}s: retries, timeouts, errors and optional response validation. */
export type Transport = <T>(operation: Operation, options?: CallOptions) => Promise<T>;

/**
 * Builds the function every operation of the client goes through: one ky request per attempt
 * (ky times it and turns an error status into an `HTTPError`), retried as `retryDelay` decides,
 * answers read as JSON, failures turned into {@link BalaghApiError}, {@link BalaghNetworkError}
 * or {@link BalaghTimeoutError}.
 *
 * @throws {@link BalaghError} `VALIDATION_FAILED` when `baseUrl` is not an absolute http(s) URL.
 */
export function createTransport(options: ClientOptions): Transport {
  // Paths start with a slash: `${baseUrl}/v1/reports`.
  const baseUrl = String(options.baseUrl).replace(/\/$/, '');
  if (!/^https?:\/\/[^/]/i.test(baseUrl)) {
    throw new BalaghError('VALIDATION_FAILED', 'baseUrl must be an absolute http(s) URL.', {
      details: { baseUrl },
    });
  }
  const headers = new Headers(options.headers);
  headers.set('accept', 'application/json');
  if (options.apiKey !== undefined) headers.set('authorization', `Bearer ${options.apiKey}`);
  const { retry = 2 } = options;
  const retryOptions = typeof retry === 'object' ? retry : { limit: retry || 0 };
  // ky's own retries are off: its rules cannot tell a confirmation from a read.
  const api = ky.create({
    headers,
    retry: 0,
    ...(options.fetch && { fetch: options.fetch as typeof fetch }),
  });
  // Loaded on first use only, so a client without validation carries no zod.
  let validators: Promise<typeof import('./response-validators.js')> | undefined;

  return async <T>(operation: Operation, call: CallOptions = {}): Promise<T> => {
    const { method, path } = operation;
    const { signal } = call;
    const timeout = call.timeout ?? options.timeout ?? 10_000;
    const what = `${method} ${path}`;
    // An aborted call rejects with the signal's reason, whatever it interrupted.
    const fail = async (error: unknown) =>
      signal?.aborted
        ? signal.reason
        : error instanceof HTTPError
          ? readApiError(error.response, method, path, error)
          : error instanceof TimeoutError
            ? new BalaghTimeoutError(`${what} timed out after ${timeout} ms.`, timeout || 0, {
                cause: error,
              })
            : new BalaghNetworkError(`${what} failed: ${(error as Error)?.message ?? error}`, {
                cause: error,
              });

    let response: Response;
    for (let retries = 0; ; retries++) {
      try {
        signal?.throwIfAborted();
        // ky reads what it knows of the operation (method, json, body, searchParams, headers).
        response = await api(baseUrl + path, { ...operation, ...(signal && { signal }), timeout });
        break;
      } catch (error) {
        const wait = signal?.aborted
          ? undefined
          : retryDelay(error, retries, !!operation.repeatable, retryOptions);
        if (wait === undefined) throw await fail(error);
        // Release the failed answer's connection before trying again.
        if (error instanceof HTTPError) error.response.body?.cancel().catch(() => undefined);
        await sleep(wait, signal);
      }
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
