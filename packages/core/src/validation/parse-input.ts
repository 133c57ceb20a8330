import type * as z from 'zod/mini';
import type { ErrorCode } from '../errors/error-codes.js';
import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';

type ZodIssue = z.core.$ZodIssue;

/** The outcome of {@link safeParseInput}: the parsed value, or the error that explains why not. */
export type ParseResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: ValidationError };

/**
 * Parses an untrusted input with a schema and returns a typed result instead of throwing.
 *
 * @param what - A short name of the input for the error message, such as `"report input"`.
 */
export function safeParseInput<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  what = 'input',
  code: ErrorCode = 'VALIDATION_FAILED',
): ParseResult<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { success: true, data: result.data as z.infer<S> };
  const issues = toValidationIssues(result.error.issues);
  const first = issues[0];
  const summary = first
    ? `${first.path === '' ? what : `${what}.${first.path}`}: ${first.message}`
    : `invalid ${what}`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return {
    success: false,
    error: new ValidationError(`Invalid ${what}. ${summary}${more}`, issues, {
      cause: result.error,
      code,
    }),
  };
}

/**
 * Parses an untrusted input with a schema, or throws a {@link ValidationError} whose issues
 * name each offending field.
 *
 * @throws {@link ValidationError} when the input does not match the schema.
 * @example
 * ```ts
 * const input = parseInput(reportInputSchema, await request.json(), 'report input');
 * ```
 */
export function parseInput<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  what = 'input',
  code: ErrorCode = 'VALIDATION_FAILED',
): z.infer<S> {
  const result = safeParseInput(schema, input, what, code);
  if (!result.success) throw result.error;
  return result.data;
}

/** Converts zod issues to Balagh's {@link ValidationIssue}s, with English messages. */
export function toValidationIssues(issues: readonly ZodIssue[]): ValidationIssue[] {
  return issues.flatMap((issue): ValidationIssue[] => {
    if (issue.code === 'invalid_union' && issue.errors.length > 0 && issue.errors[0]) {
      // Report the branch that got furthest rather than a bare "no union member matched".
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      return toValidationIssues(
        best.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as ZodIssue),
      );
    }
    return [{ path: issue.path.map(String).join('.'), code: issue.code, message: describe(issue) }];
  });
}

function describe(issue: ZodIssue): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `must be at least ${String(issue.minimum)} characters`
        : issue.origin === 'array'
          ? `must have at least ${String(issue.minimum)} items`
          : `must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${String(issue.maximum)} characters`
        : issue.origin === 'array'
          ? `must have at most ${String(issue.maximum)} items`
          : `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}`;
    case 'invalid_format':
      return `must be a valid ${issue.format}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_element':
      return 'has an invalid element';
    case 'invalid_union':
      return 'matches none of the allowed forms';
    default:
      return 'is invalid';
  }
}
