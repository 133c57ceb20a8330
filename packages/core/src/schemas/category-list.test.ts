import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from '../taxonomy/default-taxonomy.js';
import { categoryListSchema } from './category-list.js';
import { languages } from './language.js';

describe('categoryListSchema', () => {
  it('describes the categories of the default taxonomy in every language', () => {
    for (const language of languages) {
      const list = { language, categories: defaultTaxonomy.localizedCategories(language) };
      expect(categoryListSchema.safeParse(list).error?.issues).toBeUndefined();
    }
  });

  it('refuses a category with a member it does not know', () => {
    const [category] = defaultTaxonomy.localizedCategories('en');
    const list = { language: 'en', categories: [{ ...category, departmentCode: 'cleanliness' }] };
    expect(categoryListSchema.safeParse(list).success).toBe(false);
  });
});
