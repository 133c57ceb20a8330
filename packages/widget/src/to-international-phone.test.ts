import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toInternationalPhone } from './to-international-phone.js';

describe('toInternationalPhone', () => {
  it('reads Saudi numbers as people type them', () => {
    for (const typed of [
      '0512345678',
      '512345678',
      '966512345678',
      '+966 51 234 5678',
      '00966512345678',
      '(051) 234-5678',
      '٠٥١٢٣٤٥٦٧٨',
      '۰۵۱۲۳۴۵۶۷۸',
    ]) {
      expect(toInternationalPhone(typed), typed).toBe('+966512345678');
    }
  });

  it('keeps international numbers of other countries', () => {
    expect(toInternationalPhone('+92 300 1234567')).toBe('+923001234567');
    expect(toInternationalPhone('0062 812 3456 7890')).toBe('+6281234567890');
  });

  it('puts another default country code in front of national numbers', () => {
    expect(toInternationalPhone('0300 1234567', '92')).toBe('+923001234567');
  });

  it('refuses what cannot be a phone number', () => {
    for (const typed of ['', 'call me', '12', '+0123456789', '+1234567890123456']) {
      expect(toInternationalPhone(typed), typed).toBeUndefined();
    }
  });

  it('answers E.164 or nothing, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string(), (typed) => {
        const phone = toInternationalPhone(typed);
        if (phone !== undefined) expect(phone).toMatch(/^\+[1-9]\d{6,14}$/);
      }),
    );
  });
});
