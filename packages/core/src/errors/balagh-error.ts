import type { ErrorCode } from './error-codes.js';

const balaghErrorMarker = Symbol.for('balagh.error');

/** Options accepted by {@link BalaghError}'s constructor. */
export interface BalaghErrorOptions {
  /** The error that caused this one; always kept so nothing is lost when errors are wrapped. */
  cause?: unknown;
  /** Structured, non-personal facts about the failure (a report number, a status...). */
  details?: Readonly<Record<string, unknown>>;
}

/**
 * The one base class of every error Balagh throws.
 *
 * Switch on {@link BalaghError.code}; use {@link isBalaghError} rather than `instanceof` when
 * two copies of the package may be installed side by side.
 *
 * @example
 * ```ts
 * try {
 *   parseReportNumber(input);
 * } catch (error) {
 *   if (isBalaghError(error) && error.code === 'INVALID_REPORT_NUMBER') askAgain();
 *   else throw error;
 * }
 * ```
 */
export class BalaghError extends Error {
  /** The stable code of this failure, one of {@link ErrorCode}. */
  readonly code: ErrorCode;
  /** Structured, non-personal facts about the failure. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: BalaghErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BalaghError';
    this.code = code;
    this.details = options.details ?? {};
    Object.defineProperty(this, balaghErrorMarker, { value: true });
  }

  /** Type guard that survives duplicate installs: it checks a global symbol, not the prototype. */
  static isInstance(value: unknown): value is BalaghError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[balaghErrorMarker] === true
    );
  }
}

/**
 * Tells whether a value is a {@link BalaghError}, optionally with a given code.
 *
 * @example
 * ```ts
 * if (isBalaghError(error, 'INVALID_TRANSITION')) return conflict(error);
 * ```
 */
export function isBalaghError(value: unknown, code?: ErrorCode): value is BalaghError {
  return BalaghError.isInstance(value) && (code === undefined || value.code === code);
}
