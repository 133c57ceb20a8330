import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { languages } from '../schemas/language.js';
import { formatReportDate } from './format-report-date.js';

const instant = '2026-11-27T10:00:00.000Z';

describe('formatReportDate', () => {
  it('gives the Umm al-Qura date then the Gregorian one, in Arabic digits for Arabic', () => {
    expect(formatReportDate(instant, 'ar')).toBe('١٧ جمادى الآخرة ١٤٤٨ هـ (٢٧ نوفمبر ٢٠٢٦)');
    expect(formatReportDate(instant, 'en')).toBe('Jumada II 17, 1448 AH (November 27, 2026)');
  });

  it('adds the time of day when asked, and drops the years when asked', () => {
    expect(formatReportDate(instant, 'en', { withTime: true })).toBe(
      'Jumada II 17, 1448 AH (November 27, 2026 at 1:00 PM)',
    );
    expect(formatReportDate(instant, 'ar', { withYear: false })).toBe(
      '١٧ جمادى الآخرة (٢٧ نوفمبر)',
    );
  });

  it('turns the Hijri day at midnight in the reader’s time zone, not the host’s', () => {
    const justAfterMidnightInMakkah = '2026-11-26T21:30:00.000Z';
    expect(formatReportDate(justAfterMidnightInMakkah, 'en')).toBe(
      'Jumada II 17, 1448 AH (November 27, 2026)',
    );
    expect(formatReportDate(justAfterMidnightInMakkah, 'en', { timeZone: 'UTC' })).toBe(
      'Jumada II 16, 1448 AH (November 26, 2026)',
    );
  });

  it('formats each minute, language, time zone and option on its own, also when remembered', () => {
    const at = (time: string) => formatReportDate(`2026-11-27T${time}Z`, 'en', { withTime: true });
    expect(at('10:00:00.000')).toBe('Jumada II 17, 1448 AH (November 27, 2026 at 1:00 PM)');
    expect(at('10:00:59.999')).toBe('Jumada II 17, 1448 AH (November 27, 2026 at 1:00 PM)');
    expect(at('10:01:00.000')).toBe('Jumada II 17, 1448 AH (November 27, 2026 at 1:01 PM)');
    // The same instant, formatted again with each other setting, is not the remembered text.
    expect(formatReportDate(instant, 'en')).toBe('Jumada II 17, 1448 AH (November 27, 2026)');
    expect(formatReportDate(instant, 'en', { withTime: true, timeZone: 'UTC' })).toBe(
      'Jumada II 17, 1448 AH (November 27, 2026 at 10:00 AM)',
    );
    expect(formatReportDate(instant, 'ar', { withTime: true })).toMatch(/^١٧ جمادى الآخرة/);
    // Before the epoch, minutes still start on the minute.
    expect(
      formatReportDate('1969-12-31T23:59:30.000Z', 'en', { withTime: true, timeZone: 'UTC' }),
    ).toBe(formatReportDate('1969-12-31T23:59:00.000Z', 'en', { withTime: true, timeZone: 'UTC' }));
  });

  it('accepts a Date, epoch milliseconds and an ISO string with an offset alike', () => {
    const expected = formatReportDate(instant, 'ur', { withTime: true });
    expect(formatReportDate(new Date(instant), 'ur', { withTime: true })).toBe(expected);
    expect(formatReportDate(Date.parse(instant), 'ur', { withTime: true })).toBe(expected);
    expect(formatReportDate('2026-11-27T13:00:00+03:00', 'ur', { withTime: true })).toBe(expected);
  });

  it('writes in every language, with no space an SMS would have to send as UCS-2', () => {
    for (const language of languages) {
      const text = formatReportDate(instant, language, { withTime: true });
      expect(text).toMatch(/\(.+\)$/);
      expect(text).not.toMatch(/[\u00A0\u202F]/);
    }
    expect(formatReportDate(instant, 'fa')).toContain('۱۴۴۸');
  });

  it('refuses an instant without a zone, an invalid instant and an unknown time zone', () => {
    expect(() => formatReportDate('2026-11-27T10:00:00', 'en')).toThrow(ValidationError);
    expect(() => formatReportDate('soon', 'en')).toThrow(ValidationError);
    expect(() => formatReportDate(Number.POSITIVE_INFINITY, 'en')).toThrow(ValidationError);
    expect(() => formatReportDate(instant, 'en', { timeZone: 'Makkah/Haram' })).toThrow(
      ValidationError,
    );
  });
});
