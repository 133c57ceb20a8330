import { NotificationError } from '@balagh/core';
import ky, { TimeoutError } from 'ky';

/**
 * Milliseconds a provider call may take before it is given up as timed out, when the adapter's
 * options set no `timeoutMs`.
 *
 * @internal
 */
export const defaultProviderTimeoutMs = 10_000;

/**
 * A request to a provider's HTTP API. The optional members take `undefined` so that an adapter
 * can hand its options and the send options over as they are.
 *
 * @internal
 */
export interface ProviderRequest {
  /** Adapter name, for errors. */
  readonly provider: string;
  readonly url: string;
  readonly body: URLSearchParams | string;
  readonly headers: Readonly<Record<string, string>>;
  /**
   * Milliseconds before the request is given up as timed out; default
   * {@link defaultProviderTimeoutMs}.
   */
  readonly timeoutMs?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: typeof fetch | undefined;
}

/**
 * A provider's answer: its status, headers and body (parsed when it is JSON).
 *
 * @internal
 */
export interface ProviderAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body, or the text when it is not JSON, or `undefined` when empty. */
  readonly body: unknown;
}

/**
 * POSTs to a provider without retrying (the outbox retries, with backoff, across restarts) and
 * answers whatever HTTP status came back. Network failures and timeouts become retryable
 * `NotificationError`s.
 *
 * @internal
 */
export async function callProvider(request: ProviderRequest): Promise<ProviderAnswer> {
  let response: Response;
  try {
    response = await ky.post(request.url, {
      body: request.body,
      headers: request.headers,
      timeout: request.timeoutMs ?? defaultProviderTimeoutMs,
      retry: 0,
      throwHttpErrors: false,
      ...(request.signal === undefined ? {} : { signal: request.signal }),
      ...(request.fetch === undefined ? {} : { fetch: request.fetch }),
    });
  } catch (error) {
    throw unreachable(request.provider, error);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw unreachable(request.provider, error);
  }
  return { status: response.status, headers: response.headers, body: parseBody(text) };
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function unreachable(provider: string, error: unknown): NotificationError {
  const timedOut = error instanceof TimeoutError;
  const aborted = error instanceof Error && error.name === 'AbortError';
  const reason = timedOut ? 'timeout' : aborted ? 'aborted' : 'network';
  const what = timedOut
    ? 'did not answer in time'
    : aborted
      ? 'was not reached: the request was cancelled'
      : 'could not be reached';
  // Whether the provider took the message is unknown: trying again is the only safe move.
  return new NotificationError(`${provider} ${what}.`, {
    retryable: true,
    cause: error,
    details: { provider, reason },
  });
}
