import { isValidDamm } from '../digits/damm-check-digit.js';
import { normalizeDigits } from '../digits/normalize-digits.js';
import { stripDirectionMarks } from '../digits/strip-direction-marks.js';
import { BalaghError } from '../errors/balagh-error.js';

// Only separators are ignored, never surrounding text: "code 482 915-1" is not a code.
const separatorPattern = /[\s\-\u2010-\u2015\u2212]/g;
const closureCodePattern = /^\d{7}$/;

/**
 * Reads a closure code as a reporter or officer typed it: spaces and dashes are ignored, and
 * Arabic-Indic (`٤٨٢ ٩١٥-١`) and Extended Arabic-Indic digits count as digits. Lets an app
 * reject a typo before asking the server, since the last digit checks the other six.
 *
 * @returns the seven ASCII digits, or `undefined` when the input is not seven digits or its
 * check digit is wrong (`verifyClosureCode` answers `malformed` for those).
 * @example
 * ```ts
 * normalizeClosureCodeInput('٤٨٢ ٩١٥-١'); // '4829151'
 * normalizeClosureCodeInput('482 915-2'); // undefined: a digit is mistyped
 * ```
 */
export function normalizeClosureCodeInput(input: string): string | undefined {
  if (typeof input !== 'string' || input.length > 64) return undefined;
  const digits = normalizeDigits(stripDirectionMarks(input)).replace(separatorPattern, '');
  return closureCodePattern.test(digits) && isValidDamm(digits) ? digits : undefined;
}

/**
 * Prints a closure code the way reporters receive it, `482 915-1`: two groups of three to
 * read aloud, then the check digit.
 *
 * @throws {@link BalaghError} `CLOSURE_CODE_MALFORMED` when `code` is not a closure code (see
 * {@link normalizeClosureCodeInput}, which it applies first).
 * @example
 * ```ts
 * formatClosureCode('4829151'); // '482 915-1'
 * ```
 */
export function formatClosureCode(code: string): string {
  const digits = normalizeClosureCodeInput(code);
  if (digits === undefined) {
    throw new BalaghError(
      'CLOSURE_CODE_MALFORMED',
      'Not a closure code: expected seven digits whose last one checks the others.',
    );
  }
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)}-${digits.slice(6)}`;
}
