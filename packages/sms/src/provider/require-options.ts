import { ValidationError, type ValidationIssue } from '@balagh/core';

/**
 * Checks an adapter's options when it is created: every entry of `required` must be a non-blank
 * string. `otherIssues` (a rule of the adapter's own, such as "one of two senders") are reported
 * after the missing options, all in one error.
 *
 * @param label - The provider as people write it (`Twilio`), for the error message.
 * @throws `ValidationError` `Invalid <label> options.` listing every problem.
 * @internal
 */
export function requireOptions(
  label: string,
  required: Readonly<Record<string, string | undefined>>,
  otherIssues: readonly ValidationIssue[] = [],
): void {
  const issues = [
    ...Object.entries(required)
      .filter(([, value]) => !value?.trim())
      .map(([path]) => ({ path, code: 'too_small', message: 'is required' })),
    ...otherIssues,
  ];
  if (issues.length > 0) throw new ValidationError(`Invalid ${label} options.`, issues);
}
