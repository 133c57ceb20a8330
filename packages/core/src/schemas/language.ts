import * as z from 'zod/mini';

/**
 * The languages Balagh speaks, as BCP 47 primary tags: Arabic, English, Urdu, Hindi,
 * Indonesian, Malay, Bengali, Turkish, French and Persian.
 */
export const languages = ['ar', 'en', 'ur', 'hi', 'id', 'ms', 'bn', 'tr', 'fr', 'fa'] as const;

/** Schema of a {@link Language}. */
export const languageSchema = z.enum(languages);

/** A language Balagh speaks to reporters in. */
export type Language = z.infer<typeof languageSchema>;

/** The languages every shipped catalogue (taxonomy, messages, prompts) covers completely. */
export const coreLanguages = [
  'ar',
  'en',
  'ur',
  'hi',
  'id',
  'ms',
] as const satisfies readonly Language[];

/** Languages written right to left. */
export const rightToLeftLanguages = ['ar', 'ur', 'fa'] as const satisfies readonly Language[];

/** Tells whether a language is written right to left (Arabic, Urdu, Persian). */
export function isRightToLeft(language: Language): boolean {
  return (rightToLeftLanguages as readonly Language[]).includes(language);
}

/** Tells whether a string is a {@link Language} code. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}
