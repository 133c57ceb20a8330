import { BalaghError, type BalaghErrorOptions } from '@balagh/core';

/**
 * An attempt got no answer within the client's `timeout` (per attempt, in milliseconds), and no
 * retry was left or allowed. Its code is `TIMEOUT` and its `cause` is the timeout raised by ky
 * (`createClient`) or a `DOMException` named `TimeoutError` (`createFetchClient`).
 *
 * A caller's own `AbortSignal` never produces this error: an aborted call rejects with the
 * signal's `reason`, as `fetch` does.
 */
export class BalaghTimeoutError extends BalaghError {
  /** The per-attempt timeout that was exceeded, in milliseconds. */
  declare readonly timeout: number;

  constructor(message: string, timeout: number, options: BalaghErrorOptions = {}) {
    super('TIMEOUT', message, options);
    this.name = 'BalaghTimeoutError';
    this.timeout = timeout;
  }
}
