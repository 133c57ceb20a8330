import { BalaghError, ValidationError, type ValidationIssue } from '@balagh/core';

/** How deep a JSON body may nest; none of the API's bodies needs more than a few levels. */
export const maximumJsonDepth = 32;

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const loneSurrogates = new RegExp(loneSurrogate.source, 'g');
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Tells whether a `Content-Type` header names JSON: `application/json` or any `+json` type,
 * with or without parameters.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const mediaType = header.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/**
 * Reads a request body as JSON, refusing what would break later instead of being stored: bytes
 * that are not UTF-8, text that is not JSON, strings with NUL characters or lone UTF-16
 * surrogates (PostgreSQL cannot store the first, nothing can print the second) and nesting
 * deeper than {@link maximumJsonDepth}.
 *
 * @throws `ValidationError` `VALIDATION_FAILED` on any of those, with the offending paths.
 * @example
 * ```ts
 * const value = await readJsonBody(c.req.raw);
 * ```
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (error) {
    throw new ValidationError(
      'The body is not valid UTF-8.',
      [{ path: '', code: 'invalid_encoding', message: 'must be UTF-8' }],
      {
        cause: error,
      },
    );
  }
  if (text.trim() === '') {
    throw new ValidationError('The body is empty; send a JSON document.', [
      { path: '', code: 'invalid_type', message: 'expected a JSON document' },
    ]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(
      'Malformed JSON: the body is not a valid JSON document.',
      [{ path: '', code: 'invalid_json', message: 'is not valid JSON' }],
      { cause: error },
    );
  }
  const issues = findUnstorableText(value);
  if (issues.length > 0) {
    throw new ValidationError(
      `Invalid input. ${issues[0]?.path || 'body'}: ${issues[0]?.message ?? ''}`,
      issues,
    );
  }
  return value;
}

/**
 * Finds strings and keys a report must not carry (NUL, lone surrogates) and nesting that is too
 * deep, walking the value without recursion.
 */
function findUnstorableText(root: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: root, path: '', depth: 0 },
  ];
  while (stack.length > 0 && issues.length < 20) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem !== undefined) issues.push({ path, code: 'invalid_string', message: problem });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maximumJsonDepth) {
      issues.push({
        path,
        code: 'too_deep',
        message: `nests deeper than ${maximumJsonDepth} levels`,
      });
      continue;
    }
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value);
    for (const [key, item] of entries) {
      const itemPath = path === '' ? key : `${path}.${key}`;
      const keyProblem = textProblem(key);
      if (keyProblem !== undefined) {
        issues.push({
          path: itemPath.replaceAll('\u0000', '\uFFFD').replace(loneSurrogates, '\uFFFD'),
          code: 'invalid_key',
          message: `key ${keyProblem}`,
        });
        continue;
      }
      stack.push({ value: item, path: itemPath, depth: depth + 1 });
    }
  }
  return issues;
}

function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (loneSurrogate.test(text)) return 'must not contain unpaired UTF-16 surrogates';
  return undefined;
}

/** The error of a body whose media type the route does not take. */
export function unsupportedMediaType(expected: string): BalaghError {
  return new BalaghError('UNSUPPORTED_MEDIA_TYPE', `Send the body as ${expected}.`, {
    details: { expected },
  });
}
