import { BalaghError, type BalaghErrorOptions } from './balagh-error.js';
import type { ErrorCode } from './error-codes.js';

/**
 * One problem found in an input, naming the field it concerns.
 *
 * `path` is a JSON-pointer-like dotted path (`location.lat`, `attachments.0`); the empty string
 * means the input as a whole. `code` is a short machine-readable reason (`too_small`,
 * `invalid_type`, `invalid_format`, `unrecognized_keys`, `custom`...).
 */
export interface ValidationIssue {
  /** Dotted path of the offending field; `''` for the whole input. */
  readonly path: string;
  /** Machine-readable reason. */
  readonly code: string;
  /** Human-readable English explanation, safe to show to a developer. */
  readonly message: string;
}

/**
 * An input was refused; {@link ValidationError.issues} says which fields and why.
 *
 * The server turns it into a 400 (or 422) problem+json whose `errors` member lists the issues.
 */
export class ValidationError extends BalaghError {
  /** Every problem found, in input order. */
  readonly issues: readonly ValidationIssue[];

  constructor(
    message: string,
    issues: readonly ValidationIssue[],
    options: BalaghErrorOptions & { code?: ErrorCode } = {},
  ) {
    super(options.code ?? 'VALIDATION_FAILED', message, options);
    this.name = 'ValidationError';
    this.issues = issues;
  }
}
