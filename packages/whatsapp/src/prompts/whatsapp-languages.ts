import type { Language } from '@balagh/core';

/**
 * The languages the WhatsApp conversation speaks: Arabic, English, Urdu, Hindi, Indonesian and
 * Malay, the languages of most pilgrims and residents who report in Makkah.
 */
export const whatsAppLanguages = [
  'ar',
  'en',
  'ur',
  'hi',
  'id',
  'ms',
] as const satisfies readonly Language[];

/** One of {@link whatsAppLanguages}. */
export type WhatsAppLanguage = (typeof whatsAppLanguages)[number];

/** Tells whether a value is one of {@link whatsAppLanguages}. */
export function isWhatsAppLanguage(value: unknown): value is WhatsAppLanguage {
  return typeof value === 'string' && (whatsAppLanguages as readonly string[]).includes(value);
}

/** Each language's name in itself, as the language list shows it. */
export const languageNames: { readonly [L in WhatsAppLanguage]: string } = {
  ar: 'العربية',
  en: 'English',
  ur: 'اردو',
  hi: 'हिन्दी',
  id: 'Bahasa Indonesia',
  ms: 'Bahasa Melayu',
};
