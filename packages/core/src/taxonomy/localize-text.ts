import { type Language, languages } from '../schemas/language.js';
import type { LocalizedText } from '../schemas/taxonomy.js';

/**
 * Languages a reader of the key reads as well as their own, tried before the taxonomy's default.
 *
 * Only mutually intelligible pairs written in the same script are listed: Malay and Indonesian.
 * Hindi and Urdu are one spoken language in two scripts, and Arabic, Persian and Urdu share a
 * script but not a language, so none of them stands in for another: their readers get the
 * taxonomy's default language, then English.
 */
export const languageNeighbours: Readonly<Partial<Record<Language, readonly Language[]>>> = {
  ms: ['id'],
  id: ['ms'],
};

/**
 * Picks the text to show a reader of `language` from a {@link LocalizedText}.
 *
 * Tries, in order: the language itself; its neighbours ({@link languageNeighbours}: Malay for
 * Indonesian and the reverse); `defaultLanguage`; English; then the first text present, in the
 * order of {@link languages}. Returns `''` for a text with no language at all.
 *
 * @example
 * ```ts
 * localizeText({ ar: 'نظافة', id: 'Kebersihan' }, 'ms', 'ar'); // 'Kebersihan'
 * localizeText({ ar: 'نظافة', en: 'Cleanliness' }, 'ur', 'ar'); // 'نظافة'
 * ```
 */
export function localizeText(
  text: LocalizedText,
  language: Language,
  defaultLanguage: Language = 'en',
): string {
  const candidates: Language[] = [
    language,
    ...(languageNeighbours[language] ?? []),
    defaultLanguage,
    'en',
    ...languages,
  ];
  for (const candidate of candidates) {
    const value = text[candidate];
    if (value !== undefined && value !== '') return value;
  }
  return '';
}
