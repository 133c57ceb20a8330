import { createTaxonomy, defaultTaxonomy, type Taxonomy } from '@balagh/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLimitViolations } from '../outgoing/find-limit-violations.js';
import type { OutgoingMessage } from '../outgoing/outgoing-message.js';
import { whatsAppLanguages } from '../prompts/whatsapp-languages.js';
import {
  categoryMenu,
  type MenuPosition,
  parseMenuRowId,
  suggestionMenu,
} from './category-menu.js';

function rowsOf(message: OutgoingMessage) {
  if (message.type !== 'list') throw new Error('not a list');
  return message.sections.flatMap((section) => section.rows);
}

/** Walks the menu from its first page, tapping every group and "More…" row; returns the categories reached. */
function reachableCategories(taxonomy: Taxonomy, language: (typeof whatsAppLanguages)[number]) {
  const reached = new Set<string>();
  const queue: MenuPosition[] = [{ page: 0 }];
  const visited = new Set<string>();
  while (queue.length > 0) {
    const position = queue.shift()!;
    const key = `${position.groupCode ?? '*'}:${position.page}`;
    if (visited.has(key)) continue;
    visited.add(key);
    const menu = categoryMenu(taxonomy, language, position);
    expect(findLimitViolations(menu), `${language} ${key}`).toEqual([]);
    for (const row of rowsOf(menu)) {
      const target = parseMenuRowId(row.id);
      if (target?.type === 'category') reached.add(target.code);
      else if (target?.type === 'group') queue.push({ groupCode: target.code, page: 0 });
      else if (target?.type === 'page') queue.push(target.position);
    }
  }
  return reached;
}

function bigTaxonomy(categoryCount: number, groupCount: number): Taxonomy {
  const definition = defaultTaxonomy.definition;
  const groups = Array.from({ length: groupCount }, (_, index) => ({
    code: `group_${index}`,
    name: {
      ar: `مجموعة ${index} باسم طويل جداً جداً`,
      en: `Group number ${index} with a very long name`,
    },
  }));
  const template = definition.categories[0]!;
  return createTaxonomy({
    ...definition,
    languages: ['ar', 'en'],
    defaultLanguage: 'ar',
    groups,
    categories: Array.from({ length: categoryCount }, (_, index) => ({
      code: `category_${index}`,
      groupCode: `group_${index % groupCount}`,
      departmentCode: template.departmentCode,
      priority: template.priority,
      slaPolicyCode: template.slaPolicyCode,
      name: { ar: `تصنيف رقم ${index} باسم أطول من أربعة وعشرين حرفاً`, en: `Category ${index}` },
      keywords: { en: [`word${index}`] },
    })),
  });
}

describe('categoryMenu', () => {
  it('reaches every category of the default taxonomy in every language, within WhatsApp limits', () => {
    for (const language of whatsAppLanguages) {
      expect([...reachableCategories(defaultTaxonomy, language)].sort()).toEqual(
        defaultTaxonomy.categories.map((category) => category.code).sort(),
      );
    }
  });

  it('shows the default taxonomy as groups first, a group of one as its category', () => {
    const rows = rowsOf(categoryMenu(defaultTaxonomy, 'en'));
    expect(rows.length).toBeLessThanOrEqual(10);
    expect(rows.some((row) => row.id.startsWith('grp:'))).toBe(true);
    const groupOfOne = defaultTaxonomy.groups.find(
      (group) =>
        defaultTaxonomy.categories.filter((category) => category.groupCode === group.code)
          .length === 1,
    );
    if (groupOfOne !== undefined) expect(rows.some((row) => row.id.startsWith('cat:'))).toBe(true);
  });

  it('pages any taxonomy with "More…" rows so that every category stays reachable', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 25 }),
        (categories, groups) => {
          const taxonomy = bigTaxonomy(categories, Math.min(groups, categories));
          for (const language of ['ar', 'en'] as const) {
            expect(reachableCategories(taxonomy, language).size).toBe(categories);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('puts a small taxonomy in one list, by group', () => {
    const menu = categoryMenu(bigTaxonomy(7, 3), 'en');
    expect(menu.type === 'list' && menu.sections.map((section) => section.rows.length)).toEqual([
      3, 2, 2,
    ]);
    expect(findLimitViolations(menu)).toEqual([]);
  });

  it('offers suggestions with a way to the whole menu', () => {
    const [first, second] = defaultTaxonomy.categories;
    const menu = suggestionMenu(defaultTaxonomy, 'ur', [
      { category: first!, score: 0.8, matched: [] },
      { category: second!, score: 0.4, matched: [] },
    ]);
    expect(findLimitViolations(menu)).toEqual([]);
    expect(rowsOf(menu).map((row) => row.id)).toEqual([
      `cat:${first!.code}`,
      `cat:${second!.code}`,
      'all',
    ]);
  });
});
