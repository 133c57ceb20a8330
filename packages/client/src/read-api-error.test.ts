import { BalaghError, errorCodes, isBalaghError } from '@balagh/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BalaghApiError, codeForStatus } from './balagh-api-error.js';
import { readApiError } from './read-api-error.js';

function problemResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

describe('readApiError', () => {
  it('carries every member of a problem+json body', async () => {
    const body = {
      type: 'https://balagh.dev/problems/validation-failed',
      title: 'Invalid input',
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'Invalid report input. description: must be at least 1 characters',
      errors: [
        { path: 'description', code: 'too_small', message: 'must be at least 1 characters' },
      ],
    };
    const error = await readApiError(problemResponse(400, body), 'POST', '/v1/reports');
    expect(error).toBeInstanceOf(BalaghApiError);
    expect(error).toBeInstanceOf(BalaghError);
    expect(isBalaghError(error, 'VALIDATION_FAILED')).toBe(true);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      title: 'Invalid input',
      detail: body.detail,
      message: body.detail,
      errors: body.errors,
      problem: body,
      details: { status: 400, method: 'POST', path: '/v1/reports' },
    });
  });

  it('keeps the attempts left of a wrong closure code', async () => {
    const body = {
      title: 'Wrong closure code',
      status: 422,
      code: 'CLOSURE_CODE_INVALID',
      detail: 'Wrong code.',
      attemptsLeft: 3,
    };
    const error = await readApiError(problemResponse(422, body), 'POST', '/v1/reports/x/close');
    expect(error.code).toBe('CLOSURE_CODE_INVALID');
    expect(error.attemptsLeft).toBe(3);
  });

  it('takes retryAfter from the Retry-After header, else from the body', async () => {
    const limited = {
      title: 'Too many requests',
      status: 429,
      code: 'RATE_LIMITED',
      detail: 'Slow down.',
      retryAfter: 7,
    };
    const fromHeader = await readApiError(
      problemResponse(429, limited, { 'retry-after': '30' }),
      'POST',
      '/v1/reports',
    );
    expect(fromHeader.retryAfter).toBe(30);
    const fromBody = await readApiError(problemResponse(429, limited), 'POST', '/v1/reports');
    expect(fromBody.retryAfter).toBe(7);
  });

  it('derives the code from the status when the body is not a problem', async () => {
    const html = new Response('<html><body>502 Bad Gateway</body></html>', {
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'content-type': 'text/html' },
    });
    const error = await readApiError(html, 'GET', '/v1/categories');
    expect(error).toBeInstanceOf(BalaghApiError);
    expect(error).toMatchObject({
      status: 502,
      code: 'SERVICE_UNAVAILABLE',
      title: 'Bad Gateway',
      errors: [],
    });
    expect(error.problem).toBeUndefined();
    expect(error.detail).toBeUndefined();
  });

  it('derives the code from the status when the problem names a code this client does not know', async () => {
    const body = {
      title: 'Gone fishing',
      status: 404,
      code: 'GONE_FISHING',
      detail: 'Nobody home.',
    };
    const error = await readApiError(problemResponse(404, body), 'GET', '/v1/reports/x');
    expect(error.code).toBe('NOT_FOUND');
    expect(error.problem?.code).toBe('GONE_FISHING');
  });

  it('drops malformed field issues instead of trusting them', async () => {
    const body = {
      title: 'Invalid input',
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'x',
      errors: [{ path: 'a' }, 'oops', { path: 'b', code: 'c', message: 'd' }],
    };
    const error = await readApiError(problemResponse(400, body), 'POST', '/v1/reports');
    expect(error.errors).toEqual([{ path: 'b', code: 'c', message: 'd' }]);
  });

  it('derives INTERNAL from a 500 with an empty body', async () => {
    const error = await readApiError(problemResponse(500, ''), 'GET', '/v1/stats');
    expect(error.code).toBe('INTERNAL');
    expect(error.cause).toBeUndefined();
  });
});

describe('codeForStatus', () => {
  it("maps every error status to one of core's codes, 5xx never to a caller's mistake", () => {
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 599 }), (status) => {
        const code = codeForStatus(status);
        expect(errorCodes).toContain(code);
        if (status >= 500) expect(['INTERNAL', 'SERVICE_UNAVAILABLE']).toContain(code);
      }),
    );
  });

  it('maps the statuses of the contract to their codes', () => {
    expect(codeForStatus(401)).toBe('UNAUTHENTICATED');
    expect(codeForStatus(403)).toBe('FORBIDDEN');
    expect(codeForStatus(404)).toBe('NOT_FOUND');
    expect(codeForStatus(413)).toBe('PAYLOAD_TOO_LARGE');
    expect(codeForStatus(415)).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(codeForStatus(429)).toBe('RATE_LIMITED');
    expect(codeForStatus(503)).toBe('SERVICE_UNAVAILABLE');
    expect(codeForStatus(500)).toBe('INTERNAL');
  });
});
