import type { ErrorCode } from './error-codes.js';

/** The base of every problem `type` URI; the code, in kebab case, follows. */
export const problemTypeBase = 'https://balagh.dev/problems/';

/**
 * The RFC 9457 problem `type` URI of an error code, the same from the intake server and from a
 * channel's webhook: `VALIDATION_FAILED` → `https://balagh.dev/problems/validation-failed`.
 *
 * @example
 * ```ts
 * problemTypeOf('INVALID_SIGNATURE'); // 'https://balagh.dev/problems/invalid-signature'
 * ```
 */
export function problemTypeOf(code: ErrorCode): string {
  return `${problemTypeBase}${code.toLowerCase().replaceAll('_', '-')}`;
}

/**
 * An RFC 9457 `application/problem+json` response carrying a Balagh error code, as the intake
 * server answers its own errors: what a channel's webhook handler answers a provider (Meta,
 * Twilio…) so that the provider's webhook log shows the same `code`.
 *
 * @example
 * ```ts
 * return problemResponse(403, 'INVALID_SIGNATURE', 'Invalid signature');
 * ```
 */
export function problemResponse(
  status: number,
  code: ErrorCode,
  title: string,
  detail?: string,
): Response {
  return new Response(
    JSON.stringify({
      type: problemTypeOf(code),
      title,
      status,
      code,
      ...(detail === undefined ? {} : { detail }),
    }),
    { status, headers: { 'content-type': 'application/problem+json' } },
  );
}
