import { describe, expect, it } from 'vitest';
import { isBalaghError } from '../errors/balagh-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { TaxonomyDefinition } from '../schemas/taxonomy.js';
import { createTaxonomy } from './create-taxonomy.js';

function definition(): TaxonomyDefinition {
  return {
    languages: ['ar', 'en'],
    defaultLanguage: 'ar',
    departments: [
      { code: 'cleanliness', name: { ar: 'إدارة النظافة', en: 'Cleanliness' } },
      { code: 'health', name: { ar: 'صحة البيئة', en: 'Environmental health' } },
    ],
    slaPolicies: [
      { code: 'high', responseMinutes: 120, resolutionMinutes: 1440, calendar: { kind: 'always' } },
      {
        code: 'normal',
        responseMinutes: 240,
        resolutionMinutes: 1440,
        calendar: {
          kind: 'weekly',
          timeZone: 'Asia/Riyadh',
          windows: [{ day: 0, start: '08:00', end: '16:00' }],
        },
      },
    ],
    groups: [
      { code: 'cleanliness', name: { ar: 'النظافة', en: 'Cleanliness' } },
      { code: 'health', name: { ar: 'الصحة العامة', en: 'Public health' } },
    ],
    categories: [
      {
        code: 'street_cleanliness',
        groupCode: 'cleanliness',
        departmentCode: 'cleanliness',
        priority: 'normal',
        slaPolicyCode: 'normal',
        name: { ar: 'نظافة الشوارع', en: 'Street cleanliness' },
        description: { ar: 'نفايات في الشارع', en: 'Litter in a street' },
        keywords: { ar: ['زبالة', 'نفايات'], en: ['garbage', 'litter'] },
      },
      {
        code: 'restaurant_hygiene',
        groupCode: 'health',
        departmentCode: 'health',
        priority: 'high',
        slaPolicyCode: 'high',
        name: { ar: 'نظافة المطاعم', en: 'Restaurant hygiene' },
        attributes: [
          {
            code: 'establishment_name',
            datatype: 'string',
            required: true,
            description: { ar: 'اسم المنشأة', en: 'Name of the establishment' },
          },
          {
            code: 'seats',
            datatype: 'number',
            required: false,
            description: { ar: 'عدد المقاعد', en: 'Number of seats' },
          },
          {
            code: 'seen_at',
            datatype: 'datetime',
            required: false,
            description: { ar: 'وقت المشاهدة', en: 'When you saw it' },
          },
          {
            code: 'kind',
            datatype: 'singlevaluelist',
            required: false,
            description: { ar: 'النوع', en: 'Kind' },
            values: [
              { key: 'restaurant', name: { ar: 'مطعم', en: 'Restaurant' } },
              { key: 'cafeteria', name: { ar: 'بوفية', en: 'Cafeteria' } },
            ],
          },
          {
            code: 'problems',
            datatype: 'multivaluelist',
            required: false,
            description: { ar: 'المشاكل', en: 'Problems' },
            values: [
              { key: 'insects', name: { ar: 'حشرات', en: 'Insects' } },
              { key: 'no_gloves', name: { ar: 'بلا قفازات', en: 'No gloves' } },
            ],
          },
        ],
        keywords: { ar: ['مطعم'], en: ['restaurant', 'kitchen'] },
      },
    ],
  };
}

function issuesOf(input: unknown): { path: string; code: string }[] {
  try {
    createTaxonomy(input as TaxonomyDefinition);
  } catch (error) {
    expect(isBalaghError(error, 'INVALID_TAXONOMY')).toBe(true);
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map(({ path, code }) => ({ path, code }));
  }
  throw new Error('createTaxonomy accepted the definition');
}

describe('createTaxonomy', () => {
  it('accepts a consistent definition and exposes its parts in order', () => {
    const taxonomy = createTaxonomy(definition());
    expect(taxonomy.languages).toEqual(['ar', 'en']);
    expect(taxonomy.defaultLanguage).toBe('ar');
    expect(taxonomy.categories.map((category) => category.code)).toEqual([
      'street_cleanliness',
      'restaurant_hygiene',
    ]);
    expect(taxonomy.groups.map((group) => group.code)).toEqual(['cleanliness', 'health']);
    expect(taxonomy.departments).toHaveLength(2);
    expect(taxonomy.slaPolicies.map((policy) => policy.code)).toEqual(['high', 'normal']);
    expect(taxonomy.definition.categories[1]?.attributes).toHaveLength(5);
  });

  it('refuses a definition that does not match the schema, with INVALID_TAXONOMY', () => {
    const input = definition() as unknown as { categories: { priority: string }[] };
    input.categories[0]!.priority = 'critical';
    expect(issuesOf(input)).toContainEqual({
      path: 'categories.0.priority',
      code: 'invalid_value',
    });
  });

  it('names duplicate category, group, department and policy codes by path', () => {
    const input = definition();
    input.categories.push({ ...input.categories[0]!, name: { ar: 'مكرر', en: 'Again' } });
    input.groups.push({ ...input.groups[0]! });
    input.departments.push({ ...input.departments[1]! });
    input.slaPolicies.push({ ...input.slaPolicies[0]! });
    expect(issuesOf(input)).toEqual([
      { path: 'departments.2.code', code: 'duplicate_code' },
      { path: 'slaPolicies.2.code', code: 'duplicate_code' },
      { path: 'groups.2.code', code: 'duplicate_code' },
      { path: 'categories.2.code', code: 'duplicate_code' },
    ]);
  });

  it('names every name and description missing one of the languages', () => {
    const input = definition();
    input.departments[0]!.name = { ar: 'إدارة النظافة' };
    input.groups[1]!.name = { en: 'Public health' };
    input.categories[0]!.name = { ar: 'نظافة الشوارع', fr: 'Propreté' };
    input.categories[0]!.description = { en: 'Litter in a street' };
    input.categories[1]!.attributes![0]!.description = { ar: 'اسم المنشأة' };
    input.categories[1]!.attributes![3]!.values![1]!.name = { ar: 'بوفية' };
    expect(issuesOf(input)).toEqual([
      { path: 'departments.0.name.en', code: 'missing_translation' },
      { path: 'groups.1.name.ar', code: 'missing_translation' },
      { path: 'categories.0.name.en', code: 'missing_translation' },
      { path: 'categories.0.description.ar', code: 'missing_translation' },
      { path: 'categories.1.attributes.0.description.en', code: 'missing_translation' },
      { path: 'categories.1.attributes.3.values.1.name.en', code: 'missing_translation' },
    ]);
  });

  it('names unknown group, department and SLA policy codes', () => {
    const input = definition();
    input.categories[1]!.groupCode = 'food';
    input.categories[1]!.departmentCode = 'food_safety';
    input.categories[1]!.slaPolicyCode = 'urgent';
    expect(issuesOf(input)).toEqual([
      { path: 'categories.1.groupCode', code: 'unknown_reference' },
      { path: 'categories.1.departmentCode', code: 'unknown_reference' },
      { path: 'categories.1.slaPolicyCode', code: 'unknown_reference' },
    ]);
  });

  it('refuses a default language that is not one of the languages', () => {
    const input = definition();
    input.defaultLanguage = 'ur';
    expect(issuesOf(input)).toEqual([{ path: 'defaultLanguage', code: 'unknown_language' }]);
  });

  it('refuses a language listed twice', () => {
    const input = definition();
    input.languages = ['ar', 'en', 'ar'];
    expect(issuesOf(input)).toEqual([{ path: 'languages.2', code: 'duplicate_language' }]);
  });

  it('names duplicate attribute codes and duplicate list values', () => {
    const input = definition();
    const attributes = input.categories[1]!.attributes!;
    attributes.push({ ...attributes[0]! });
    attributes[4]!.values!.push({ key: 'insects', name: { ar: 'حشرات', en: 'Bugs' } });
    expect(issuesOf(input)).toEqual([
      { path: 'categories.1.attributes.5.code', code: 'duplicate_code' },
      { path: 'categories.1.attributes.4.values.2.key', code: 'duplicate_value' },
    ]);
  });

  it('refuses list attributes without values, and values on other attributes', () => {
    const input = definition();
    const attributes = input.categories[1]!.attributes!;
    delete attributes[3]!.values;
    attributes[4]!.values = [];
    attributes[1]!.values = [{ key: 'ten', name: { ar: 'عشرة', en: 'Ten' } }];
    expect(issuesOf(input)).toEqual([
      { path: 'categories.1.attributes.1.values', code: 'unexpected_values' },
      { path: 'categories.1.attributes.3.values', code: 'missing_values' },
      { path: 'categories.1.attributes.4.values', code: 'missing_values' },
    ]);
  });

  it('says the first problem and how many more in its message', () => {
    const input = definition();
    input.defaultLanguage = 'ur';
    input.categories[0]!.groupCode = 'nowhere';
    expect(() => createTaxonomy(input)).toThrow(
      'Invalid taxonomy. defaultLanguage: "ur" is not one of the taxonomy\'s languages (and 1 more)',
    );
  });

  it('is immutable and independent of later changes to its definition', () => {
    const input = definition();
    const taxonomy = createTaxonomy(input);
    input.categories[0]!.name.en = 'Changed';
    expect(taxonomy.category('street_cleanliness')?.name.en).toBe('Street cleanliness');
    expect(Object.isFrozen(taxonomy)).toBe(true);
    expect(Object.isFrozen(taxonomy.categories)).toBe(true);
    expect(Object.isFrozen(taxonomy.categories[0]?.keywords.ar)).toBe(true);
    expect(() => {
      (taxonomy.categories as unknown as unknown[]).push({});
    }).toThrow(TypeError);
  });
});

describe('Taxonomy lookups', () => {
  const taxonomy = createTaxonomy(definition());

  it('finds categories, groups, departments and policies by code', () => {
    expect(taxonomy.category('restaurant_hygiene')?.priority).toBe('high');
    expect(taxonomy.category('nothing')).toBeUndefined();
    expect(taxonomy.group('health')?.name.en).toBe('Public health');
    expect(taxonomy.department('health')?.name.ar).toBe('صحة البيئة');
    expect(taxonomy.department('roads')).toBeUndefined();
    expect(taxonomy.slaPolicy('normal')?.calendar.kind).toBe('weekly');
    expect(taxonomy.slaPolicy('urgent')).toBeUndefined();
  });

  it('throws UNKNOWN_CATEGORY naming the code when a category is required', () => {
    expect(() => taxonomy.requireCategory('potholes')).toThrow('"potholes"');
    try {
      taxonomy.requireCategory('potholes');
    } catch (error) {
      expect(isBalaghError(error, 'UNKNOWN_CATEGORY')).toBe(true);
      expect((error as { details: unknown }).details).toEqual({ categoryCode: 'potholes' });
    }
  });

  it("gives a category's SLA policy", () => {
    expect(taxonomy.slaPolicyFor('restaurant_hygiene').code).toBe('high');
    expect(taxonomy.slaPolicyFor('street_cleanliness').responseMinutes).toBe(240);
    expect(() => taxonomy.slaPolicyFor('potholes')).toThrow('"potholes"');
  });

  it("localises with the taxonomy's default language as fallback", () => {
    expect(taxonomy.localize({ ar: 'نظافة', en: 'Cleanliness' }, 'en')).toBe('Cleanliness');
    expect(taxonomy.localize({ ar: 'نظافة', en: 'Cleanliness' }, 'ur')).toBe('نظافة');
    expect(taxonomy.localize({ en: 'Cleanliness', id: 'Kebersihan' }, 'ms')).toBe('Kebersihan');
  });

  it('lists categories localised in one language, with group names and attributes', () => {
    const [first, second] = taxonomy.localizedCategories('en');
    expect(first).toEqual({
      code: 'street_cleanliness',
      groupCode: 'cleanliness',
      groupName: 'Cleanliness',
      name: 'Street cleanliness',
      description: 'Litter in a street',
      priority: 'normal',
      attributes: [],
    });
    expect(second?.description).toBeUndefined();
    expect(second && 'description' in second).toBe(false);
    expect(second?.attributes[3]).toEqual({
      code: 'kind',
      datatype: 'singlevaluelist',
      required: false,
      description: 'Kind',
      values: [
        { key: 'restaurant', name: 'Restaurant' },
        { key: 'cafeteria', name: 'Cafeteria' },
      ],
    });
    expect(second?.attributes[0]).not.toHaveProperty('values');
  });

  it('falls back to the default language for a language the taxonomy lacks', () => {
    const [first] = taxonomy.localizedCategories('hi');
    expect(first?.name).toBe('نظافة الشوارع');
    expect(first?.groupName).toBe('النظافة');
  });

  it('returns a fresh list each time', () => {
    const list = taxonomy.localizedCategories('ar');
    list.pop();
    expect(taxonomy.localizedCategories('ar')).toHaveLength(2);
  });

  it('matches its own categories', () => {
    expect(taxonomy.matchCategories('kitchen is dirty', 'en')[0]?.category.code).toBe(
      'restaurant_hygiene',
    );
    expect(taxonomy.matchCategories('زبالة', 'ar', { limit: 1 })).toHaveLength(1);
  });
});

describe('Taxonomy.validateAttributes', () => {
  const taxonomy = createTaxonomy(definition());

  function issuesOfAttributes(attributes: Record<string, unknown> | undefined) {
    try {
      taxonomy.validateAttributes('restaurant_hygiene', attributes as never);
    } catch (error) {
      expect(isBalaghError(error, 'VALIDATION_FAILED')).toBe(true);
      return (error as ValidationError).issues.map(({ path, code }) => ({ path, code }));
    }
    throw new Error('validateAttributes accepted the attributes');
  }

  it('returns cleaned values in the order of the category', () => {
    expect(
      taxonomy.validateAttributes('restaurant_hygiene', {
        problems: ['insects', 'insects', 'no_gloves'],
        kind: 'cafeteria',
        seen_at: '2026-05-25T21:30:00+03:00',
        seats: '24',
        establishment_name: '  Al Baik  ',
      }),
    ).toEqual({
      establishment_name: 'Al Baik',
      seats: 24,
      seen_at: '2026-05-25T18:30:00.000Z',
      kind: 'cafeteria',
      problems: ['insects', 'no_gloves'],
    });
  });

  it('accepts a single key for a multi-value list', () => {
    expect(
      taxonomy.validateAttributes('restaurant_hygiene', {
        establishment_name: 'Al Baik',
        problems: 'insects',
      }),
    ).toEqual({ establishment_name: 'Al Baik', problems: ['insects'] });
  });

  it('accepts no attributes for a category that requires none', () => {
    expect(taxonomy.validateAttributes('street_cleanliness', undefined)).toEqual({});
  });

  it('reports a required attribute that is missing or blank', () => {
    expect(issuesOfAttributes(undefined)).toEqual([
      { path: 'attributes.establishment_name', code: 'required' },
    ]);
    expect(issuesOfAttributes({ establishment_name: '   ' })).toEqual([
      { path: 'attributes.establishment_name', code: 'required' },
    ]);
  });

  it('reports attributes the category does not have', () => {
    expect(issuesOfAttributes({ establishment_name: 'Al Baik', plate: 'ABC 123' })).toEqual([
      { path: 'attributes.plate', code: 'unrecognized_key' },
    ]);
  });

  it('reports values of the wrong datatype', () => {
    expect(
      issuesOfAttributes({
        establishment_name: 42,
        seats: 'many',
        seen_at: 'yesterday',
        kind: true,
        problems: [1, 2],
      }),
    ).toEqual([
      { path: 'attributes.establishment_name', code: 'invalid_type' },
      { path: 'attributes.seats', code: 'invalid_type' },
      { path: 'attributes.seen_at', code: 'invalid_format' },
      { path: 'attributes.kind', code: 'invalid_type' },
      { path: 'attributes.problems', code: 'invalid_type' },
    ]);
  });

  it('refuses a date that does not exist', () => {
    expect(
      issuesOfAttributes({ establishment_name: 'Al Baik', seen_at: '2026-02-30T10:00:00Z' }),
    ).toEqual([{ path: 'attributes.seen_at', code: 'invalid_format' }]);
  });

  it('reports list values that are not in the list', () => {
    expect(
      issuesOfAttributes({ establishment_name: 'Al Baik', kind: 'bakery', problems: ['rats'] }),
    ).toEqual([
      { path: 'attributes.kind', code: 'invalid_value' },
      { path: 'attributes.problems', code: 'invalid_value' },
    ]);
  });

  it('throws UNKNOWN_CATEGORY for an unknown category', () => {
    expect(() => taxonomy.validateAttributes('potholes', {})).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_CATEGORY' }),
    );
  });
});
