import type { Language } from '../schemas/language.js';
import type { CategoryMatch } from './create-category-matcher.js';
import type { Taxonomy } from './create-taxonomy.js';
import { defaultTaxonomy } from './default-taxonomy.js';

/** Options of {@link matchCategories}. */
export interface MatchCategoriesOptions {
  /** The taxonomy whose categories are ranked; `defaultTaxonomy` when left out. */
  readonly taxonomy?: Taxonomy;
  /** Keep at most this many matches; all of them when left out. */
  readonly limit?: number;
}

/**
 * Suggests categories for a reporter's free text ("الانارة مطفية", "dapur restoran kotor"),
 * best first, keeping only those with a score above 0.
 *
 * The text and the keywords are normalised with `normalizeForMatching` (diacritics, tashkeel,
 * tatweel, Arabic and Urdu letter forms, digits), then matched word by word and as multi-word
 * keywords, also without the Arabic article ("الانارة" finds "إنارة"), on shared stems
 * ("lights" and "light", "berlubang" and "lubang", "کچرے" and "کچرا") and on prefixes ("lamp"
 * and "lampu"). Keywords in `language` weigh more, but those of other languages count too,
 * because reporters mix languages. A score of about 0.6 means one clear keyword in the
 * reporter's language; weaker scores come from other languages or looser matches. Never throws
 * on any string.
 *
 * @throws {@link ValidationError} `VALIDATION_FAILED` when `limit` is not a non-negative integer.
 * @example
 * ```ts
 * const [best] = matchCategories('الانارة مطفية', 'ar');
 * best?.category.code; // 'street_lighting'
 * best?.matched;       // ['إنارة', 'مطفية']
 * ```
 */
export function matchCategories(
  text: string,
  language: Language,
  options: MatchCategoriesOptions = {},
): CategoryMatch[] {
  const taxonomy = options.taxonomy ?? defaultTaxonomy;
  return taxonomy.matchCategories(
    text,
    language,
    options.limit === undefined ? undefined : { limit: options.limit },
  );
}
