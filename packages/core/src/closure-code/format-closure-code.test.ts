import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dammCheckDigit } from '../digits/damm-check-digit.js';
import { formatClosureCode, normalizeClosureCodeInput } from './format-closure-code.js';

describe('normalizeClosureCodeInput', () => {
  it.each([
    ['the bare digits', '4829151'],
    ['the printed form', '482 915-1'],
    ['dashes only', '482-915-1'],
    ['spaces everywhere', ' 4 8 2 9 1 5 1 '],
    ['Arabic-Indic digits', '٤٨٢ ٩١٥-١'],
    ['Extended Arabic-Indic digits', '۴۸۲۹۱۵۱'],
    ['right-to-left marks', '\u200F٤٨٢ ٩١٥-١\u200F'],
  ])('reads %s', (_, input) => {
    expect(normalizeClosureCodeInput(input)).toBe('4829151');
  });

  it.each([
    ['a wrong check digit', '482 915-2'],
    ['two swapped digits', '428 915-1'],
    ['six digits', '482 915'],
    ['eight digits', '482 915-10'],
    ['surrounding text', 'code 482 915-1'],
    ['letters', '482 9l5-1'],
    ['dots', '482.915.1'],
    ['an empty string', ''],
  ])('refuses %s', (_, input) => {
    expect(normalizeClosureCodeInput(input)).toBeUndefined();
  });

  it('accepts any six digits followed by their check digit and no single typo of them', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}$/), (six) => {
        const code = six + String(dammCheckDigit(six));
        expect(normalizeClosureCodeInput(code)).toBe(code);
        for (let index = 0; index < 7; index += 1) {
          const typo =
            code.slice(0, index) + String((Number(code[index]) + 1) % 10) + code.slice(index + 1);
          expect(normalizeClosureCodeInput(typo)).toBeUndefined();
        }
      }),
    );
  });
});

describe('formatClosureCode', () => {
  it('prints two groups of three and the check digit', () => {
    expect(formatClosureCode('4829151')).toBe('482 915-1');
    expect(formatClosureCode('٤٨٢٩١٥١')).toBe('482 915-1');
  });

  it('refuses something that is not a closure code', () => {
    expect(() => formatClosureCode('4829152')).toThrow(
      expect.objectContaining({ code: 'CLOSURE_CODE_MALFORMED' }),
    );
  });
});
