import type { ReportReceipt } from '@balagh/core';

/**
 * The symbol a service sets on a receipt it answers from an earlier submission with the same
 * Idempotency-Key (value `'replayed'`), so the HTTP layer can say `Idempotent-Replayed: true`
 * without a second call. A symbol, so it never reaches the JSON body.
 */
export const submissionOutcomeSymbol: unique symbol = Symbol.for('balagh.submission-outcome');

/** Tells whether a receipt is the stored answer of an earlier submission (an idempotent replay). */
export function wasReplayed(receipt: ReportReceipt): boolean {
  return (
    (receipt as { [submissionOutcomeSymbol]?: unknown })[submissionOutcomeSymbol] === 'replayed'
  );
}
