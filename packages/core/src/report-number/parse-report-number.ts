import { isValidDamm } from '../digits/damm-check-digit.js';
import { normalizeDigits } from '../digits/normalize-digits.js';
import { stripDirectionMarks } from '../digits/strip-direction-marks.js';
import { BalaghError } from '../errors/balagh-error.js';
import { type ReportNumberParts, reportSequenceMinimumDigits } from './format-report-number.js';

/** A report number read back: its parts and its canonical printed form. */
export interface ParsedReportNumber extends ReportNumberParts {
  /** The canonical form, `1448-000123-7`, whatever form the input had. */
  readonly formatted: string;
}

// Spaces and dashes (ASCII, Unicode hyphens and dashes, the minus sign) may stand only between
// the year and the sequence and between the sequence and the check digit: anywhere else they
// would let a moved separator hide a moved digit. 16 digits keep the sequence a safe integer.
const separators = '[\\s\\-\\u2010-\\u2015\\u2212]*';
const reportNumberPattern = new RegExp(`^(\\d{4})${separators}(\\d{6,16})${separators}(\\d)$`);

/**
 * Reads a report number a person typed, said or pasted: `1448-000123-7`, `14480001237`,
 * `1448 000123 7`, or the same in Arabic-Indic (`١٤٤٨-٠٠٠١٢٣-٧`) or Extended Arabic-Indic
 * digits, or a mixture. The check digit catches every single mistyped digit and every swap of
 * two neighbouring digits.
 *
 * @throws {@link BalaghError} `INVALID_REPORT_NUMBER` when the input is not a report number
 * (`details.reason` is `format`) or its check digit does not match (`check_digit`): ask the
 * person to read it again.
 * @example
 * ```ts
 * parseReportNumber('١٤٤٨ ٠٠٠١٢٣ ٧'); // { year: 1448, sequence: 123, formatted: '1448-000123-7' }
 * ```
 */
export function parseReportNumber(input: string): ParsedReportNumber {
  const text = typeof input === 'string' ? normalizeDigits(stripDirectionMarks(input)).trim() : '';
  const match = reportNumberPattern.exec(text);
  const yearDigits = match?.[1];
  const sequenceDigits = match?.[2];
  const checkDigit = match?.[3];
  if (yearDigits === undefined || sequenceDigits === undefined || checkDigit === undefined) {
    throw formatError();
  }
  const year = Number(yearDigits);
  const sequence = Number(sequenceDigits);
  // Only the canonical padding is a report number: `0001234` and `000123` must not both name
  // report 123 or 1234, or a dropped or doubled zero would go unnoticed.
  const canonicalSequence = String(sequence).padStart(reportSequenceMinimumDigits, '0');
  if (
    year < 1000 ||
    sequence < 1 ||
    !Number.isSafeInteger(sequence) ||
    canonicalSequence !== sequenceDigits
  ) {
    throw formatError();
  }
  if (!isValidDamm(yearDigits + sequenceDigits + checkDigit)) {
    throw new BalaghError(
      'INVALID_REPORT_NUMBER',
      'The report number does not check out: a digit is probably mistyped or two are swapped.',
      { details: { reason: 'check_digit' } },
    );
  }
  return { year, sequence, formatted: `${yearDigits}-${sequenceDigits}-${checkDigit}` };
}

function formatError(): BalaghError {
  return new BalaghError(
    'INVALID_REPORT_NUMBER',
    'Not a report number: expected a year, a sequence and a check digit, such as 1448-000123-7.',
    { details: { reason: 'format' } },
  );
}
