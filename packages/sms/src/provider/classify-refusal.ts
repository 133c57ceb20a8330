/**
 * One line of an adapter's table of refusals: an answer with one of `statuses` (HTTP, or the
 * provider's own status) or one of `codes` (the provider's error codes) failed for `reason`, and
 * is `retryable` or not whatever its HTTP status.
 *
 * @internal
 */
export interface RefusalRule {
  readonly reason: string;
  readonly retryable: boolean;
  readonly statuses?: readonly number[];
  readonly codes?: readonly string[];
}

/**
 * Why a provider refused a message and whether to retry, from the first rule that matches; an
 * empty answer when none does, and the HTTP status decides (`isRetryableStatus`: 5xx retry,
 * other 4xx not).
 *
 * @internal
 */
export function classifyRefusal(
  rules: readonly RefusalRule[],
  status: number,
  providerCode: string | undefined,
): { reason?: string; retryable?: boolean } {
  const rule = rules.find(
    (candidate) =>
      candidate.statuses?.includes(status) === true ||
      (providerCode !== undefined && candidate.codes?.includes(providerCode) === true),
  );
  return rule === undefined ? {} : { reason: rule.reason, retryable: rule.retryable };
}
