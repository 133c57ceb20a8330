import { describe, expect, it } from 'vitest';
import { isValidDamm } from '../digits/damm-check-digit.js';
import { closureCodeStateSchema } from './closure-code-state.js';
import { createClosureKeyring, generateClosureSecret } from './closure-keyring.js';
import { issueClosureCode } from './issue-closure-code.js';

// The bytes 0..31, base64url; the expected codes below were computed with Node's own HMAC.
const fixedSecret = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';
const reportId = '019a6f3c-5e2b-7c41-9d0e-3b5f0a9c1e22';
const issuedAt = Date.UTC(2026, 5, 1, 9, 30);

describe('issueClosureCode', () => {
  const keyring = createClosureKeyring({ currentKeyId: 'k1', keys: { k1: fixedSecret } });

  it('derives six HOTP digits of HMAC-SHA-256(report id ‖ counter) and a Damm check digit', async () => {
    const first = await issueClosureCode({ reportId, keyring, now: issuedAt });
    expect(first.code).toBe('1573218');
    expect(first.formatted).toBe('157 321-8');
    const second = await issueClosureCode({
      reportId,
      keyring,
      previous: first.state,
      now: issuedAt,
    });
    expect(second.code).toBe('5462699');
  });

  it('encodes the report id as UTF-8 and the counter as 8 bytes big-endian', async () => {
    const arabic = await issueClosureCode({ reportId: 'بلاغ-1448', keyring });
    expect(arabic.code).toBe('6675549');
    const previous = {
      keyId: 'k1',
      counter: 2 ** 40 + 4,
      issuedAt: '2026-01-01T00:00:00.000Z',
      failedAttempts: 0,
    };
    const large = await issueClosureCode({ reportId: 'x', keyring, previous });
    expect(large.state.counter).toBe(2 ** 40 + 5);
    expect(large.code).toBe('7532621');
  });

  it('starts the counter at 1 under the current key, with no attempts and a parseable state', async () => {
    const { state, code } = await issueClosureCode({ reportId, keyring, now: new Date(issuedAt) });
    expect(state).toEqual({
      keyId: 'k1',
      counter: 1,
      issuedAt: '2026-06-01T09:30:00.000Z',
      failedAttempts: 0,
    });
    expect(closureCodeStateSchema.safeParse(state).success).toBe(true);
    expect(code).toMatch(/^\d{7}$/);
    expect(isValidDamm(code)).toBe(true);
  });

  it('sets the expiry ttlMs after the issue', async () => {
    const { state } = await issueClosureCode({
      reportId,
      keyring,
      now: issuedAt,
      ttlMs: 86_400_000,
    });
    expect(state.expiresAt).toBe('2026-06-02T09:30:00.000Z');
  });

  it('moves the counter on and clears the attempts on a reissue, under the current key', async () => {
    const rotated = createClosureKeyring({
      currentKeyId: 'k2',
      keys: { k1: fixedSecret, k2: generateClosureSecret() },
    });
    const previous = {
      keyId: 'k1',
      counter: 3,
      issuedAt: '2026-05-01T00:00:00.000Z',
      failedAttempts: 5,
      lockedAt: '2026-05-02T00:00:00.000Z',
    };
    const { state } = await issueClosureCode({
      reportId,
      keyring: rotated,
      previous,
      now: issuedAt,
    });
    expect(state).toEqual({
      keyId: 'k2',
      counter: 4,
      issuedAt: '2026-06-01T09:30:00.000Z',
      failedAttempts: 0,
    });
  });

  it('gives different reports different codes', async () => {
    const codes = new Set<string>();
    for (let index = 0; index < 50; index += 1) {
      codes.add((await issueClosureCode({ reportId: `${reportId}-${index}`, keyring })).code);
    }
    expect(codes.size).toBeGreaterThan(45);
  });

  it.each([
    ['an empty report id', { reportId: '' }],
    ['a zero ttl', { ttlMs: 0 }],
    ['a negative ttl', { ttlMs: -1 }],
    ['a ttl past the last date', { ttlMs: 1e20 }],
    ['an invalid date', { now: new Date(Number.NaN) }],
  ])('refuses %s', async (_, override) => {
    await expect(issueClosureCode({ reportId, keyring, ...override })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
