import { describe, expect, it } from 'vitest';
import { isBalaghError } from '../errors/balagh-error.js';
import { e164Schema } from '../schemas/reporter.js';
import { normalizePhone } from './normalize-phone.js';

function failure(
  input: string,
  defaultCountry?: string,
): { code: string; message: string; reason: unknown } {
  try {
    normalizePhone(input, defaultCountry);
  } catch (error) {
    if (isBalaghError(error)) {
      return { code: error.code, message: error.message, reason: error.details.reason };
    }
    throw error;
  }
  throw new Error('expected normalizePhone to throw');
}

describe('normalizePhone', () => {
  it.each([
    ['a national mobile number', '0512345678'],
    ['a mobile number without its 0', '512345678'],
    ['the country code without +', '966512345678'],
    ['the spaced international form', '+966 51 234 5678'],
    ['the 00 international prefix', '00966512345678'],
    ['the 00 prefix with spaces', '00 966 51 234 5678'],
    ['dashes', '051-234-5678'],
    ['parentheses', '(+966) 51-234-5678'],
    ['dots', '051.234.5678'],
    ['a stray national 0 after the country code', '+966 0512345678'],
    ['Arabic-Indic digits', '٠٥١٢٣٤٥٦٧٨'],
    ['Extended Arabic-Indic digits', '+۹۶۶ ۵۱ ۲۳۴ ۵۶۷۸'],
    ['mixed digit sets', '٠٥١-۲۳۴-5678'],
    ['right-to-left marks around it', '\u200F+966 51 234 5678\u200F'],
    ['a non-breaking space', '051\u00A0234\u00A05678'],
  ])('reads a Saudi mobile written with %s', (_, input) => {
    expect(normalizePhone(input)).toBe('+966512345678');
  });

  it('accepts a Saudi fixed line, since call-centre reporters may call from one', () => {
    expect(normalizePhone('012 345 6789')).toBe('+966123456789');
  });

  it.each([
    ['Pakistan', '+92 300 1234567', '+923001234567'],
    ['Pakistan with 00', '0092 300 1234567', '+923001234567'],
    ['India', '+91 98123 45678', '+919812345678'],
    ['Indonesia', '+62 812-3456-7890', '+6281234567890'],
    ['Indonesia with 00', '0062 812 3456 7890', '+6281234567890'],
    ['Malaysia', '+60 12-345 6789', '+60123456789'],
    ['Bangladesh', '+880 1712-345678', '+8801712345678'],
    ['Turkey', '+90 532 123 45 67', '+905321234567'],
    ['Egypt', '+20 10 1234 5678', '+201012345678'],
    ['Egypt with 00', '0020 101 234 5678', '+201012345678'],
    ['Nigeria', '+234 803 123 4567', '+2348031234567'],
    ['the United Kingdom with (0)', '+44 (0)7911 123456', '+447911123456'],
    ['Pakistan in Extended Arabic-Indic digits', '+۹۲ ۳۰۰ ۱۲۳۴۵۶۷', '+923001234567'],
  ])("reads a pilgrim's number from %s", (_, input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it('reads national numbers of another default country', () => {
    expect(normalizePhone('0300 1234567', 'PK')).toBe('+923001234567');
    expect(failure('0300 1234567', 'SA')).toMatchObject({ code: 'INVALID_PHONE' });
  });

  it('always answers something the reporter schema accepts', () => {
    for (const input of ['0512345678', '+923001234567', '00201012345678']) {
      expect(e164Schema.safeParse(normalizePhone(input)).success).toBe(true);
    }
  });

  it.each([
    ['an empty string', '', 'characters'],
    ['letters', 'call me', 'characters'],
    ['surrounding text', 'call 0512345678', 'characters'],
    ['an extension', '0512345678 ext 12', 'characters'],
    ['a + in the middle', '05+12345678', 'characters'],
    ['too few digits', '0505', 'number'],
    ['a Saudi mobile one digit short', '051234567', 'number'],
    ['a Saudi mobile one digit long', '05123456789', 'number'],
    ['a Saudi number with too many digits after +966', '+9665123456789', 'number'],
    ['a foreign national number without its country code', '03001234567', 'number'],
    ['an unassigned country code', '+999 123 456 789', 'number'],
    ['too many digits', '+1234567890123456789', 'characters'],
  ])('refuses %s', (_, input, reason) => {
    expect(failure(input)).toMatchObject({ code: 'INVALID_PHONE', reason });
  });

  it('never repeats the number in its error message', () => {
    for (const input of ['05123456789', '+9665123456789', '0512345678 ext 12', '03001234567']) {
      const { message } = failure(input);
      const digits = input.replace(/\D/g, '');
      expect(message).not.toContain(digits);
      expect(message).not.toMatch(/\d{4}/);
    }
  });

  it('refuses a default country it does not know', () => {
    expect(failure('0512345678', 'XX')).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
