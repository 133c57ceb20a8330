import { formatReportNumber } from '@balagh/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReporterCommand } from './parse-reporter-command.js';

const arabicIndic = (text: string) =>
  text.replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit)));
const extendedArabicIndic = (text: string) =>
  text.replace(/\d/g, (digit) => String.fromCharCode(0x06f0 + Number(digit)));

describe('parseReporterCommand', () => {
  it.each(['cancel', 'Cancel!', 'إلغاء', 'الغاء', 'منسوخ', 'रद्द', 'batal', 'Batalkan'])(
    'reads %j as cancel',
    (text) => {
      expect(parseReporterCommand(text)).toEqual({ type: 'cancel' });
    },
  );

  it('reads a report number in any digit set, with or without dashes, as a status request', () => {
    const expected = { type: 'status', number: '1448-000123-7' };
    expect(parseReporterCommand('1448-000123-7')).toEqual(expected);
    expect(parseReporterCommand('14480001237')).toEqual(expected);
    expect(parseReporterCommand('١٤٤٨-٠٠٠١٢٣-٧')).toEqual(expected);
    expect(parseReporterCommand('۱۴۴۸ ۰۰۰۱۲۳ ۷')).toEqual(expected);
    expect(parseReporterCommand('حالة البلاغ ١٤٤٨-٠٠٠١٢٣-٧')).toEqual(expected);
    expect(parseReporterCommand('status 1448 000123 7')).toEqual(expected);
  });

  it('reads every valid report number, whatever the digits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9_999_999 }),
        fc.constantFrom('-', ' ', ''),
        (sequence, separator) => {
          const number = formatReportNumber({ year: 1448, sequence });
          const typed = number.replaceAll('-', separator);
          for (const variant of [typed, arabicIndic(typed), extendedArabicIndic(typed)]) {
            expect(parseReporterCommand(variant)).toEqual({ type: 'status', number });
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('tells a report number with a mistyped digit, but not a long number inside a sentence', () => {
    expect(parseReporterCommand('1448-000123-8')).toEqual({ type: 'invalid_report_number' });
    expect(parseReporterCommand('رقم البلاغ 1448-000124-7')).toEqual({
      type: 'invalid_report_number',
    });
    expect(parseReporterCommand('call me on 966512345678 please')).toBeUndefined();
  });

  it('reads status words alone as a request for the latest report', () => {
    expect(parseReporterCommand('حالة البلاغ')).toEqual({ type: 'status' });
    expect(parseReporterCommand('Status')).toEqual({ type: 'status' });
    expect(parseReporterCommand('स्थिति')).toEqual({ type: 'status' });
  });

  it('reads a closure code, and a mistyped one as malformed', () => {
    expect(parseReporterCommand('482 915-1')).toEqual({ type: 'closure_code', code: '4829151' });
    expect(parseReporterCommand('٤٨٢ ٩١٥-١')).toEqual({ type: 'closure_code', code: '4829151' });
    expect(parseReporterCommand('كود ٤٨٢٩١٥١')).toEqual({ type: 'closure_code', code: '4829151' });
    expect(parseReporterCommand('code: 4829151')).toEqual({
      type: 'closure_code',
      code: '4829151',
    });
    expect(parseReporterCommand('482 915-2')).toEqual({ type: 'malformed_closure_code' });
  });

  it.each([
    'not fixed',
    'لم تحل',
    'لم تُحل المشكلة',
    'حل نہیں ہوا',
    'ठीक नहीं हुआ',
    'belum diperbaiki',
    'masih rosak',
  ])('reads %j as not fixed', (text) => {
    expect(parseReporterCommand(text)).toEqual({ type: 'not_fixed' });
  });

  it('leaves descriptions and greetings alone', () => {
    for (const text of ['الإنارة مطفية', 'hello', 'lampu jalan rusak', 'Mina camp 42', '', '   ']) {
      expect(parseReporterCommand(text)).toBeUndefined();
    }
  });
});
