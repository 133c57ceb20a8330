import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeDigits } from './normalize-digits.js';

describe('normalizeDigits', () => {
  it('converts Arabic-Indic digits to ASCII', () => {
    expect(normalizeDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
  });

  it('converts Extended Arabic-Indic digits to ASCII', () => {
    expect(normalizeDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
  });

  it('converts a mixture of the three digit sets and leaves separators and letters alone', () => {
    expect(normalizeDigits('رقم ١٤٤٨-۰۰۰۱۲۳-7 ok')).toBe('رقم 1448-000123-7 ok');
  });

  it('leaves text without Eastern digits unchanged', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!/[\u0660-\u0669\u06F0-\u06F9]/.test(text));
        expect(normalizeDigits(text)).toBe(text);
      }),
    );
  });

  it('maps each Eastern digit to the ASCII digit of the same value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1 }),
        fc.boolean(),
        (values, extended) => {
          const zero = extended ? 0x06f0 : 0x0660;
          const eastern = values.map((value) => String.fromCharCode(zero + value)).join('');
          expect(normalizeDigits(eastern)).toBe(values.join(''));
        },
      ),
    );
  });
});
