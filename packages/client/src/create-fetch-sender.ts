import type { ClientOptions } from './create-client.js';
import type { Sender } from './create-transport.js';

/**
 * The {@link Sender} of `createFetchClient`: one `fetch` per attempt, given a `Request`, aborted
 * by the caller's signal or by the attempt's timeout (then rejecting with a `DOMException` named
 * `TimeoutError`). No library: `AbortController` and `setTimeout` are in every browser and in
 * Node 20, webviews of older phones included (`AbortSignal.any` is not).
 */
export function createFetchSender(options: ClientOptions): Sender {
  // The client's headers, built as the ky sender builds them.
  const defaults = new Headers(options.headers);
  defaults.set('accept', 'application/json');
  if (options.apiKey !== undefined) defaults.set('authorization', `Bearer ${options.apiKey}`);
  return async (url, { method, headers = {}, json, body, searchParams, signal, timeout }) => {
    const query = `${searchParams ?? ''}`;
    const controller = new AbortController();
    const request = new Request(url + (query && `?${query}`), {
      method,
      headers: defaults,
      body: json === undefined ? (body ?? null) : JSON.stringify(json),
      signal: controller.signal,
    });
    if (json !== undefined) request.headers.set('content-type', 'application/json');
    for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
    // Left in place once the answer arrives, so an abort also stops the reading of its body.
    signal?.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
    const timer =
      timeout === false
        ? undefined
        : setTimeout(
            () =>
              controller.abort(new DOMException(`No answer within ${timeout} ms.`, 'TimeoutError')),
            timeout,
          );
    try {
      // `fetch` is looked up on each call, not kept: a page or a test may replace the global one.
      return await (options.fetch ?? fetch)(request);
    } catch (error) {
      // Some engines reject with a plain AbortError rather than the reason given to `abort`.
      throw controller.signal.aborted && !signal?.aborted ? controller.signal.reason : error;
    } finally {
      clearTimeout(timer);
    }
  };
}
