import { dammCheckDigit, type Language, languages } from '@balagh/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReply } from './parse-reply.js';
import { notFixedPhrases } from './reply-phrases.js';

const digitSets = {
  ascii: '0123456789',
  arabicIndic: '٠١٢٣٤٥٦٧٨٩',
  persian: '۰۱۲۳۴۵۶۷۸۹',
  devanagari: '०१२३४५६७८९',
  bengali: '০১২৩৪৫৬৭৮৯',
} as const;

function inDigits(text: string, set: keyof typeof digitSets): string {
  return text.replace(/\d/g, (digit) => digitSets[set][Number(digit)] ?? digit);
}

describe('parseReply', () => {
  it.each([
    ['4829151'],
    ['482 915-1'],
    ['تأكيد ٤٨٢ ٩١٥-١'],
    ['confirm 482 915-1'],
    ['Confirm: 482-915-1.'],
    ['\u200F٤٨٢ ٩١٥-١\u200F'],
    ['کد ۴۸۲ ۹۱۵-۱'],
    ['पुष्टि ४८२ ९१५-१'],
    ['কোড ৪৮২ ৯১৫-১'],
    ['code4829151'],
  ])('reads %j as a confirmation with code 4829151', (text) => {
    expect(parseReply(text)).toMatchObject({ intent: 'confirm', code: '4829151' });
  });

  it.each([
    ['لم يتم', 'ar'],
    ['لم يتم الإصلاح', 'ar'],
    ['لَمْ يَتِمّ الإِصْلاح', 'ar'],
    ['لم يتم الاصلاح!', 'ar'],
    ['not fixed', 'en'],
    ['Not fixed yet.', 'en'],
    ['NO', 'en'],
    ['belum', 'id'],
    ['belum selesai', 'id'],
    ['tidak', 'id'],
    ['Belum siap lagi', 'ms'],
    ['نہیں ہوا', 'ur'],
    ['ابھی نہیں', 'ur'],
    ['नहीं हुआ', 'hi'],
    ['ঠিক হয়নি', 'bn'],
    ['düzelmedi', 'tr'],
    ['Pas réparé', 'fr'],
    ['درست نشده', 'fa'],
  ])('reads %j as not fixed, in %s', (text, language) => {
    expect(parseReply(text)).toEqual({ intent: 'not_fixed', language });
  });

  it('reads every listed "not fixed" phrase of every language as not fixed', () => {
    for (const language of languages) {
      for (const phrase of notFixedPhrases[language]) {
        expect(parseReply(phrase), `${language}: ${phrase}`).toMatchObject({ intent: 'not_fixed' });
      }
    }
  });

  it('reads a report number written beside the code or the complaint', () => {
    expect(parseReply('1448-000123-7 482 915-1')).toEqual({
      intent: 'confirm',
      code: '4829151',
      number: '1448-000123-7',
    });
    expect(parseReply('code 4829151 report ١٤٤٨-٠٠٠١٢٣-٧')).toEqual({
      intent: 'confirm',
      code: '4829151',
      number: '1448-000123-7',
      language: 'en',
    });
    expect(parseReply('البلاغ 1448-000123-7 لم يتم الإصلاح')).toEqual({
      intent: 'not_fixed',
      number: '1448-000123-7',
      language: 'ar',
    });
  });

  it('keeps a mistyped code as typed, so the service answers malformed without using an attempt', () => {
    expect(parseReply('482 915-2')).toEqual({ intent: 'confirm', code: '4829152' });
    expect(parseReply('تأكيد ٤٨٢٩١')).toEqual({ intent: 'confirm', code: '48291', language: 'ar' });
  });

  it('lets a code win over words of doubt: only the reporter has it, and sending it confirms', () => {
    expect(parseReply('no problem now, 4829151')).toMatchObject({
      intent: 'confirm',
      code: '4829151',
    });
  });

  it('does not read a long message that happens to contain "no" as a reopen request', () => {
    expect(
      parseReply('There is no light at gate 5 and the street near the bridge is still dark'),
    ).toEqual({
      intent: 'unknown',
    });
  });

  it('cannot tell what a thank-you or a bare yes means, but knows its language', () => {
    expect(parseReply('شكراً جزيلاً')).toEqual({ intent: 'unknown' });
    expect(parseReply('yes')).toEqual({ intent: 'unknown', language: 'en' });
    expect(parseReply('')).toEqual({ intent: 'unknown' });
    expect(parseReply(undefined as unknown as string)).toEqual({ intent: 'unknown' });
  });

  it('finds any valid closure code however it is written and in whatever digits', () => {
    const setNames = Object.keys(digitSets) as (keyof typeof digitSets)[];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }),
        fc.constantFrom(...setNames),
        fc.constantFrom('', ' ', '-', ' - ', '  '),
        fc.constantFrom('', '-', ' '),
        fc.constantFrom('', 'confirm ', 'تأكيد ', 'Kode: ', 'kod ', 'onay '),
        (six, set, middle, last, prefix) => {
          const digits = String(six).padStart(6, '0');
          const code = digits + String(dammCheckDigit(digits));
          const typed =
            prefix +
            inDigits(`${code.slice(0, 3)}${middle}${code.slice(3, 6)}${last}${code.slice(6)}`, set);
          expect(parseReply(typed)).toMatchObject({ intent: 'confirm', code });
        },
      ),
    );
  });

  it('never finds a confirmation in a reply without digits', () => {
    const letters = fc.constantFrom(
      ...'abcdefghijklmnopqrstuvwxyz ابتثجحخدسشصطعفقكلمنهوي!?.,'.split(''),
    );
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 80 }), (characters) => {
        expect(parseReply(characters.join('')).intent).not.toBe('confirm');
      }),
    );
  });

  it('gives a language hint only from the supported languages', () => {
    const hints = new Set<Language | undefined>(languages);
    for (const text of ['belum', 'evet', 'oui 4829151', 'नहीं']) {
      const reply = parseReply(text);
      expect(hints.has(reply.language)).toBe(true);
    }
  });
});
