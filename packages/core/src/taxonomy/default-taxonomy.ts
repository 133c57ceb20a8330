import { createTaxonomy, type Taxonomy } from './create-taxonomy.js';
import { defaultTaxonomyDefinition } from './default-taxonomy-data.js';

/**
 * The taxonomy Balagh ships: a Makkah-like municipality's 15 categories in 9 groups
 * (cleanliness, lighting and roads, public health, urban appearance, water and sewage,
 * vehicles, encroachments, animals, buildings), 10 departments and 4 SLA policies, named in
 * Arabic, English, Urdu, Hindi, Indonesian and Malay (and Bengali, Turkish, French and Persian
 * for names), with keywords in the six core languages. Its default language is Arabic.
 *
 * SLA policies, by priority: `urgent` 1 h to respond and 6 h to resolve, around the clock;
 * `high` 2 h and 24 h, around the clock; `normal` 4 working hours and 3 working days; `low` 1
 * working day and 10 working days — working time being Sunday to Thursday, 08:00–16:00
 * Asia/Riyadh.
 *
 * Extend it by building a new taxonomy from its definition.
 *
 * @example
 * ```ts
 * defaultTaxonomy.requireCategory('street_lighting').priority; // 'high'
 * defaultTaxonomy.localizedCategories('ur')[0]?.name;          // 'سڑکوں کی صفائی اور کچرا'
 * const mine = createTaxonomy({
 *   ...defaultTaxonomy.definition,
 *   categories: defaultTaxonomy.definition.categories.filter((category) => category.code !== 'dead_animal'),
 * });
 * ```
 */
export const defaultTaxonomy: Taxonomy = /* @__PURE__ */ createTaxonomy(defaultTaxonomyDefinition);
