import { type ErrorCode, isBalaghError, isErrorCode, type ValidationIssue } from '@balagh/core';
import { HTTPException } from 'hono/http-exception';
import type { Problem } from '../schemas/problem-schema.js';
import { problemStatusByCode, problemTitleByCode, problemTypeOf } from './problem-status.js';

/** A problem ready to be written: its body and the headers that go with it. */
export interface ProblemAnswer {
  /** The HTTP status. */
  readonly status: number;
  /** The problem+json body. */
  readonly body: Problem;
  /** Headers such as `Retry-After`, `Allow` or `WWW-Authenticate`. */
  readonly headers: Readonly<Record<string, string>>;
  /** True when the error was not foreseen: the caller logs it, the client learns nothing of it. */
  readonly unexpected: boolean;
}

// Members the problem itself defines; a detail of an error may not overwrite them.
const reservedMembers = new Set([
  'type',
  'title',
  'status',
  'code',
  'detail',
  'errors',
  'instance',
  'retryAfterSeconds',
  'retryAfterMs',
]);
const detailKeyPattern = /^[a-zA-Z][a-zA-Z0-9]{0,63}$/;

const codeByHttpStatus: Readonly<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Turns anything thrown while answering a request into the problem+json answer the client
 * gets: the one place where errors meet HTTP.
 *
 * A `BalaghError` answers with the status of its code (docs/api.md) and its message as
 * `detail`; a `ValidationError` adds its issues as `errors`; non-personal details (such as
 * `attemptsLeft`) become extra members. Anything else is `500 INTERNAL` with a generic detail:
 * no message, stack or class name of the server reaches the client. 5xx answers never carry
 * the error's own message either, since it may describe the server's internals.
 *
 * @example
 * ```ts
 * app.onError((error) => problemResponse(toProblem(error)));
 * ```
 */
export function toProblem(error: unknown): ProblemAnswer {
  if (isBalaghError(error)) {
    const status: number = problemStatusByCode[error.code] ?? 500;
    const extra: Record<string, unknown> = {};
    const headers: Record<string, string> = {};
    if (status < 500) {
      for (const [key, value] of Object.entries(error.details)) {
        if (!detailKeyPattern.test(key) || reservedMembers.has(key) || !isPlainValue(value))
          continue;
        extra[key] = value;
      }
    }
    const retryAfter = retryAfterSecondsOf(error.details);
    if (retryAfter !== undefined) {
      extra.retryAfter = retryAfter;
      headers['retry-after'] = String(retryAfter);
    }
    if (error.code === 'UNAUTHENTICATED') headers['www-authenticate'] = 'Bearer realm="balagh"';
    const allow = error.details.allow;
    if (error.code === 'METHOD_NOT_ALLOWED' && typeof allow === 'string') headers.allow = allow;
    return {
      status,
      headers,
      unexpected: status === 500,
      body: problemBody(
        error.code,
        status,
        status < 500 ? error.message : problemTitleByCode[error.code],
        {
          ...extra,
          ...(hasIssues(error)
            ? { errors: error.issues.map(({ path, code, message }) => ({ path, code, message })) }
            : {}),
        },
      ),
    };
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Thrown by a Hono middleware for a client's mistake (a body over the limit, for instance).
    const code =
      codeByHttpStatus[error.status] ??
      (isErrorCode(error.message) ? error.message : 'VALIDATION_FAILED');
    const status = problemStatusByCode[code];
    return {
      status,
      headers: {},
      unexpected: false,
      body: problemBody(code, status, problemTitleByCode[code], {}),
    };
  }
  return {
    status: 500,
    headers: {},
    unexpected: true,
    body: problemBody('INTERNAL', 500, 'An unexpected error occurred. It has been logged.', {}),
  };
}

/**
 * Builds the problem+json body of a code.
 *
 * @example
 * ```ts
 * problemBody('NOT_FOUND', 404, 'No route GET /v1/nothing.', {});
 * ```
 */
export function problemBody(
  code: ErrorCode,
  status: number,
  detail: string,
  extra: Readonly<Record<string, unknown>>,
): Problem {
  const body: Problem = {
    type: problemTypeOf(code),
    title: problemTitleByCode[code],
    status,
    code,
    detail,
  };
  for (const [key, value] of Object.entries(extra)) {
    if (!reservedMembers.has(key) || key === 'errors') body[key] = value;
  }
  return body;
}

/** Writes a problem as an `application/problem+json` response. */
export function problemResponse(
  answer: Pick<ProblemAnswer, 'status' | 'body' | 'headers'>,
): Response {
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    headers: { ...answer.headers, 'content-type': 'application/problem+json; charset=utf-8' },
  });
}

function isPlainValue(value: unknown): boolean {
  if (typeof value === 'string') return value.length <= 500;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'boolean') return true;
  return (
    Array.isArray(value) &&
    value.length <= 50 &&
    value.every((item) => typeof item === 'string' && item.length <= 100)
  );
}

function retryAfterSecondsOf(details: Readonly<Record<string, unknown>>): number | undefined {
  const seconds = details.retryAfter ?? details.retryAfterSeconds;
  if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0)
    return Math.ceil(seconds);
  const milliseconds = details.retryAfterMs;
  if (typeof milliseconds === 'number' && Number.isFinite(milliseconds) && milliseconds >= 0) {
    return Math.ceil(milliseconds / 1000);
  }
  return undefined;
}

// Checked structurally so a ValidationError from a duplicate install of core keeps its issues.
function hasIssues(error: object): error is { issues: readonly ValidationIssue[] } {
  return 'issues' in error && Array.isArray(error.issues);
}
