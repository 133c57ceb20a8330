import { BalaghError } from '../errors/balagh-error.js';

/** Reads the `now` option of the closure-code functions as epoch milliseconds. */
export function closureCodeInstant(now: Date | number | undefined): number {
  const time = now === undefined ? Date.now() : typeof now === 'number' ? now : now.getTime();
  if (!Number.isFinite(time) || Math.abs(time) > 8.64e15) {
    throw new BalaghError('VALIDATION_FAILED', '`now` must be a valid Date or epoch milliseconds.');
  }
  return time;
}
