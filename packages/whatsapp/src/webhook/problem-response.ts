import type { ErrorCode } from '@balagh/core';

/**
 * An RFC 9457 problem+json response carrying a Balagh error code, as the intake server answers
 * its own errors, so Meta's webhook log shows the same `code`.
 */
export function problemResponse(
  status: number,
  code: ErrorCode,
  title: string,
  detail?: string,
): Response {
  return new Response(
    JSON.stringify({
      type: `https://balagh.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
      title,
      status,
      code,
      ...(detail === undefined ? {} : { detail }),
    }),
    { status, headers: { 'content-type': 'application/problem+json' } },
  );
}
