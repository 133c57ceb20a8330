import { BalaghError, type BalaghErrorOptions } from '@balagh/core';

/**
 * The request never got an HTTP answer: the connection failed, was reset, or the response was
 * lost (DNS failure, offline device, a proxy that hung up). Its code is `NETWORK_ERROR` and its
 * `cause` is the error `fetch` threw.
 *
 * The client has already retried when the operation was safe to repeat; for an operation that
 * is not (confirming a closure code), the request may or may not have reached the server.
 *
 * @example
 * ```ts
 * try {
 *   await client.createReport(input);
 * } catch (error) {
 *   if (error instanceof BalaghNetworkError) queueForLater(input);
 *   else throw error;
 * }
 * ```
 */
export class BalaghNetworkError extends BalaghError {
  constructor(message: string, options: BalaghErrorOptions = {}) {
    super('NETWORK_ERROR', message, options);
    this.name = 'BalaghNetworkError';
  }
}
