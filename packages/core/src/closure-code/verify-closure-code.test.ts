import { describe, expect, it, vi } from 'vitest';
import { dammCheckDigit } from '../digits/damm-check-digit.js';
import type { ClosureCodeState } from './closure-code-state.js';
import { createClosureKeyring, generateClosureSecret } from './closure-keyring.js';
import { issueClosureCode } from './issue-closure-code.js';
import { verifyClosureCode } from './verify-closure-code.js';

const reportId = '019a6f3c-5e2b-7c41-9d0e-3b5f0a9c1e22';
const issuedAt = Date.UTC(2026, 5, 1, 9, 30);
const keyring = createClosureKeyring({ currentKeyId: 'k1', keys: { k1: generateClosureSecret() } });

function toArabicIndic(text: string): string {
  return text.replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit)));
}

/** A well-formed code (good check digit) that differs from `code`. */
function wrongCode(code: string, shift = 1): string {
  const six = String((Number(code.slice(0, 6)) + shift) % 1_000_000).padStart(6, '0');
  return six + String(dammCheckDigit(six));
}

async function issued(ttlMs?: number) {
  return issueClosureCode(
    ttlMs === undefined
      ? { reportId, keyring, now: issuedAt }
      : { reportId, keyring, now: issuedAt, ttlMs },
  );
}

describe('verifyClosureCode', () => {
  it('answers valid for the issued code and marks it consumed', async () => {
    const { code, state } = await issued();
    const result = await verifyClosureCode({
      reportId,
      input: code,
      state,
      keyring,
      now: issuedAt + 1000,
    });
    expect(result.outcome).toBe('valid');
    expect(result.state).toEqual({ ...state, consumedAt: '2026-06-01T09:30:01.000Z' });
    expect(result.attemptsLeft).toBe(5);
  });

  it('answers valid for the printed form typed in Arabic-Indic digits', async () => {
    const { formatted, state } = await issued();
    const input = toArabicIndic(formatted);
    expect(input).toMatch(/^[٠-٩]{3} [٠-٩]{3}-[٠-٩]$/);
    expect((await verifyClosureCode({ reportId, input, state, keyring })).outcome).toBe('valid');
  });

  it('answers expired when a used code is entered again', async () => {
    const { code, state } = await issued();
    const first = await verifyClosureCode({ reportId, input: code, state, keyring });
    const second = await verifyClosureCode({ reportId, input: code, state: first.state, keyring });
    expect(second.outcome).toBe('expired');
    expect(second.state).toBe(first.state);
  });

  it('answers invalid for a wrong code and uses one attempt', async () => {
    const { code, state } = await issued();
    const result = await verifyClosureCode({ reportId, input: wrongCode(code), state, keyring });
    expect(result).toEqual({
      outcome: 'invalid',
      state: { ...state, failedAttempts: 1 },
      attemptsLeft: 4,
    });
  });

  it('answers malformed for a typo the check digit catches, without using an attempt', async () => {
    const { code, state } = await issued();
    const typo = code.slice(0, 6) + String((Number(code[6]) + 1) % 10);
    for (const input of [typo, code.slice(0, 6), `${code}0`, `code ${code}`, '']) {
      const result = await verifyClosureCode({ reportId, input, state, keyring });
      expect(result).toEqual({ outcome: 'malformed', state, attemptsLeft: 5 });
      expect(result.state).toBe(state);
    }
  });

  it('locks after five wrong codes and then refuses even the right one', async () => {
    const { code, state: initial } = await issued();
    let state: ClosureCodeState = initial;
    const outcomes: string[] = [];
    const attemptsLeft: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const result = await verifyClosureCode({
        reportId,
        input: wrongCode(code, attempt),
        state,
        keyring,
        now: issuedAt + attempt,
      });
      outcomes.push(result.outcome);
      attemptsLeft.push(result.attemptsLeft);
      state = result.state;
    }
    expect(outcomes).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'locked']);
    expect(attemptsLeft).toEqual([4, 3, 2, 1, 0]);
    expect(state.failedAttempts).toBe(5);
    expect(state.lockedAt).toBe(new Date(issuedAt + 5).toISOString());
    const after = await verifyClosureCode({ reportId, input: code, state, keyring });
    expect(after).toEqual({ outcome: 'locked', state, attemptsLeft: 0 });
  });

  it('honours a different maximum of attempts', async () => {
    const { code, state } = await issued();
    const result = await verifyClosureCode({
      reportId,
      input: wrongCode(code),
      state,
      keyring,
      maxAttempts: 1,
    });
    expect(result.outcome).toBe('locked');
    expect(result.state.lockedAt).toBeDefined();
  });

  it('stops accepting the old code once the report has a new one, and accepts the new one', async () => {
    const first = await issued();
    const second = await issueClosureCode({ reportId, keyring, previous: first.state });
    expect(second.code).not.toBe(first.code);
    const old = await verifyClosureCode({
      reportId,
      input: first.code,
      state: second.state,
      keyring,
    });
    expect(old.outcome).toBe('invalid');
    const fresh = await verifyClosureCode({
      reportId,
      input: second.code,
      state: old.state,
      keyring,
    });
    expect(fresh.outcome).toBe('valid');
  });

  it('refuses a code issued for another report', async () => {
    const { code, state } = await issued();
    const result = await verifyClosureCode({
      reportId: `${reportId}x`,
      input: code,
      state,
      keyring,
    });
    expect(result.outcome).toBe('invalid');
  });

  it('verifies a code issued under a key that is no longer current while the key is kept', async () => {
    const { code, state } = await issued();
    const rotated = createClosureKeyring({
      currentKeyId: 'k2',
      keys: { k2: generateClosureSecret(), k1: keyring.keys['k1']! },
    });
    expect(
      (await verifyClosureCode({ reportId, input: code, state, keyring: rotated })).outcome,
    ).toBe('valid');
    const reissued = await issueClosureCode({ reportId, keyring: rotated, previous: state });
    expect(reissued.state.keyId).toBe('k2');
    const result = await verifyClosureCode({
      reportId,
      input: reissued.code,
      state: reissued.state,
      keyring: rotated,
    });
    expect(result.outcome).toBe('valid');
  });

  it('throws UNKNOWN_CLOSURE_KEY once the key of the state has left the keyring', async () => {
    const { code, state } = await issued();
    const withoutOldKey = createClosureKeyring({
      currentKeyId: 'k2',
      keys: { k2: generateClosureSecret() },
    });
    await expect(
      verifyClosureCode({ reportId, input: code, state, keyring: withoutOldKey }),
    ).rejects.toMatchObject({
      code: 'UNKNOWN_CLOSURE_KEY',
    });
  });

  it('answers expired from the expiry on, without using an attempt', async () => {
    const ttlMs = 60_000;
    const { code, state } = await issued(ttlMs);
    const before = await verifyClosureCode({
      reportId,
      input: code,
      state,
      keyring,
      now: issuedAt + ttlMs - 1,
    });
    expect(before.outcome).toBe('valid');
    for (const now of [issuedAt + ttlMs, new Date(issuedAt + 2 * ttlMs)]) {
      const result = await verifyClosureCode({
        reportId,
        input: wrongCode(code),
        state,
        keyring,
        now,
      });
      expect(result).toEqual({ outcome: 'expired', state, attemptsLeft: 5 });
    }
  });

  it('locks a state whose attempts are used up under a lower maximum', async () => {
    const { code, state } = await issued();
    const tried = { ...state, failedAttempts: 3 };
    const result = await verifyClosureCode({
      reportId,
      input: code,
      state: tried,
      keyring,
      maxAttempts: 3,
      now: issuedAt,
    });
    expect(result.outcome).toBe('locked');
    expect(result.state.lockedAt).toBe(new Date(issuedAt).toISOString());
  });

  it('refuses an invalid maximum of attempts', async () => {
    const { code, state } = await issued();
    await expect(
      verifyClosureCode({ reportId, input: code, state, keyring, maxAttempts: 0 }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('keeps up with many verifications at once on one cached key', async () => {
    const { code, state } = await issued();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        verifyClosureCode({
          reportId,
          input: index % 2 === 0 ? code : wrongCode(code),
          state,
          keyring,
        }),
      ),
    );
    expect(results.filter((result) => result.outcome === 'valid')).toHaveLength(100);
    expect(results.filter((result) => result.outcome === 'invalid')).toHaveLength(100);
  });

  it('imports each secret once per keyring object, however many codes it checks', async () => {
    const importKey = vi.spyOn(globalThis.crypto.subtle, 'importKey');
    const secret = generateClosureSecret();
    const fresh = createClosureKeyring({ currentKeyId: 'k', keys: { k: secret } });
    const { code, state } = await issueClosureCode({ reportId, keyring: fresh });
    await Promise.all(
      Array.from({ length: 20 }, () =>
        verifyClosureCode({ reportId, input: code, state, keyring: fresh }),
      ),
    );
    expect(importKey).toHaveBeenCalledTimes(1);
    const copy = createClosureKeyring({ currentKeyId: 'k', keys: { k: secret } });
    expect((await verifyClosureCode({ reportId, input: code, state, keyring: copy })).outcome).toBe(
      'valid',
    );
    expect(importKey).toHaveBeenCalledTimes(2);
  });
});
