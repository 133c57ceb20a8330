import { type ErrorCode, errorCodes } from '@balagh/core';
import { expect } from 'vitest';
import type { Problem } from '../../../src/http/schemas/problem-schema.js';

/**
 * Asserts a response is an RFC 9457 problem with the given status and code, and answers its body.
 */
export async function expectProblem(
  response: Response,
  status: number,
  code: ErrorCode,
): Promise<Problem> {
  const text = await response.text();
  expect({ status: response.status, text }).toMatchObject({ status });
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(text) as Problem;
  expect(body).toMatchObject({
    status,
    code,
    type: `https://balagh.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
  });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  expect(errorCodes).toContain(body.code);
  return body;
}
