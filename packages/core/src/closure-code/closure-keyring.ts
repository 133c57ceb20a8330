import * as z from 'zod/mini';
import { parseInput } from '../validation/parse-input.js';
import { decodeBase64Url, encodeBase64Url } from './base64url.js';

/** The fewest secret bytes a closure key may have. */
export const closureSecretMinimumBytes = 16;

const keyIdSchema = z
  .string()
  .check(
    z.regex(
      /^[A-Za-z0-9._-]{1,64}$/,
      'must be 1 to 64 letters, digits, dots, dashes or underscores',
    ),
  );

const secretSchema = z
  .string()
  .check(
    z.refine(
      (secret) => (decodeBase64Url(secret)?.length ?? 0) >= closureSecretMinimumBytes,
      `must be base64url of at least ${closureSecretMinimumBytes} bytes`,
    ),
  );

/** Schema of a {@link ClosureKeyring}: every secret base64url of at least 16 bytes. */
export const closureKeyringSchema = z
  .strictObject({
    currentKeyId: keyIdSchema,
    keys: z.record(keyIdSchema, secretSchema),
  })
  .check(
    z.refine((keyring) => Object.hasOwn(keyring.keys, keyring.currentKeyId), {
      message: 'must name one of the keys',
      path: ['currentKeyId'],
    }),
  );

/**
 * The secrets closure codes are derived from, by key id. New codes use `currentKeyId`; a code
 * issued under another key still verifies while that key stays in `keys`, which is how keys
 * rotate: add a key, make it current, and drop the old one once its codes no longer matter.
 * Secret: keep it out of logs and source control.
 */
export interface ClosureKeyring {
  /** Key id that new closure codes are issued under; one of `keys`. */
  readonly currentKeyId: string;
  /** Secrets by key id, base64url-encoded, at least 16 bytes each (32 recommended). */
  readonly keys: Readonly<Record<string, string>>;
}

/**
 * Checks and freezes a {@link ClosureKeyring}, typically read from configuration. Use the same
 * keyring object for every call: the imported HMAC keys are cached per keyring object.
 *
 * @throws {@link ValidationError} `VALIDATION_FAILED` when a key id or secret is malformed, a
 * secret is shorter than 16 bytes, or `currentKeyId` is not one of the keys. The message never
 * contains a secret.
 * @example
 * ```ts
 * const keyring = createClosureKeyring({
 *   currentKeyId: '2026-11',
 *   keys: { '2026-11': process.env.CLOSURE_KEY_2026_11!, '2026-05': process.env.CLOSURE_KEY_2026_05! },
 * });
 * ```
 */
export function createClosureKeyring(input: ClosureKeyring): ClosureKeyring {
  const parsed = parseInput(closureKeyringSchema, input, 'closure keyring');
  return Object.freeze({
    currentKeyId: parsed.currentKeyId,
    keys: Object.freeze({ ...parsed.keys }),
  });
}

/**
 * Makes a new closure key secret: 32 random bytes from `crypto.getRandomValues`, base64url.
 *
 * @example
 * ```ts
 * const keyring = createClosureKeyring({ currentKeyId: 'k1', keys: { k1: generateClosureSecret() } });
 * ```
 */
export function generateClosureSecret(): string {
  return encodeBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}
