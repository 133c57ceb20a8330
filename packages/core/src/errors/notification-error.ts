import { BalaghError, type BalaghErrorOptions } from './balagh-error.js';

/**
 * A notification could not be delivered. `retryable` tells the outbox whether trying again
 * later can succeed (a timeout, a 5xx, a rate limit) or not (an invalid number, a rejected
 * template); `retryAfterMs` carries a provider's hint.
 */
export class NotificationError extends BalaghError {
  /** Whether a later attempt can succeed. */
  readonly retryable: boolean;
  /** The provider's hint of when to retry, in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    options: BalaghErrorOptions & { retryable: boolean; retryAfterMs?: number },
  ) {
    super('PROVIDER_ERROR', message, options);
    this.name = 'NotificationError';
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
  }
}
