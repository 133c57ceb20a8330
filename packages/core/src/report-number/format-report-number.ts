import { dammCheckDigit } from '../digits/damm-check-digit.js';
import { BalaghError } from '../errors/balagh-error.js';

/** The two parts a report number is made of: the Hijri year and the sequence within it. */
export interface ReportNumberParts {
  /** Hijri (Umm al-Qura) year of the report, four digits, such as 1448. */
  readonly year: number;
  /** Per-year sequence, from 1. */
  readonly sequence: number;
}

/** The fewest digits a sequence is printed with; larger sequences simply print longer. */
export const reportSequenceMinimumDigits = 6;

/**
 * Prints a report number as people read it over the phone: `1448-000123-7`, the Hijri year,
 * the sequence zero-padded to at least six digits, and a Damm check digit computed over the
 * year and sequence digits, so that {@link parseReportNumber} catches any single mistyped digit
 * and any two swapped neighbours.
 *
 * @throws {@link BalaghError} `INVALID_REPORT_NUMBER` when the year is not a four-digit integer
 * or the sequence is not a safe integer of at least 1.
 * @example
 * ```ts
 * formatReportNumber({ year: 1448, sequence: 123 }); // '1448-000123-7'
 * formatReportNumber({ year: 1448, sequence: 1234567 }); // '1448-1234567-8'
 * ```
 */
export function formatReportNumber({ year, sequence }: ReportNumberParts): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new BalaghError('INVALID_REPORT_NUMBER', 'A report number year must have four digits.', {
      details: { reason: 'year' },
    });
  }
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new BalaghError(
      'INVALID_REPORT_NUMBER',
      'A report number sequence must be a safe integer of at least 1.',
      { details: { reason: 'sequence' } },
    );
  }
  const yearDigits = String(year);
  const sequenceDigits = String(sequence).padStart(reportSequenceMinimumDigits, '0');
  return `${yearDigits}-${sequenceDigits}-${dammCheckDigit(yearDigits + sequenceDigits)}`;
}
