import { BalaghError } from '../errors/balagh-error.js';
import { closureCodeInstant } from './closure-code-instant.js';
import type { ClosureCodeState } from './closure-code-state.js';
import type { ClosureKeyring } from './closure-keyring.js';
import { deriveClosureCode } from './derive-closure-code.js';
import { formatClosureCode } from './format-closure-code.js';

/** Options of {@link issueClosureCode}. */
export interface IssueClosureCodeOptions {
  /** Id of the report being closed; the code is bound to it. */
  readonly reportId: string;
  readonly keyring: ClosureKeyring;
  /** The report's last closure-code state, when a code was issued before (a reopened report). */
  readonly previous?: ClosureCodeState;
  /** The issue time; defaults to now. */
  readonly now?: Date | number;
  /** How long the code stays valid, in milliseconds; without it the code does not expire. */
  readonly ttlMs?: number;
}

/** What {@link issueClosureCode} returns. */
export interface IssuedClosureCode {
  /** Seven ASCII digits: six derived digits and a Damm check digit. Send it; do not store it. */
  readonly code: string;
  /** The code as the reporter should see it: `482 915-1`. */
  readonly formatted: string;
  /** The state to persist with the report in place of the code. */
  readonly state: ClosureCodeState;
}

/**
 * Issues the closure code a reporter receives when their report is resolved and gives back to
 * confirm it is fixed. The code is derived, never stored: HMAC-SHA-256 under the keyring's
 * current key of the report id and an issue counter, truncated as HOTP (RFC 4226) to six
 * digits, plus a Damm check digit. Persist the returned `state`.
 *
 * Given the `previous` state (a reopened report resolved again), the counter moves on by one
 * under the current key, so the old code stops working, and the failed attempts start again.
 *
 * @throws {@link BalaghError} `VALIDATION_FAILED` for an empty report id, a `ttlMs` that is not
 * a positive number, an invalid `now`, or a previous counter that is not a positive integer.
 * @example
 * ```ts
 * const { formatted, state } = await issueClosureCode({ reportId: report.id, keyring, ttlMs: 7 * 86_400_000 });
 * await saveClosureState(report.id, state);
 * await sendSms(reporter.phone, `Your report is resolved. Closure code: ${formatted}`);
 * ```
 */
export async function issueClosureCode(
  options: IssueClosureCodeOptions,
): Promise<IssuedClosureCode> {
  const { reportId, keyring, previous, ttlMs } = options;
  if (typeof reportId !== 'string' || reportId.length === 0) {
    throw new BalaghError('VALIDATION_FAILED', 'A closure code needs the id of its report.');
  }
  if (ttlMs !== undefined && !(Number.isFinite(ttlMs) && ttlMs > 0)) {
    throw new BalaghError(
      'VALIDATION_FAILED',
      '`ttlMs` must be a positive number of milliseconds.',
    );
  }
  const counter = previous === undefined ? 1 : previous.counter + 1;
  if (!Number.isSafeInteger(counter) || counter < 1) {
    throw new BalaghError(
      'VALIDATION_FAILED',
      'The previous closure code counter must be a positive integer.',
    );
  }
  const now = closureCodeInstant(options.now);
  const keyId = keyring.currentKeyId;
  const code = await deriveClosureCode(keyring, keyId, reportId, counter);
  const issuedAt = new Date(now).toISOString();
  const state: ClosureCodeState =
    ttlMs === undefined
      ? { keyId, counter, issuedAt, failedAttempts: 0 }
      : { keyId, counter, issuedAt, expiresAt: expiryOf(now, ttlMs), failedAttempts: 0 };
  return { code, formatted: formatClosureCode(code), state };
}

function expiryOf(now: number, ttlMs: number): string {
  const expiresAt = new Date(now + ttlMs);
  if (Number.isNaN(expiresAt.getTime())) {
    throw new BalaghError(
      'VALIDATION_FAILED',
      '`ttlMs` puts the expiry beyond the last valid date.',
    );
  }
  return expiresAt.toISOString();
}
