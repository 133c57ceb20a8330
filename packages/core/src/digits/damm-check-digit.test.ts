import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dammCheckDigit, isValidDamm } from './damm-check-digit.js';

const digitString = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 24 })
  .map((digits) => digits.join(''));

describe('dammCheckDigit', () => {
  it('gives the published check digit of 572', () => {
    expect(dammCheckDigit('572')).toBe(4);
  });

  it('gives 0 for a string of zeros, since the table has a zero diagonal from 0', () => {
    expect(dammCheckDigit('0000')).toBe(0);
  });

  it('refuses characters other than ASCII digits', () => {
    expect(() => dammCheckDigit('57a')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => dammCheckDigit('٥٧٢')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('makes every digit string valid once its check digit is appended', () => {
    fc.assert(
      fc.property(digitString, (digits) => {
        expect(isValidDamm(digits + String(dammCheckDigit(digits)))).toBe(true);
      }),
    );
  });

  it('detects every single-digit substitution, the check digit included', () => {
    fc.assert(
      fc.property(digitString, (digits) => {
        const valid = digits + String(dammCheckDigit(digits));
        for (let index = 0; index < valid.length; index += 1) {
          for (let digit = 0; digit <= 9; digit += 1) {
            if (String(digit) === valid[index]) continue;
            const typo = valid.slice(0, index) + String(digit) + valid.slice(index + 1);
            expect(isValidDamm(typo), typo).toBe(false);
          }
        }
      }),
    );
  });

  it('detects every transposition of two different adjacent digits, the check digit included', () => {
    fc.assert(
      fc.property(digitString, (digits) => {
        const valid = digits + String(dammCheckDigit(digits));
        for (let index = 0; index + 1 < valid.length; index += 1) {
          if (valid[index] === valid[index + 1]) continue;
          const swapped =
            valid.slice(0, index) + valid[index + 1] + valid[index] + valid.slice(index + 2);
          expect(isValidDamm(swapped), swapped).toBe(false);
        }
      }),
    );
  });

  it('detects every adjacent transposition of every two-digit pair in any position', () => {
    for (let prefix = 0; prefix < 100; prefix += 1) {
      for (let a = 0; a <= 9; a += 1) {
        for (let b = 0; b <= 9; b += 1) {
          if (a === b) continue;
          const head = String(prefix).padStart(2, '0');
          const original = `${head}${a}${b}`;
          const swapped = `${head}${b}${a}`;
          expect(dammCheckDigit(original)).not.toBe(dammCheckDigit(swapped));
        }
      }
    }
  });
});

describe('isValidDamm', () => {
  it('accepts 5724 and rejects its typos', () => {
    expect(isValidDamm('5724')).toBe(true);
    expect(isValidDamm('5274')).toBe(false);
    expect(isValidDamm('5723')).toBe(false);
  });

  it('answers false for an empty string and for non-digits instead of throwing', () => {
    expect(isValidDamm('')).toBe(false);
    expect(isValidDamm('572-4')).toBe(false);
    expect(isValidDamm('٥٧٢٤')).toBe(false);
  });
});
