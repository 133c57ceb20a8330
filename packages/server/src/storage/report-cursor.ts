import { ValidationError } from '@balagh/core';

/** A position in a keyset-paginated list: the sort value of the last item, then its id. */
export type ReportCursor = readonly [sortValue: string | null, id: string];

/** Encodes a list position as an opaque base64url string. */
export function encodeReportCursor(cursor: ReportCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeReportCursor}.
 *
 * @throws `ValidationError` `VALIDATION_FAILED` when the cursor was not made by it.
 */
export function decodeReportCursor(cursor: string): ReportCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw invalidCursor(error);
  }
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    (typeof value[0] === 'string' || value[0] === null) &&
    typeof value[1] === 'string'
  ) {
    return [value[0], value[1]];
  }
  throw invalidCursor(undefined);
}

function invalidCursor(cause: unknown): ValidationError {
  return new ValidationError(
    'Invalid cursor: pass the nextCursor of the previous page unchanged.',
    [
      {
        path: 'cursor',
        code: 'invalid_format',
        message: 'must be a cursor returned by a previous page',
      },
    ],
    { cause },
  );
}
