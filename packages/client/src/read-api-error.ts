import { BalaghApiError, type ProblemDetails } from './balagh-api-error.js';
import { parseRetryAfter } from './parse-retry-after.js';

/**
 * Turns an error answer of the intake API into a {@link BalaghApiError}: the problem+json
 * members when the body is one, a code derived from the status otherwise (a proxy's HTML page,
 * an empty body, a code this client does not know).
 */
export async function readApiError(
  response: Response,
  method: string,
  path: string,
): Promise<BalaghApiError> {
  const problem = await response.json().then(
    (body: ProblemDetails | null) => (body?.constructor === Object ? body : undefined),
    () => undefined, // not JSON: the status alone tells what happened
  );
  const wait = parseRetryAfter(response.headers.get('retry-after'));
  return new BalaghApiError({
    status: response.status,
    statusText: response.statusText,
    problem,
    retryAfter: wait === undefined ? wait : Math.ceil(wait / 1000),
    method,
    path,
  });
}
