import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBalaghError } from '../errors/balagh-error.js';
import { formatReportNumber } from './format-report-number.js';
import { parseReportNumber } from './parse-report-number.js';

function toArabicIndic(text: string): string {
  return text.replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit)));
}

function toExtendedArabicIndic(text: string): string {
  return text.replace(/\d/g, (digit) => String.fromCharCode(0x06f0 + Number(digit)));
}

function reasonOf(input: string): unknown {
  try {
    parseReportNumber(input);
  } catch (error) {
    if (isBalaghError(error, 'INVALID_REPORT_NUMBER')) return error.details.reason;
    throw error;
  }
  return 'accepted';
}

/** Every string one single-digit substitution away from `text`. */
function substitutions(text: string): string[] {
  const variants: string[] = [];
  for (let index = 0; index < text.length; index += 1) {
    if (!/\d/.test(text[index]!)) continue;
    for (let digit = 0; digit <= 9; digit += 1) {
      if (String(digit) === text[index]) continue;
      variants.push(text.slice(0, index) + String(digit) + text.slice(index + 1));
    }
  }
  return variants;
}

/** Every different string made by swapping two neighbouring characters of `text`. */
function adjacentTranspositions(text: string): string[] {
  const variants: string[] = [];
  for (let index = 0; index + 1 < text.length; index += 1) {
    if (text[index] === text[index + 1]) continue;
    variants.push(text.slice(0, index) + text[index + 1] + text[index] + text.slice(index + 2));
  }
  return variants;
}

const sampleParts = [
  { year: 1448, sequence: 123 },
  { year: 1447, sequence: 1 },
  { year: 1446, sequence: 10_200 },
  { year: 1450, sequence: 999_999 },
  { year: 1448, sequence: 1_000_000 },
  { year: 1499, sequence: 98_765_432 },
  { year: 1445, sequence: 505_050 },
  { year: 1444, sequence: 111_111 },
];

describe('parseReportNumber', () => {
  it('reads the printed form', () => {
    expect(parseReportNumber('1448-000123-7')).toEqual({
      year: 1448,
      sequence: 123,
      formatted: '1448-000123-7',
    });
  });

  it.each([
    ['without dashes', '14480001237'],
    ['with spaces', '1448 000123 7'],
    ['with surrounding space and spaced dashes', '  1448 - 000123 - 7 '],
    ['with an en dash', '1448–000123–7'],
    ['in Arabic-Indic digits', '١٤٤٨-٠٠٠١٢٣-٧'],
    ['in Extended Arabic-Indic digits', '۱۴۴۸۰۰۰۱۲۳۷'],
    ['in mixed digit sets', '١٤٤٨-۰۰۰123-7'],
    ['wrapped in right-to-left marks', '\u200F1448-000123-7\u200F'],
  ])('reads it %s', (_, input) => {
    expect(parseReportNumber(input).formatted).toBe('1448-000123-7');
  });

  it('reads back whatever formatReportNumber prints, in every digit set and with or without dashes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        (year, sequence) => {
          const formatted = formatReportNumber({ year, sequence });
          for (const form of [
            formatted,
            formatted.replaceAll('-', ''),
            toArabicIndic(formatted),
            toExtendedArabicIndic(formatted.replaceAll('-', ' ')),
          ]) {
            expect(parseReportNumber(form)).toEqual({ year, sequence, formatted });
          }
        },
      ),
    );
  });

  it('rejects every single-digit substitution of a sample of numbers, in every form', () => {
    for (const parts of sampleParts) {
      const formatted = formatReportNumber(parts);
      const compact = formatted.replaceAll('-', '');
      const variants = [
        ...substitutions(formatted),
        ...substitutions(compact),
        ...substitutions(formatted).map(toArabicIndic),
      ];
      expect(variants).toHaveLength(3 * 9 * compact.length);
      for (const typo of variants) expect(reasonOf(typo), typo).not.toBe('accepted');
    }
  });

  it('rejects every adjacent transposition that changes a sample of numbers, dashes included', () => {
    for (const parts of sampleParts) {
      const formatted = formatReportNumber(parts);
      for (const form of [formatted, formatted.replaceAll('-', '')]) {
        for (const swapped of adjacentTranspositions(form)) {
          expect(reasonOf(swapped), swapped).not.toBe('accepted');
        }
      }
    }
  });

  it('never reads a space moved past a digit as another number', () => {
    // Surrounding spaces are trimmed, so '1448 000123 7' with its last space and digit swapped
    // reads '1448 0001237': the same digits, so the same report, which is the right answer.
    for (const parts of sampleParts) {
      const formatted = formatReportNumber(parts);
      const spaced = formatted.replaceAll('-', ' ');
      for (const swapped of adjacentTranspositions(spaced)) {
        const sameDigits = swapped.replaceAll(' ', '') === spaced.replaceAll(' ', '');
        if (sameDigits && reasonOf(swapped) === 'accepted') {
          expect(parseReportNumber(swapped).formatted).toBe(formatted);
        } else {
          expect(reasonOf(swapped), swapped).not.toBe('accepted');
        }
      }
    }
  });

  it('rejects every single-digit substitution and adjacent transposition of random numbers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 10 ** 9 }),
        (year, sequence) => {
          const formatted = formatReportNumber({ year, sequence });
          for (const variant of [
            ...substitutions(formatted),
            ...adjacentTranspositions(formatted),
          ]) {
            expect(reasonOf(variant), variant).not.toBe('accepted');
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('says the check digit failed when only the check digit is wrong', () => {
    expect(reasonOf('1448-000123-8')).toBe('check_digit');
    expect(reasonOf('1448-000132-7')).toBe('check_digit');
  });

  it.each([
    ['an empty string', ''],
    ['letters', 'ABCD-000123-7'],
    ['a short sequence', '1448-00123-7'],
    ['extra padding', '1448-0000123-7'],
    ['a three-digit year', '448-000123-7'],
    ['a year with a leading zero', '0448-000123-7'],
    ['a zero sequence', '1448-000000-0'],
    ['a missing check digit', '1448-000123'],
    ['two check digits', '1448-000123-77'],
    ['surrounding text', 'report 1448-000123-7'],
    ['a slash separator', '1448/000123/7'],
    ['an unsafe sequence', '1448-9999999999999999-0'],
  ])('refuses %s', (_, input) => {
    expect(reasonOf(input)).toBe('format');
  });

  it('refuses a non-string input as a report number error', () => {
    expect(reasonOf(1_448_000_123 as unknown as string)).toBe('format');
  });
});
