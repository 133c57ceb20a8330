import { describe, expect, it } from 'vitest';
import {
  createTaxonomy,
  defaultTaxonomy,
  isBalaghError,
  localizeText,
  matchCategories,
  normalizeForMatching,
  type TaxonomyDefinition,
  type ValidationError,
} from '../index.js';

// The examples of docs/core/taxonomy.md, run as written there.
describe('the taxonomy guide', () => {
  it('looks up the default taxonomy', () => {
    const lighting = defaultTaxonomy.requireCategory('street_lighting');
    expect(lighting.priority).toBe('high');
    expect(defaultTaxonomy.department(lighting.departmentCode)?.name.ur).toBe('شعبۂ اسٹریٹ لائٹس');
    expect(defaultTaxonomy.slaPolicyFor('sewage_overflow')).toMatchObject({
      code: 'urgent',
      responseMinutes: 60,
      resolutionMinutes: 360,
    });
    expect(defaultTaxonomy.category('no_such_thing')).toBeUndefined();
  });

  it('localises categories and texts', () => {
    const [first] = defaultTaxonomy.localizedCategories('ur');
    expect(first?.name).toBe('سڑکوں کی صفائی اور کچرا');
    expect(first?.groupName).toBe('صفائی');
    expect(first?.attributes[0]?.values?.[1]).toEqual({
      key: 'construction_debris',
      name: 'تعمیراتی ملبہ',
    });
    expect(defaultTaxonomy.localize({ ar: 'نظافة', id: 'Kebersihan' }, 'ms')).toBe('Kebersihan');
    expect(defaultTaxonomy.localize({ ar: 'نظافة', en: 'Cleanliness', fa: 'نظافت' }, 'ur')).toBe(
      'نظافة',
    );
    expect(localizeText({ en: 'Cleanliness', tr: 'Temizlik' }, 'ur', 'ar')).toBe('Cleanliness');
  });

  it('suggests categories from free text', () => {
    const [best] = matchCategories('الانارة مطفية', 'ar');
    expect(best?.category.code).toBe('street_lighting');
    expect(best?.matched).toEqual(['إنارة', 'مطفية']);
    expect(matchCategories('dapur restoran kotor', 'id')[0]?.category.code).toBe(
      'restaurant_hygiene',
    );
    expect(matchCategories('paip bocor', 'ms')[0]?.category.code).toBe('water_leak');
    expect(matchCategories('کچرا', 'ur')[0]?.category.code).toBe('street_cleanliness');
    expect(matchCategories('गाड़ी कई दिनों से लावारिस खड़ी है', 'hi')[0]?.category.code).toBe(
      'abandoned_vehicle',
    );
    expect(matchCategories('hello how are you', 'en')).toEqual([]);
    expect(matchCategories('مطعم وسخ فيه صراصير', 'ar', { limit: 2 })).toHaveLength(2);
    expect(normalizeForMatching('الإنارةُ مطفـــية!')).toBe('الاناره مطفيه');
    expect(normalizeForMatching('Çöp İŞGAL')).toBe('cop isgal');
  });

  it('checks attribute values', () => {
    expect(
      defaultTaxonomy.validateAttributes('restaurant_hygiene', {
        establishment_name: '  Al Baik ',
      }),
    ).toEqual({ establishment_name: 'Al Baik' });
    expect(defaultTaxonomy.validateAttributes('stray_animals', { animal_type: 'dogs' })).toEqual({
      animal_type: ['dogs'],
    });
    let issues: unknown;
    try {
      defaultTaxonomy.validateAttributes('food_storage', { plate: 'ABC 123' });
    } catch (error) {
      if (isBalaghError(error, 'VALIDATION_FAILED')) issues = (error as ValidationError).issues;
    }
    expect(issues).toEqual([
      expect.objectContaining({ path: 'attributes.establishment_name', code: 'required' }),
      expect.objectContaining({ path: 'attributes.plate', code: 'unrecognized_key' }),
    ]);
  });

  it('builds and checks a taxonomy of your own', () => {
    const definition: TaxonomyDefinition = {
      languages: ['ar', 'en'],
      defaultLanguage: 'ar',
      departments: [{ code: 'parks', name: { ar: 'إدارة الحدائق', en: 'Parks Department' } }],
      slaPolicies: [
        {
          code: 'normal',
          responseMinutes: 240,
          resolutionMinutes: 1440,
          calendar: {
            kind: 'weekly',
            timeZone: 'Asia/Riyadh',
            windows: [0, 1, 2, 3, 4].map((day) => ({ day, start: '08:00', end: '16:00' })),
          },
        },
      ],
      groups: [{ code: 'parks', name: { ar: 'الحدائق', en: 'Parks' } }],
      categories: [
        {
          code: 'broken_playground',
          groupCode: 'parks',
          departmentCode: 'parks',
          priority: 'normal',
          slaPolicyCode: 'normal',
          name: { ar: 'ألعاب أطفال مكسورة', en: 'Broken playground' },
          keywords: { ar: ['مراجيح', 'ألعاب', 'حديقة'], en: ['playground', 'swing', 'slide'] },
        },
      ],
    };

    const parks = createTaxonomy(definition);
    expect(parks.matchCategories('المراجيح مكسورة في الحديقة', 'ar')[0]?.category.code).toBe(
      'broken_playground',
    );

    let caught: ValidationError | undefined;
    try {
      createTaxonomy({
        ...definition,
        categories: [
          { ...definition.categories[0]!, name: { ar: 'ألعاب' }, departmentCode: 'roads' },
        ],
      });
    } catch (error) {
      caught = error as ValidationError;
    }
    expect(caught?.code).toBe('INVALID_TAXONOMY');
    expect(caught?.issues.map((issue) => issue.path)).toEqual([
      'categories.0.name.en',
      'categories.0.departmentCode',
    ]);
  });

  it('adapts the default taxonomy', () => {
    const withoutDeadAnimals = createTaxonomy({
      ...defaultTaxonomy.definition,
      categories: defaultTaxonomy.definition.categories.filter(
        (category) => category.code !== 'dead_animal',
      ),
    });
    expect(withoutDeadAnimals.categories).toHaveLength(14);
  });
});
