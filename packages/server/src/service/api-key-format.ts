import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const apiKeyPattern = /^blg_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** A new API key: its id, its secret, and the plaintext `blg_<id>_<secret>` to hand out once. */
export interface GeneratedApiKey {
  readonly id: string;
  readonly secret: string;
  readonly key: string;
}

/** Makes a new API key: a 64-bit hex id and a 256-bit base64url secret. */
export function generateApiKey(): GeneratedApiKey {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, key: `blg_${id}_${secret}` };
}

/** Splits a presented key into its id and secret; `undefined` when it is not of our form. */
export function parseApiKey(presented: string): { id: string; secret: string } | undefined {
  const match = apiKeyPattern.exec(presented);
  return match?.[1] === undefined || match[2] === undefined
    ? undefined
    : { id: match[1], secret: match[2] };
}

/** SHA-256 (hex) of a secret: what is stored in place of an API key's or tracking token's secret. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two hex hashes in constant time. */
export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
