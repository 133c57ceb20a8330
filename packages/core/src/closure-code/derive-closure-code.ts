import { dammCheckDigit } from '../digits/damm-check-digit.js';
import { BalaghError } from '../errors/balagh-error.js';
import { decodeBase64Url } from './base64url.js';
import type { ClosureKeyring } from './closure-keyring.js';
import { hotpTruncate } from './hotp-truncate.js';

interface CachedKey {
  key?: CryptoKey;
  readonly pending: Promise<CryptoKey>;
}

// Importing a key costs more than the HMAC itself, so each secret is imported once per keyring
// object. The inner map is keyed by the secret, not the key id, so a keyring whose secrets were
// changed in place can never be answered with a stale key.
const importedKeys = new WeakMap<ClosureKeyring, Map<string, CachedKey>>();
const encoder = new TextEncoder();
const codeModulus = 1_000_000;
const twoToThe32 = 2 ** 32;

function importSecret(keyring: ClosureKeyring, secret: string): CryptoKey | Promise<CryptoKey> {
  let keys = importedKeys.get(keyring);
  if (keys === undefined) {
    keys = new Map();
    importedKeys.set(keyring, keys);
  }
  const cached = keys.get(secret);
  if (cached !== undefined) return cached.key ?? cached.pending;
  const bytes = decodeBase64Url(secret);
  if (bytes === undefined) {
    throw new BalaghError(
      'VALIDATION_FAILED',
      'A closure key secret is not base64url; check the keyring.',
    );
  }
  const entry: CachedKey = {
    pending: globalThis.crypto.subtle
      .importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
      .then(
        (key) => {
          entry.key = key;
          return key;
        },
        (error: unknown) => {
          keys.delete(secret);
          throw new BalaghError(
            'VALIDATION_FAILED',
            'A closure key secret could not be imported.',
            { cause: error },
          );
        },
      ),
  };
  keys.set(secret, entry);
  return entry.pending;
}

/**
 * Derives the seven-digit closure code of one issue of one report: HMAC-SHA-256 of the UTF-8
 * report id followed by the issue counter as 8 bytes big-endian, HOTP-truncated (RFC 4226
 * §5.3) to six digits, followed by their Damm check digit.
 *
 * @throws {@link BalaghError} `UNKNOWN_CLOSURE_KEY` when the keyring has no key `keyId`.
 */
export async function deriveClosureCode(
  keyring: ClosureKeyring,
  keyId: string,
  reportId: string,
  counter: number,
): Promise<string> {
  const secret = Object.hasOwn(keyring.keys, keyId) ? keyring.keys[keyId] : undefined;
  if (secret === undefined) {
    throw new BalaghError(
      'UNKNOWN_CLOSURE_KEY',
      'The closure code was issued under a key the keyring no longer holds.',
      { details: { keyId } },
    );
  }
  const imported = importSecret(keyring, secret);
  // Awaiting only a pending import saves a microtask per verification once the key is cached.
  const key = imported instanceof Promise ? await imported : imported;
  const reportIdBytes = encoder.encode(reportId);
  const message = new Uint8Array(reportIdBytes.length + 8);
  message.set(reportIdBytes);
  const view = new DataView(message.buffer);
  view.setUint32(reportIdBytes.length, Math.floor(counter / twoToThe32));
  view.setUint32(reportIdBytes.length + 4, counter % twoToThe32);
  const hmac = new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, message));
  const digits = String(hotpTruncate(hmac) % codeModulus).padStart(6, '0');
  return digits + String(dammCheckDigit(digits));
}
