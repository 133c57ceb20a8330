import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Language, languages } from '../schemas/language.js';
import { createTaxonomy } from './create-taxonomy.js';
import { defaultTaxonomy } from './default-taxonomy.js';
import { matchCategories } from './match-categories.js';

function best(text: string, language: Language): string | undefined {
  return matchCategories(text, language)[0]?.category.code;
}

const tashkeelAndTatweel = [
  '\u064B',
  '\u064E',
  '\u064F',
  '\u0650',
  '\u0651',
  '\u0652',
  '\u0670',
  '\u0640',
];

describe('matchCategories', () => {
  it.each([
    ['الانارة مطفية', 'ar', 'street_lighting'],
    ['restaurant kitchen dirty', 'en', 'restaurant_hygiene'],
    ['dapur restoran kotor', 'id', 'restaurant_hygiene'],
    ['dapur restoran kotor', 'ms', 'restaurant_hygiene'],
    ['سيارة مهملة', 'ar', 'abandoned_vehicle'],
    ['کچرا', 'ur', 'street_cleanliness'],
    ['कचरा', 'hi', 'street_cleanliness'],
    ['jalan berlubang', 'id', 'road_damage'],
    ['paip bocor', 'ms', 'water_leak'],
  ] as const)('finds "%s" (%s) as %s first', (text, language, code) => {
    expect(best(text, language)).toBe(code);
  });

  it.each([
    ['العمود طافي من أمس والشارع ظلام', 'ar', 'street_lighting'],
    ['الزبالة مالية الشارع', 'ar', 'street_cleanliness'],
    ['البيارة طافحة والريحة قوية', 'ar', 'sewage_overflow'],
    ['ماسورة مكسورة والموية تهرب', 'ar', 'water_leak'],
    ['فيه فئران وصراصير كثير', 'ar', 'pests'],
    ['كلاب ضالة عند المخيم', 'ar', 'stray_animals'],
    ['حفرة كبيرة في الطريق', 'ar', 'road_damage'],
    ['the street lights are not working', 'en', 'street_lighting'],
    ['there is a dead cat near the gate', 'en', 'dead_animal'],
    ['expired food in the fridge of the grocery', 'en', 'food_storage'],
    ['کوڑے دان بھر گیا ہے', 'ur', 'overflowing_bins'],
    ['گلی میں گٹر ابل رہا ہے', 'ur', 'sewage_overflow'],
    ['ہوٹل کا کچن بہت گندا ہے', 'ur', 'restaurant_hygiene'],
    ['yahan bahut kachra hai', 'ur', 'street_cleanliness'],
    ['सड़क पर बहुत बड़े गड्ढे हैं', 'hi', 'road_damage'],
    ['आवारा कुत्ते बहुत हैं', 'hi', 'stray_animals'],
    ['गाड़ी कई दिनों से लावारिस खड़ी है', 'hi', 'abandoned_vehicle'],
    ['lampu jalan mati sejak semalam', 'id', 'street_lighting'],
    ['ada tikus dan kecoak di warung', 'id', 'pests'],
    ['tong sampah penuh tak dikutip', 'ms', 'overflowing_bins'],
    ['kucing mati di tepi jalan', 'ms', 'dead_animal'],
  ] as const)('finds "%s" (%s) as %s first', (text, language, code) => {
    expect(best(text, language)).toBe(code);
  });

  it('finds nothing, or only weak matches, in an unrelated text', () => {
    for (const match of matchCategories('hello how are you', 'en')) {
      expect(match.score).toBeLessThan(0.3);
    }
  });

  it('reports the keywords it found, as written in the taxonomy', () => {
    const [first] = matchCategories('الإنارة مطفية', 'ar');
    expect(first?.matched).toEqual(['إنارة', 'مطفية']);
  });

  it('matches the Arabic word with or without the article, and plural and singular', () => {
    expect(best('الحاويات', 'ar')).toBe('overflowing_bins');
    expect(best('lights', 'en')).toBe('street_lighting');
    expect(best('lampunya', 'id')).toBe('street_lighting');
  });

  it('weighs keywords of the reporter’s language more, but counts other languages', () => {
    const inMalay = matchCategories('paip bocor', 'ms')[0];
    const inEnglish = matchCategories('paip bocor', 'en')[0];
    expect(inEnglish?.category.code).toBe('water_leak');
    expect(inMalay!.score).toBeGreaterThan(inEnglish!.score);
  });

  it('scores within (0, 1], best first, and honours the limit', () => {
    const matches = matchCategories('مطعم وسخ فيه صراصير وأكل فاسد والزبالة مالية المطبخ', 'ar');
    expect(matches.length).toBeGreaterThan(2);
    for (const [index, match] of matches.entries()) {
      expect(match.score).toBeGreaterThan(0);
      expect(match.score).toBeLessThanOrEqual(1);
      if (index > 0) expect(match.score).toBeLessThanOrEqual(matches[index - 1]!.score);
    }
    expect(matchCategories('مطعم وسخ فيه صراصير', 'ar', { limit: 1 })).toHaveLength(1);
    expect(matchCategories('مطعم وسخ فيه صراصير', 'ar', { limit: 0 })).toEqual([]);
  });

  it('refuses a limit that is not a non-negative integer', () => {
    expect(() => matchCategories('زبالة', 'ar', { limit: -1 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => matchCategories('زبالة', 'ar', { limit: 1.5 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('uses the taxonomy it is given', () => {
    const taxonomy = createTaxonomy({
      ...defaultTaxonomy.definition,
      categories: defaultTaxonomy.definition.categories.filter(
        (category) => category.code !== 'street_lighting',
      ),
    });
    expect(matchCategories('الانارة مطفية', 'ar', { taxonomy })).toEqual([]);
  });

  it('needs every word of a multi-word keyword, close together', () => {
    expect(matchCategories('سيارة مهملة', 'ar')[0]?.matched).toContain('سيارة مهملة');
    expect(matchCategories('مهملة وبعيدة جدا عن هنا سيارة', 'ar')[0]?.matched).not.toContain(
      'سيارة مهملة',
    );
  });

  it('never throws on any string and always returns valid matches', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.constantFrom(...languages),
        (text, language) => {
          for (const match of matchCategories(text, language)) {
            expect(match.score).toBeGreaterThan(0);
            expect(match.score).toBeLessThanOrEqual(1);
            expect(match.matched.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });

  it('never throws on texts mixing keywords and random characters', () => {
    const keywords = defaultTaxonomy.categories.flatMap((category) =>
      Object.values(category.keywords).flat(),
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...keywords), fc.string({ unit: 'grapheme' }))),
        (parts) => {
          expect(Array.isArray(matchCategories(parts.join(' '), 'ar'))).toBe(true);
        },
      ),
    );
  });

  it('gives the same matches when tashkeel or tatweel is inserted', () => {
    const keywords = defaultTaxonomy.categories.flatMap((category) => category.keywords.ar ?? []);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...keywords), fc.string()), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...tashkeelAndTatweel)), { maxLength: 10 }),
        (parts, insertions) => {
          const text = parts.join(' ');
          const characters = [...text];
          for (const [at, mark] of insertions) {
            characters.splice(at % (characters.length + 1), 0, mark);
          }
          expect(matchCategories(characters.join(''), 'ar')).toEqual(matchCategories(text, 'ar'));
        },
      ),
    );
  });
});
