import { BalaghError, type ErrorCode, isErrorCode, type ValidationIssue } from '@balagh/core';

/**
 * An RFC 9457 problem+json body as the intake API writes it: the standard members, the stable
 * `code`, and where useful `errors`, `retryAfter` and `attemptsLeft`. Members are typed loosely
 * because the body comes from the network; {@link BalaghApiError} exposes the checked values.
 */
export interface ProblemDetails {
  readonly type?: unknown;
  readonly title?: unknown;
  readonly status?: unknown;
  readonly code?: unknown;
  readonly detail?: unknown;
  readonly errors?: unknown;
  readonly retryAfter?: unknown;
  readonly attemptsLeft?: unknown;
  readonly [member: string]: unknown;
}

/** What {@link BalaghApiError}'s constructor takes: the answer as received. */
export interface BalaghApiErrorInit {
  /** The HTTP status of the answer. */
  readonly status: number;
  /** The status text, the error's title when the body gives none. */
  readonly statusText?: string | undefined;
  /** The parsed error body, when it was a JSON object. */
  readonly problem?: ProblemDetails | undefined;
  /** Seconds the `Retry-After` header asks to wait; else the problem's `retryAfter` is used. */
  readonly retryAfter?: number | undefined;
  /** The HTTP method of the request. */
  readonly method: string;
  /** The path of the request, without its query (which may hold a tracking token). */
  readonly path: string;
  readonly cause?: unknown;
}

/**
 * The intake API answered with an error status. Switch on {@link BalaghApiError.code} (one of
 * core's error codes: `VALIDATION_FAILED`, `REPORT_NOT_FOUND`, `RATE_LIMITED`...); read the
 * field issues in {@link BalaghApiError.errors}. A body that is not problem+json (a proxy's
 * HTML 502 page), or that names a code this client does not know, still gives this error, with
 * a code derived from the status.
 *
 * It extends core's `BalaghError`, so `isBalaghError(error, 'INVALID_TRANSITION')` works too.
 *
 * @example
 * ```ts
 * try {
 *   await client.confirmClosure({ number, token }, code);
 * } catch (error) {
 *   if (error instanceof BalaghApiError && error.code === 'CLOSURE_CODE_NOT_ISSUED') {
 *     showNotResolvedYet();
 *   } else throw error;
 * }
 * ```
 */
export class BalaghApiError extends BalaghError {
  // `declare`d rather than initialised fields: the constructor assigns each one, and a browser
  // bundle then carries no class field definitions for them.
  /** The HTTP status of the answer. */
  declare readonly status: number;
  /** The problem's short, fixed summary (or the status text when the body was no problem). */
  declare readonly title: string;
  /** What went wrong in this occurrence, for a developer. */
  declare readonly detail: string | undefined;
  /** The field issues of a `VALIDATION_FAILED` (or other input) problem; empty otherwise. */
  declare readonly errors: readonly ValidationIssue[];
  /** Seconds the server asked to wait before trying again (`Retry-After`), on 429 and 503. */
  declare readonly retryAfter: number | undefined;
  /** Closure-code attempts left before the code locks, on `CLOSURE_CODE_INVALID`. */
  declare readonly attemptsLeft: number | undefined;
  /** The parsed error body as received, when it was a JSON object. */
  declare readonly problem: ProblemDetails | undefined;

  constructor({
    status,
    statusText,
    problem,
    retryAfter,
    method,
    path,
    cause,
  }: BalaghApiErrorInit) {
    const title = member<string>(problem, 'title', 'string') ?? (statusText || `HTTP ${status}`);
    const detail = member<string>(problem, 'detail', 'string');
    const code = problem?.code;
    super(isErrorCode(code) ? code : codeForStatus(status), detail ?? title, {
      cause,
      details: { status, method, path },
    });
    this.name = 'BalaghApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = Array.isArray(problem?.errors) ? problem.errors.filter(isIssue) : [];
    this.retryAfter = retryAfter ?? member(problem, 'retryAfter', 'number');
    this.attemptsLeft = member(problem, 'attemptsLeft', 'number');
    this.problem = problem;
  }
}

// A member of the body when it has the expected type; JSON holds no NaN nor Infinity, so a
// `number` is a finite one.
function member<T>(problem: ProblemDetails | undefined, name: string, type: string) {
  const value = problem?.[name];
  return typeof value === type ? (value as T) : undefined;
}

function isIssue(value: unknown): value is ValidationIssue {
  return ['path', 'code', 'message'].every(
    (name) => typeof (value as Record<string, unknown> | null)?.[name] === 'string',
  );
}

const codeByStatus: Readonly<Record<number, ErrorCode>> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'TIMEOUT',
  409: 'CONFLICT',
  410: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  423: 'CONFLICT',
  429: 'RATE_LIMITED',
  502: 'SERVICE_UNAVAILABLE',
  503: 'SERVICE_UNAVAILABLE',
  504: 'SERVICE_UNAVAILABLE',
};

/**
 * The error code an HTTP status means when the body does not name one this client knows (a
 * proxy's HTML page, an empty body, a code added by a newer server).
 */
export function codeForStatus(status: number): ErrorCode {
  return codeByStatus[status] ?? (status >= 400 && status < 500 ? 'VALIDATION_FAILED' : 'INTERNAL');
}
