import { BalaghError } from '../errors/balagh-error.js';

/**
 * The totally anti-symmetric quasigroup of order 10 published by H. Michael Damm (2004):
 * `dammTable[interim][digit]` is the next interim digit. Its zero diagonal is what lets a
 * number followed by its check digit reduce to 0.
 */
const dammTable: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

const asciiZero = 0x30;

/** Runs the digits through the quasigroup; `undefined` when a character is not an ASCII digit. */
function dammInterim(digits: string): number | undefined {
  let interim = 0;
  for (let index = 0; index < digits.length; index += 1) {
    const digit = digits.charCodeAt(index) - asciiZero;
    if (digit < 0 || digit > 9) return undefined;
    interim = dammTable[interim]![digit]!;
  }
  return interim;
}

/**
 * Computes the Damm check digit of a string of ASCII digits: the digit that, appended, makes
 * {@link isValidDamm} true. It catches every single-digit error and every transposition of two
 * adjacent digits, which is why report numbers and closure codes end with one.
 *
 * Run {@link normalizeDigits} first when the digits may come from an Arabic keyboard.
 *
 * @throws {@link BalaghError} `VALIDATION_FAILED` when `digits` holds anything but `0`–`9`.
 * @example
 * ```ts
 * dammCheckDigit('572'); // 4
 * ```
 */
export function dammCheckDigit(digits: string): number {
  const interim = dammInterim(digits);
  if (interim === undefined) {
    throw new BalaghError(
      'VALIDATION_FAILED',
      'A Damm check digit is computed over ASCII digits only.',
    );
  }
  return interim;
}

/**
 * Tells whether a string of ASCII digits ends with its correct Damm check digit.
 *
 * @returns `false` for an empty string or any character other than `0`–`9`.
 * @example
 * ```ts
 * isValidDamm('5724'); // true
 * isValidDamm('5274'); // false: two digits swapped
 * ```
 */
export function isValidDamm(digitsWithCheck: string): boolean {
  return digitsWithCheck.length > 0 && dammInterim(digitsWithCheck) === 0;
}
