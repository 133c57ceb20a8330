import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidDamm } from '../digits/damm-check-digit.js';
import { reportNumberSchema } from '../schemas/report.js';
import { formatReportNumber } from './format-report-number.js';

describe('formatReportNumber', () => {
  it('prints the year, the sequence padded to six digits and the Damm check digit', () => {
    expect(formatReportNumber({ year: 1448, sequence: 123 })).toBe('1448-000123-7');
    expect(formatReportNumber({ year: 1447, sequence: 1 })).toBe('1447-000001-7');
  });

  it('prints more digits once the sequence grows past 999999', () => {
    expect(formatReportNumber({ year: 1448, sequence: 999_999 })).toMatch(/^1448-999999-\d$/);
    expect(formatReportNumber({ year: 1448, sequence: 1_234_567 })).toBe('1448-1234567-8');
  });

  it('always prints something the report schema accepts, with a check digit over year and sequence', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        (year, sequence) => {
          const formatted = formatReportNumber({ year, sequence });
          expect(reportNumberSchema.safeParse(formatted).success).toBe(true);
          expect(isValidDamm(formatted.replaceAll('-', ''))).toBe(true);
        },
      ),
    );
  });

  it.each([
    { year: 999, sequence: 1 },
    { year: 10_000, sequence: 1 },
    { year: 1448.5, sequence: 1 },
    { year: 1448, sequence: 0 },
    { year: 1448, sequence: -3 },
    { year: 1448, sequence: 1.5 },
    { year: 1448, sequence: Number.MAX_SAFE_INTEGER + 1 },
    { year: Number.NaN, sequence: 1 },
  ])('refuses year $year with sequence $sequence', (parts) => {
    expect(() => formatReportNumber(parts)).toThrow(
      expect.objectContaining({ code: 'INVALID_REPORT_NUMBER' }),
    );
  });
});
