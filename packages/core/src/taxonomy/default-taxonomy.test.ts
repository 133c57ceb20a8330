import { describe, expect, it } from 'vitest';
import { calendarSchema } from '../schemas/calendar.js';
import { coreLanguages } from '../schemas/language.js';
import type { LocalizedText } from '../schemas/taxonomy.js';
import { defaultBusinessCalendar } from '../sla/default-business-calendar.js';
import { createTaxonomy } from './create-taxonomy.js';
import { defaultTaxonomy } from './default-taxonomy.js';
import { normalizeForMatching } from './normalize-for-matching.js';

const everyName: [string, LocalizedText][] = [
  ...defaultTaxonomy.departments.map((department): [string, LocalizedText] => [
    `department ${department.code}`,
    department.name,
  ]),
  ...defaultTaxonomy.groups.map((group): [string, LocalizedText] => [
    `group ${group.code}`,
    group.name,
  ]),
  ...defaultTaxonomy.categories.flatMap((category): [string, LocalizedText][] => [
    [`category ${category.code}`, category.name],
    ...(category.description
      ? [[`${category.code} description`, category.description] as [string, LocalizedText]]
      : []),
    ...(category.attributes ?? []).flatMap((attribute): [string, LocalizedText][] => [
      [`${category.code}.${attribute.code}`, attribute.description],
      ...(attribute.values ?? []).map((value): [string, LocalizedText] => [
        `${category.code}.${attribute.code}.${value.key}`,
        value.name,
      ]),
    ]),
  ]),
];

describe('defaultTaxonomy', () => {
  it('passes createTaxonomy again from its own definition', () => {
    expect(() => createTaxonomy(defaultTaxonomy.definition)).not.toThrow();
  });

  it('speaks the six core languages and defaults to Arabic', () => {
    expect([...defaultTaxonomy.languages].sort()).toEqual([...coreLanguages].sort());
    expect(defaultTaxonomy.defaultLanguage).toBe('ar');
  });

  it.each(everyName)('names %s in all six core languages', (_, text) => {
    for (const language of coreLanguages) {
      expect(text[language], language).toMatch(/\S/);
    }
  });

  it('names departments, groups and categories in Bengali, Turkish, French and Persian too', () => {
    for (const item of [
      ...defaultTaxonomy.departments,
      ...defaultTaxonomy.groups,
      ...defaultTaxonomy.categories,
    ]) {
      for (const language of ['bn', 'tr', 'fr', 'fa'] as const) {
        expect(item.name[language], `${item.code} ${language}`).toMatch(/\S/);
      }
    }
  });

  it.each(defaultTaxonomy.categories.map((category) => [category.code, category] as const))(
    'has several keywords in each core language for %s',
    (_, category) => {
      for (const language of coreLanguages) {
        const keywords = category.keywords[language] ?? [];
        expect(keywords.length, language).toBeGreaterThanOrEqual(5);
        // The same word twice in one list is a copy-paste slip.
        const normalized = keywords.map(normalizeForMatching);
        expect(new Set(normalized).size, `${language} duplicates`).toBe(normalized.length);
      }
    },
  );

  it('writes Urdu keywords in Arabic script and Hindi keywords in Devanagari, with a few romanised', () => {
    for (const category of defaultTaxonomy.categories) {
      const urdu = category.keywords.ur ?? [];
      const hindi = category.keywords.hi ?? [];
      expect(urdu.filter((word) => /[\u0600-\u06FF]/.test(word)).length).toBeGreaterThanOrEqual(5);
      expect(hindi.filter((word) => /[\u0900-\u097F]/.test(word)).length).toBeGreaterThanOrEqual(5);
    }
  });

  it('covers the categories the municipality names', () => {
    expect(defaultTaxonomy.categories.map((category) => category.code)).toEqual(
      expect.arrayContaining([
        'street_cleanliness',
        'overflowing_bins',
        'street_lighting',
        'visual_distortion',
        'abandoned_vehicle',
        'encroachment',
        'restaurant_hygiene',
        'food_storage',
        'road_damage',
        'water_leak',
        'sewage_overflow',
        'pests',
        'stray_animals',
        'building_violation',
      ]),
    );
  });

  it('asks for the establishment in food categories and optionally for a plate', () => {
    for (const code of ['restaurant_hygiene', 'food_storage']) {
      expect(defaultTaxonomy.requireCategory(code).attributes).toContainEqual(
        expect.objectContaining({ code: 'establishment_name', datatype: 'string', required: true }),
      );
    }
    expect(defaultTaxonomy.requireCategory('abandoned_vehicle').attributes).toContainEqual(
      expect.objectContaining({ code: 'plate', required: false }),
    );
  });

  it('maps each priority to the SLA policy of the same name', () => {
    for (const category of defaultTaxonomy.categories) {
      expect(defaultTaxonomy.slaPolicyFor(category.code).code).toBe(category.priority);
    }
  });

  it('runs urgent and high clocks around the clock and the others in Riyadh business hours', () => {
    expect(defaultTaxonomy.slaPolicy('urgent')).toMatchObject({
      responseMinutes: 60,
      resolutionMinutes: 360,
      calendar: { kind: 'always' },
    });
    expect(defaultTaxonomy.slaPolicy('high')?.calendar.kind).toBe('always');
    for (const code of ['normal', 'low']) {
      const calendar = defaultTaxonomy.slaPolicy(code)?.calendar;
      expect(calendarSchema.safeParse(calendar).success).toBe(true);
      // Saudi government hours, with Ramadan hours and the Eids off.
      expect(calendar).toEqual(defaultBusinessCalendar);
    }
    expect(defaultTaxonomy.slaPolicy('low')?.resolutionMinutes).toBe(10 * 8 * 60);
  });

  it('lists its categories in Urdu with Urdu group names', () => {
    const categories = defaultTaxonomy.localizedCategories('ur');
    expect(categories).toHaveLength(defaultTaxonomy.categories.length);
    expect(categories.find((category) => category.code === 'street_lighting')).toMatchObject({
      name: 'اسٹریٹ لائٹس',
      groupName: 'روشنی اور سڑکیں',
    });
  });
});
