import { BalaghError, errorCodes, ValidationError } from '@balagh/core';
import fc from 'fast-check';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { problemStatusByCode } from './problem-status.js';
import { toProblem } from './to-problem.js';

describe('toProblem', () => {
  it('answers each code with the status docs/api.md gives it', () => {
    const expected: Record<string, number> = {
      VALIDATION_FAILED: 400,
      UNKNOWN_CATEGORY: 422,
      INVALID_PHONE: 422,
      INVALID_REPORT_NUMBER: 400,
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      FORBIDDEN_ROLE: 403,
      NOT_FOUND: 404,
      REPORT_NOT_FOUND: 404,
      INVALID_TRANSITION: 409,
      CLOSURE_CODE_NOT_ISSUED: 409,
      CONFLICT: 409,
      IDEMPOTENCY_KEY_REUSED: 422,
      PAYLOAD_TOO_LARGE: 413,
      UNSUPPORTED_MEDIA_TYPE: 415,
      RATE_LIMITED: 429,
      INVALID_SIGNATURE: 403,
      SERVICE_UNAVAILABLE: 503,
      INTERNAL: 500,
      CLOSURE_CODE_INVALID: 422,
      CLOSURE_CODE_MALFORMED: 422,
      CLOSURE_CODE_EXPIRED: 422,
      CLOSURE_CODE_LOCKED: 423,
    };
    for (const [code, status] of Object.entries(expected)) {
      const answer = toProblem(new BalaghError(code as never, 'message'));
      expect({ code, status: answer.status, body: answer.body.status }).toEqual({
        code,
        status,
        body: status,
      });
    }
  });

  it('gives every error code a status and a kebab-case type', () => {
    for (const code of errorCodes) {
      const answer = toProblem(new BalaghError(code, 'm'));
      expect(answer.body.code).toBe(code);
      expect(answer.body.type).toMatch(/^https:\/\/balagh\.dev\/problems\/[a-z]+(-[a-z]+)*$/);
      expect(problemStatusByCode[code]).toBeGreaterThanOrEqual(400);
    }
  });

  it('lists validation issues as errors', () => {
    const error = new ValidationError('Invalid report input. description: too short', [
      { path: 'description', code: 'too_small', message: 'must be at least 1 characters' },
    ]);
    const { body, status } = toProblem(error);
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      { path: 'description', code: 'too_small', message: 'must be at least 1 characters' },
    ]);
    expect(body.detail).toBe('Invalid report input. description: too short');
  });

  it('carries attemptsLeft and a Retry-After header from the details', () => {
    const wrong = toProblem(
      new BalaghError('CLOSURE_CODE_INVALID', 'wrong', { details: { attemptsLeft: 3 } }),
    );
    expect(wrong.body.attemptsLeft).toBe(3);
    const limited = toProblem(
      new BalaghError('RATE_LIMITED', 'slow down', { details: { retryAfter: 7.2 } }),
    );
    expect(limited.headers['retry-after']).toBe('8');
    expect(limited.body.retryAfter).toBe(8);
  });

  it('never lets a detail overwrite a member of the problem', () => {
    const answer = toProblem(
      new BalaghError('NOT_FOUND', 'missing', { details: { status: 200, code: 'OK', type: 'x' } }),
    );
    expect(answer.body).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      type: 'https://balagh.dev/problems/not-found',
    });
  });

  it('hides everything about an unexpected error', () => {
    fc.assert(
      fc.property(fc.string(), (message) => {
        const answer = toProblem(new TypeError(`secret ${message} at /srv/app.js:1`));
        expect(answer.status).toBe(500);
        expect(answer.unexpected).toBe(true);
        expect(answer.body.code).toBe('INTERNAL');
        expect(JSON.stringify(answer.body)).not.toContain('secret');
        expect(JSON.stringify(answer.body)).not.toContain('TypeError');
      }),
    );
  });

  it("keeps a 5xx BalaghError's own message away from the client", () => {
    const answer = toProblem(
      new BalaghError('INTERNAL', 'pool exhausted at db.internal:5432', {
        details: { host: 'db' },
      }),
    );
    expect(JSON.stringify(answer.body)).not.toContain('db.internal');
    expect(answer.body).not.toHaveProperty('host');
  });

  it("maps a Hono HTTPException for a client's mistake to its code, never to 500", () => {
    expect(toProblem(new HTTPException(413)).body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(toProblem(new HTTPException(400)).status).toBe(400);
  });
});
