import { type ClosureCodeState, defaultClosureCodeMaxAttempts, type Report } from '@balagh/core';
import type { StaffClosureCode } from './report-service.js';

/**
 * The closure-code facts of a report that staff (and, as `awaitingConfirmation`, the reporter)
 * may see: whether a code is outstanding, attempts left, locked, until when; never the code.
 * `clock` is read only when the report is resolved with a code.
 *
 * @internal
 */
export function staffClosureCode(
  report: Report,
  state: ClosureCodeState | undefined,
  clock: () => number,
): StaffClosureCode {
  if (report.status !== 'resolved' || state === undefined) return { issued: false, locked: false };
  const locked = state.lockedAt !== undefined;
  const expired =
    state.consumedAt !== undefined ||
    (state.expiresAt !== undefined && Date.parse(state.expiresAt) <= clock());
  return {
    issued: !locked && !expired,
    ...(locked
      ? {}
      : { attemptsLeft: Math.max(0, defaultClosureCodeMaxAttempts - state.failedAttempts) }),
    locked,
    ...(state.expiresAt === undefined ? {} : { expiresAt: state.expiresAt }),
  };
}
