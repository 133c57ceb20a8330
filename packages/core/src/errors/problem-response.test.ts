import { describe, expect, it } from 'vitest';
import { errorCodes } from './error-codes.js';
import { problemResponse, problemTypeOf } from './problem-response.js';

describe('problemTypeOf', () => {
  it('names every error code by a distinct kebab-case URI', () => {
    const uris = errorCodes.map(problemTypeOf);
    expect(new Set(uris).size).toBe(errorCodes.length);
    expect(problemTypeOf('CLOSURE_CODE_NOT_ISSUED')).toBe(
      'https://balagh.dev/problems/closure-code-not-issued',
    );
    for (const uri of uris)
      expect(uri).toMatch(/^https:\/\/balagh\.dev\/problems\/[a-z]+(-[a-z0-9]+)*$/);
  });
});

describe('problemResponse', () => {
  it('answers problem+json with the status, the code and the detail only when given', async () => {
    const withDetail = problemResponse(403, 'INVALID_SIGNATURE', 'Invalid signature', 'No header.');
    expect(withDetail.status).toBe(403);
    expect(withDetail.headers.get('content-type')).toBe('application/problem+json');
    expect(await withDetail.json()).toEqual({
      type: 'https://balagh.dev/problems/invalid-signature',
      title: 'Invalid signature',
      status: 403,
      code: 'INVALID_SIGNATURE',
      detail: 'No header.',
    });
    const bare = await problemResponse(413, 'PAYLOAD_TOO_LARGE', 'Too large').json();
    expect(bare).not.toHaveProperty('detail');
  });
});
