import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForMatching } from './normalize-for-matching.js';

const tashkeelAndTatweel = [
  ...Array.from({ length: 0x065f - 0x064b + 1 }, (_, index) => String.fromCharCode(0x064b + index)),
  '\u0670',
  '\u0640',
];

describe('normalizeForMatching', () => {
  it('folds the hamza and madda forms of alef and the wasla to a bare alef', () => {
    expect(normalizeForMatching('أ إ آ ٱ ا')).toBe('ا ا ا ا ا');
  });

  it('folds taa marbuta to haa and alef maqsura to yeh', () => {
    expect(normalizeForMatching('إنارة مستشفى')).toBe('اناره مستشفي');
  });

  it('removes tashkeel, superscript alef and tatweel', () => {
    expect(normalizeForMatching('الإِنَارَةُ مُطْفَـــأَة')).toBe(normalizeForMatching('الانارة مطفأة'));
    expect(normalizeForMatching('رحمٰن')).toBe('رحمن');
  });

  it('folds Persian and Urdu letters so Urdu and Arabic spellings meet', () => {
    expect(normalizeForMatching('کچرا')).toBe(normalizeForMatching('كچرا'));
    expect(normalizeForMatching('گاڑی')).toBe(normalizeForMatching('گاڑي'));
    expect(normalizeForMatching('چوہے')).toBe('چوهي');
    expect(normalizeForMatching('کھانا')).toBe('كهانا');
    expect(normalizeForMatching('شعبۂ')).toBe('شعبه');
  });

  it('drops the hamza carried by waw and yeh', () => {
    expect(normalizeForMatching('مسؤول مسئول')).toBe('مسوول مسيول');
  });

  it('lower-cases Latin text and removes its diacritics', () => {
    expect(normalizeForMatching('Café ÉCLAIRAGE Çöp İŞGAL ışık')).toBe(
      'cafe eclairage cop isgal isik',
    );
  });

  it('drops the Devanagari nukta and reads chandrabindu as anusvara', () => {
    expect(normalizeForMatching('सफ़ाई')).toBe(normalizeForMatching('सफाई'));
    expect(normalizeForMatching('बिल्लियाँ')).toBe(normalizeForMatching('बिल्लियां'));
  });

  it('turns Arabic-Indic, Persian, Devanagari and fullwidth digits into 0–9', () => {
    expect(normalizeForMatching('١٤٤٨ ۱۲۳ १२३ １２３')).toBe('1448 123 123 123');
  });

  it('splits on punctuation, symbols and spaces and keeps Indic vowel signs in words', () => {
    expect(normalizeForMatching('  lampu—mati!!  (kotor)، ناموس؟ गड्ढे।')).toBe(
      'lampu mati kotor ناموس गड्ढे',
    );
  });

  it('removes invisible joiners and direction marks inside words', () => {
    expect(normalizeForMatching('می\u200Cخواهم \u200Fزباله')).toBe('ميخواهم زباله');
  });

  it('returns an empty string for a text without letters or digits', () => {
    expect(normalizeForMatching(' !? … ')).toBe('');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const once = normalizeForMatching(text);
        expect(normalizeForMatching(once)).toBe(once);
      }),
    );
  });

  it('ignores tashkeel and tatweel inserted anywhere', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...tashkeelAndTatweel))),
        (text, insertions) => {
          const characters = [...text];
          for (const [at, mark] of insertions) {
            characters.splice(at % (characters.length + 1), 0, mark);
          }
          expect(normalizeForMatching(characters.join(''))).toBe(normalizeForMatching(text));
        },
      ),
    );
  });
});
