import { BalaghError } from '../errors/balagh-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { SlaPolicy } from '../schemas/calendar.js';
import type { LocalizedCategory } from '../schemas/category-list.js';
import type { Language } from '../schemas/language.js';
import type { AttributeValue } from '../schemas/report-input.js';
import {
  type Category,
  type CategoryGroup,
  type Department,
  type LocalizedText,
  type TaxonomyDefinition,
  taxonomyDefinitionSchema,
} from '../schemas/taxonomy.js';
import { parseInput } from '../validation/parse-input.js';
import {
  type CategoryMatch,
  type CategoryMatcher,
  createCategoryMatcher,
} from './create-category-matcher.js';
import { findTaxonomyIssues } from './find-taxonomy-issues.js';
import { localizeText } from './localize-text.js';
import { validateCategoryAttributes } from './validate-category-attributes.js';

/**
 * A checked, immutable taxonomy: groups of categories, the departments that handle them and
 * their SLA policies, with lookups, localisation and free-text matching.
 *
 * Every object reachable from it is frozen. Build one with {@link createTaxonomy}, or use
 * `defaultTaxonomy`.
 */
export interface Taxonomy {
  /** The definition it was built from, parsed and frozen. */
  readonly definition: TaxonomyDefinition;
  /** Languages every name and description exists in. */
  readonly languages: readonly Language[];
  /** Language used when a text is missing in the asked one (after Malay ↔ Indonesian). */
  readonly defaultLanguage: Language;
  /** Every category, in the definition's order. */
  readonly categories: readonly Category[];
  /** Every group, in the definition's order. */
  readonly groups: readonly CategoryGroup[];
  /** Every department, in the definition's order. */
  readonly departments: readonly Department[];
  /** Every SLA policy, in the definition's order. */
  readonly slaPolicies: readonly SlaPolicy[];
  /** Finds a category by code; `undefined` when there is none. */
  category(code: string): Category | undefined;
  /**
   * Finds a category by code.
   *
   * @throws {@link BalaghError} `UNKNOWN_CATEGORY` naming the code when there is none.
   */
  requireCategory(code: string): Category;
  /** Finds a group by code; `undefined` when there is none. */
  group(code: string): CategoryGroup | undefined;
  /** Finds a department by code; `undefined` when there is none. */
  department(code: string): Department | undefined;
  /** Finds an SLA policy by code; `undefined` when there is none. */
  slaPolicy(code: string): SlaPolicy | undefined;
  /**
   * The SLA policy that applies to reports of a category.
   *
   * @throws {@link BalaghError} `UNKNOWN_CATEGORY` when the category does not exist.
   */
  slaPolicyFor(categoryCode: string): SlaPolicy;
  /**
   * Picks a text in a language, falling back to Malay ↔ Indonesian, then the taxonomy's
   * default language, then English, then any text present (see `localizeText`).
   */
  localize(text: LocalizedText, language: Language): string;
  /** Every category as a reporter sees it in a language, in the definition's order. */
  localizedCategories(language: Language): LocalizedCategory[];
  /**
   * Checks attribute values given for a category and returns them cleaned (strings trimmed,
   * numbers parsed, date times in UTC, unknown keys refused).
   *
   * @throws {@link BalaghError} `UNKNOWN_CATEGORY` when the category does not exist.
   * @throws {@link ValidationError} `VALIDATION_FAILED` with issues at `attributes.<code>`:
   *   `required`, `unrecognized_key`, `invalid_type`, `invalid_format`, `invalid_value`.
   */
  validateAttributes(
    categoryCode: string,
    attributes: Readonly<Record<string, AttributeValue>> | undefined,
  ): Record<string, AttributeValue>;
  /**
   * Ranks this taxonomy's categories for a free text, best first, keeping those with a score
   * above 0 (at most `limit` of them). See `matchCategories`.
   *
   * @throws {@link ValidationError} `VALIDATION_FAILED` when `limit` is not a non-negative integer.
   */
  matchCategories(
    text: string,
    language: Language,
    options?: { readonly limit?: number },
  ): CategoryMatch[];
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function byCode<T extends { readonly code: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [item.code, item]));
}

/**
 * Builds a {@link Taxonomy} from a definition after checking it completely.
 *
 * Beyond the schema, it checks that codes are unique (categories, groups, departments, SLA
 * policies, attributes and list values), that every name, description and attribute question
 * exists in each of `languages`, that `defaultLanguage` is one of them, that categories name
 * existing groups, departments and SLA policies, and that list attributes have values.
 *
 * @throws {@link ValidationError} `INVALID_TAXONOMY` whose issues name each problem by path,
 *   such as `categories.3.code` (`duplicate_code`), `categories.0.name.ur`
 *   (`missing_translation`), `categories.2.departmentCode` (`unknown_reference`),
 *   `defaultLanguage` (`unknown_language`), `categories.1.attributes.0.values`
 *   (`missing_values`).
 * @example
 * ```ts
 * const taxonomy = createTaxonomy({
 *   languages: ['ar', 'en'],
 *   defaultLanguage: 'ar',
 *   departments: [{ code: 'cleanliness', name: { ar: 'إدارة النظافة', en: 'Cleanliness' } }],
 *   slaPolicies: [{ code: 'normal', responseMinutes: 240, resolutionMinutes: 1440, calendar: { kind: 'always' } }],
 *   groups: [{ code: 'cleanliness', name: { ar: 'النظافة', en: 'Cleanliness' } }],
 *   categories: [{
 *     code: 'street_cleanliness', groupCode: 'cleanliness', departmentCode: 'cleanliness',
 *     priority: 'normal', slaPolicyCode: 'normal',
 *     name: { ar: 'نظافة الشوارع', en: 'Street cleanliness' },
 *     keywords: { ar: ['نفايات', 'زبالة'], en: ['garbage', 'litter'] },
 *   }],
 * });
 * taxonomy.matchCategories('زبالة في الشارع', 'ar')[0]?.category.code; // 'street_cleanliness'
 * ```
 */
export function createTaxonomy(definition: TaxonomyDefinition): Taxonomy {
  const parsed = parseInput(taxonomyDefinitionSchema, definition, 'taxonomy', 'INVALID_TAXONOMY');
  const issues = findTaxonomyIssues(parsed);
  if (issues.length > 0) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw new ValidationError(
      `Invalid taxonomy. ${first?.path}: ${first?.message}${more}`,
      issues,
      {
        code: 'INVALID_TAXONOMY',
      },
    );
  }
  const frozen = deepFreeze(structuredClone(parsed));
  const categories = byCode(frozen.categories);
  const groups = byCode(frozen.groups);
  const departments = byCode(frozen.departments);
  const policies = byCode(frozen.slaPolicies);
  // The keyword index takes a few milliseconds: build it on the first match, not at import.
  let matcher: CategoryMatcher | undefined;
  const localizedByLanguage = new Map<Language, readonly LocalizedCategory[]>();

  const localize = (text: LocalizedText, language: Language): string =>
    localizeText(text, language, frozen.defaultLanguage);

  const requireCategory = (code: string): Category => {
    const category = categories.get(code);
    if (category === undefined) {
      throw new BalaghError('UNKNOWN_CATEGORY', `There is no category "${code}".`, {
        details: { categoryCode: code },
      });
    }
    return category;
  };

  const localizeCategory = (category: Category, language: Language): LocalizedCategory => {
    const group = groups.get(category.groupCode);
    return deepFreeze({
      code: category.code,
      groupCode: category.groupCode,
      groupName: group === undefined ? '' : localize(group.name, language),
      name: localize(category.name, language),
      ...(category.description === undefined
        ? {}
        : { description: localize(category.description, language) }),
      priority: category.priority,
      attributes: (category.attributes ?? []).map((attribute) => ({
        code: attribute.code,
        datatype: attribute.datatype,
        required: attribute.required,
        description: localize(attribute.description, language),
        ...(attribute.values === undefined
          ? {}
          : {
              values: attribute.values.map((value) => ({
                key: value.key,
                name: localize(value.name, language),
              })),
            }),
      })),
    });
  };

  const taxonomy: Taxonomy = {
    definition: frozen,
    languages: frozen.languages,
    defaultLanguage: frozen.defaultLanguage,
    categories: frozen.categories,
    groups: frozen.groups,
    departments: frozen.departments,
    slaPolicies: frozen.slaPolicies,
    category: (code) => categories.get(code),
    requireCategory,
    group: (code) => groups.get(code),
    department: (code) => departments.get(code),
    slaPolicy: (code) => policies.get(code),
    slaPolicyFor: (categoryCode) => {
      const category = requireCategory(categoryCode);
      // findTaxonomyIssues guarantees the policy exists.
      return policies.get(category.slaPolicyCode)!;
    },
    localize,
    localizedCategories: (language) => {
      let localized = localizedByLanguage.get(language);
      if (localized === undefined) {
        localized = frozen.categories.map((category) => localizeCategory(category, language));
        localizedByLanguage.set(language, localized);
      }
      return [...localized];
    },
    validateAttributes: (categoryCode, attributes) =>
      validateCategoryAttributes(requireCategory(categoryCode), attributes),
    matchCategories: (text, language, options) => {
      matcher ??= createCategoryMatcher(frozen.categories);
      return matcher(text, language, options?.limit);
    },
  };
  return Object.freeze(taxonomy);
}
