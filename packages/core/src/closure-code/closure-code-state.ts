import * as z from 'zod/mini';

/**
 * Schema of a {@link ClosureCodeState}. Parse stored state with it when it comes from
 * storage you do not fully trust; `issueClosureCode` and `verifyClosureCode` trust their input.
 */
export const closureCodeStateSchema = z.strictObject({
  /** Key the code was issued under. */
  keyId: z.string().check(z.minLength(1)),
  /** Issue counter: 1 for the first code of a report, one more for every reissue. */
  counter: z.int().check(z.gte(1)),
  issuedAt: z.iso.datetime(),
  /** The code answers `expired` from this instant on. */
  expiresAt: z.optional(z.iso.datetime()),
  /** Wrong codes entered since this code was issued. */
  failedAttempts: z.int().check(z.gte(0)),
  /** Set when the last allowed attempt failed; the code answers `locked` ever after. */
  lockedAt: z.optional(z.iso.datetime()),
  /** Set when the right code was entered; the code is spent and answers `expired` after. */
  consumedAt: z.optional(z.iso.datetime()),
});

/**
 * What the caller persists for a report's closure code. The code itself is never stored: it
 * is derived again from the keyring, the report id and `counter` whenever it is verified.
 */
export type ClosureCodeState = z.infer<typeof closureCodeStateSchema>;
