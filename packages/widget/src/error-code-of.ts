import type { ErrorCode } from '@balagh/core';

/** The error code a failure carries (a Balagh error's `code`), `INTERNAL` when it has none. */
export function errorCodeOf(error: unknown): ErrorCode {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? (code as ErrorCode) : 'INTERNAL';
}
