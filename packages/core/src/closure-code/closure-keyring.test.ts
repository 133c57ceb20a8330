import { describe, expect, it } from 'vitest';
import { isBalaghError } from '../errors/balagh-error.js';
import { decodeBase64Url } from './base64url.js';
import { createClosureKeyring, generateClosureSecret } from './closure-keyring.js';

function validationPaths(input: unknown): string[] {
  try {
    createClosureKeyring(input as never);
  } catch (error) {
    if (isBalaghError(error, 'VALIDATION_FAILED') && 'issues' in error) {
      return (error.issues as { path: string }[]).map((issue) => issue.path);
    }
    throw error;
  }
  throw new Error('expected createClosureKeyring to throw');
}

describe('generateClosureSecret', () => {
  it('makes 32 random bytes, base64url without padding', () => {
    const secret = generateClosureSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(decodeBase64Url(secret)).toHaveLength(32);
    expect(generateClosureSecret()).not.toBe(secret);
  });
});

describe('createClosureKeyring', () => {
  it('accepts generated secrets and freezes the keyring', () => {
    const keyring = createClosureKeyring({
      currentKeyId: '2026-11',
      keys: { '2026-11': generateClosureSecret(), '2026-05': generateClosureSecret() },
    });
    expect(keyring.currentKeyId).toBe('2026-11');
    expect(Object.isFrozen(keyring)).toBe(true);
    expect(Object.isFrozen(keyring.keys)).toBe(true);
  });

  it('accepts a 16-byte secret, padded or not', () => {
    const sixteen = 'AAECAwQFBgcICQoLDA0ODw';
    expect(createClosureKeyring({ currentKeyId: 'k', keys: { k: sixteen } }).keys['k']).toBe(
      sixteen,
    );
    expect(() =>
      createClosureKeyring({ currentKeyId: 'k', keys: { k: `${sixteen}==` } }),
    ).not.toThrow();
  });

  it('refuses a secret shorter than 16 bytes', () => {
    expect(validationPaths({ currentKeyId: 'k', keys: { k: 'AAECAwQFBgcICQoLDA0O' } })).toEqual([
      'keys.k',
    ]);
  });

  it('refuses a secret that is not base64url', () => {
    expect(validationPaths({ currentKeyId: 'k', keys: { k: 'AAECAwQFBgcICQoLDA0ODw+/' } })).toEqual(
      ['keys.k'],
    );
  });

  it('refuses a current key id that names no key', () => {
    expect(
      validationPaths({ currentKeyId: 'new', keys: { old: generateClosureSecret() } }),
    ).toEqual(['currentKeyId']);
  });

  it('refuses a malformed key id', () => {
    expect(
      validationPaths({ currentKeyId: 'a b', keys: { 'a b': generateClosureSecret() } }),
    ).toContain('currentKeyId');
  });

  it('never puts a secret in its error message', () => {
    const secret = 'c2hvcnQtc2VjcmV0';
    try {
      createClosureKeyring({ currentKeyId: 'k', keys: { k: secret } });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(secret);
      expect(JSON.stringify(error)).not.toContain(secret);
    }
    expect.hasAssertions();
  });
});
