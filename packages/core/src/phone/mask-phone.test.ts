import fc from 'fast-check';
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { callingCodeLength, maskPhone } from './mask-phone.js';

describe('maskPhone', () => {
  it('keeps the country code, the first digit after it and the last three digits', () => {
    expect(maskPhone('+966512345678')).toBe('+9665•••••678');
    expect(maskPhone('+923001234567')).toBe('+923••••••567');
    expect(maskPhone('+8801712345678')).toBe('+8801••••••678');
    expect(maskPhone('+12025550123')).toBe('+12••••••123');
    expect(maskPhone('+79161234567')).toBe('+79••••••567');
  });

  it('keeps only the last three digits of anything that is not E.164', () => {
    expect(maskPhone('0512345678')).toBe('•••••••678');
    expect(maskPhone('05 1234 5678')).toBe('•••••••678');
    expect(maskPhone('٠٥١٢٣٤٥٦٧٨')).toBe('•••••••678');
  });

  it('masks three digits or fewer entirely and never throws', () => {
    expect(maskPhone('123')).toBe('•••');
    expect(maskPhone('')).toBe('');
    expect(maskPhone('not a phone')).toBe('');
    expect(maskPhone(undefined as unknown as string)).toBe('');
  });

  it('never shows more than the country code and four digits of an E.164 number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+[1-9]\d{6,14}$/), (phone) => {
        const masked = maskPhone(phone);
        const digits = phone.slice(1);
        const shownDigits = masked.replace(/\D/g, '');
        expect(masked.length).toBe(phone.length);
        expect(masked.endsWith(digits.slice(-3))).toBe(true);
        expect(shownDigits.length).toBeLessThanOrEqual(callingCodeLength(digits) + 4);
        expect(masked).toContain('•');
      }),
    );
  });

  it('splits every country calling code libphonenumber knows at the right length', () => {
    for (const country of getCountries()) {
      const code = getCountryCallingCode(country);
      expect(callingCodeLength(`${code}123456789`), country).toBe(code.length);
    }
  });
});
