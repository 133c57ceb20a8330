import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ClosureKeyring } from '@balagh/core';

/** Length of a tracking token: 22 base64url characters, 132 bits. */
const tokenLength = 22;

/**
 * Derives the tracking tokens of reports from one secret, so that every notification (not only
 * the first) can carry the reporter's tracking link while the database stores no token.
 */
export interface TrackingTokens {
  /** The token of a report: HMAC-SHA-256(secret, "tracking:" + report id), base64url, 22 chars. */
  tokenOf(reportId: string): string;
  /** Tells, in constant time, whether a presented token is the report's. */
  matches(reportId: string, presented: string): boolean;
}

/**
 * Creates the tracking-token deriver. Without an explicit secret it derives one from the closure
 * keyring's current key; rotating that key then changes the tokens of later links (earlier links
 * keep working through the hash stored at creation).
 */
export function createTrackingTokens(
  secret: string | undefined,
  keyring: ClosureKeyring,
): TrackingTokens {
  const key =
    secret ??
    createHmac('sha256', keyring.keys[keyring.currentKeyId] ?? keyring.currentKeyId)
      .update('balagh tracking tokens')
      .digest('base64url');
  const tokenOf = (reportId: string) =>
    createHmac('sha256', key)
      .update(`tracking:${reportId}`)
      .digest('base64url')
      .slice(0, tokenLength);
  return {
    tokenOf,
    matches(reportId, presented) {
      const expected = Buffer.from(tokenOf(reportId));
      const given = Buffer.from(presented);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
