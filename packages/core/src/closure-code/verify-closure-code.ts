import { BalaghError } from '../errors/balagh-error.js';
import { closureCodeInstant } from './closure-code-instant.js';
import type { ClosureCodeState } from './closure-code-state.js';
import type { ClosureKeyring } from './closure-keyring.js';
import { deriveClosureCode } from './derive-closure-code.js';
import { normalizeClosureCodeInput } from './format-closure-code.js';

/** The failed attempts a closure code allows by default before it locks. */
export const defaultClosureCodeMaxAttempts = 5;

/** Options of {@link verifyClosureCode}. */
export interface VerifyClosureCodeOptions {
  /** Id of the report the code was issued for. */
  readonly reportId: string;
  /** What the reporter or officer typed. */
  readonly input: string;
  /** The state persisted when the code was issued (and after each verification). */
  readonly state: ClosureCodeState;
  readonly keyring: ClosureKeyring;
  /** The verification time; defaults to now. */
  readonly now?: Date | number;
  /** Failed attempts allowed before the code locks; 5 by default. */
  readonly maxAttempts?: number;
}

/**
 * The answer to a closure code entry:
 * - `valid`: the right code; the report may close as confirmed. The code is now spent.
 * - `invalid`: a well-formed but wrong code; an attempt was used.
 * - `malformed`: not seven digits, or the check digit is wrong (a typo); no attempt used.
 * - `expired`: past the code's expiry, or the code was already used.
 * - `locked`: too many wrong codes; only a new issue helps.
 */
export type ClosureCodeOutcome = 'valid' | 'invalid' | 'malformed' | 'expired' | 'locked';

/** What {@link verifyClosureCode} returns. */
export interface ClosureCodeVerification {
  readonly outcome: ClosureCodeOutcome;
  /** The state to persist; the same object when nothing changed. */
  readonly state: ClosureCodeState;
  /** Wrong codes that may still be entered before the code locks. */
  readonly attemptsLeft: number;
}

/**
 * Checks a closure code a reporter or officer entered against the state persisted when it was
 * issued, and says what to persist next.
 *
 * The checks run in this order: input that is not seven digits with a correct check digit is
 * `malformed` and costs no attempt (an app can tell the same thing offline); a locked code is
 * `locked`; a code already used, or at or past `expiresAt`, is `expired`; then the expected code
 * is derived and compared in constant time. A wrong code uses an attempt, and the last allowed
 * one locks the code (`locked`, with `lockedAt` set); the right code sets `consumedAt` and is
 * `valid` once: a second entry answers `expired`, so a repeated message cannot close a report
 * twice. A state issued under an older key verifies while that key is in the keyring.
 *
 * @throws {@link BalaghError} `UNKNOWN_CLOSURE_KEY` when the state's key is not in the keyring;
 * `VALIDATION_FAILED` for an invalid `now` or `maxAttempts`, or a state whose counter or
 * failed attempts are not integers.
 * @example
 * ```ts
 * const result = await verifyClosureCode({ reportId: report.id, input: '٤٨٢ ٩١٥-١', state, keyring });
 * await saveClosureState(report.id, result.state);
 * if (result.outcome === 'valid') await closeAsConfirmed(report);
 * ```
 */
export async function verifyClosureCode(
  options: VerifyClosureCodeOptions,
): Promise<ClosureCodeVerification> {
  const { reportId, state, keyring, maxAttempts = defaultClosureCodeMaxAttempts } = options;
  if (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1) {
    throw new BalaghError('VALIDATION_FAILED', '`maxAttempts` must be a positive integer.');
  }
  if (
    !Number.isSafeInteger(state.counter) ||
    state.counter < 1 ||
    !Number.isSafeInteger(state.failedAttempts)
  ) {
    throw new BalaghError(
      'VALIDATION_FAILED',
      'The closure code state is not valid; parse it with closureCodeStateSchema.',
    );
  }
  const now = closureCodeInstant(options.now);
  const attemptsLeft = Math.max(0, maxAttempts - state.failedAttempts);

  const input = normalizeClosureCodeInput(options.input);
  if (input === undefined) return { outcome: 'malformed', state, attemptsLeft };

  if (state.lockedAt !== undefined) return { outcome: 'locked', state, attemptsLeft: 0 };
  if (attemptsLeft === 0) {
    // Attempts used up under a higher limit than today's: lock now rather than allow more.
    return {
      outcome: 'locked',
      state: { ...state, lockedAt: new Date(now).toISOString() },
      attemptsLeft: 0,
    };
  }
  if (state.consumedAt !== undefined) return { outcome: 'expired', state, attemptsLeft };
  if (state.expiresAt !== undefined && now >= Date.parse(state.expiresAt)) {
    return { outcome: 'expired', state, attemptsLeft };
  }

  const expected = await deriveClosureCode(keyring, state.keyId, reportId, state.counter);
  if (constantTimeEqual(expected, input)) {
    return {
      outcome: 'valid',
      state: { ...state, consumedAt: new Date(now).toISOString() },
      attemptsLeft,
    };
  }
  const failedAttempts = state.failedAttempts + 1;
  if (failedAttempts >= maxAttempts) {
    return {
      outcome: 'locked',
      state: { ...state, failedAttempts, lockedAt: new Date(now).toISOString() },
      attemptsLeft: 0,
    };
  }
  return {
    outcome: 'invalid',
    state: { ...state, failedAttempts },
    attemptsLeft: maxAttempts - failedAttempts,
  };
}

/** Compares two codes of the same length without stopping at the first difference. */
function constantTimeEqual(expected: string, actual: string): boolean {
  let difference = expected.length ^ actual.length;
  for (let index = 0; index < expected.length; index += 1) {
    difference |= expected.charCodeAt(index) ^ actual.charCodeAt(index);
  }
  return difference === 0;
}
