import { normalizeForMatching } from '@balagh/core';
import { languageNames, type WhatsAppLanguage } from '../prompts/whatsapp-languages.js';

/** How reporters name each language when they type it instead of tapping the list. */
const aliases: { readonly [L in WhatsAppLanguage]: readonly string[] } = {
  ar: ['arabic', 'arab', 'عربي', 'عربى', 'العربي', 'عربی', 'अरबी', 'bahasa arab'],
  en: [
    'english',
    'inggris',
    'انجليزي',
    'الانجليزية',
    'انگریزی',
    'अंग्रेज़ी',
    'इंग्लिश',
    'bahasa inggris',
  ],
  ur: ['urdu', 'اردو', 'الأردية', 'اردي', 'उर्दू'],
  hi: ['hindi', 'هندي', 'الهندية', 'ہندی', 'हिंदी'],
  id: ['indonesian', 'indonesia', 'bahasa', 'اندونيسي', 'الإندونيسية', 'انڈونیشی', 'इंडोनेशियाई'],
  ms: ['malay', 'melayu', 'malaysia', 'bahasa malaysia', 'ملايو', 'الملايوية', 'مالے', 'मलय'],
};

const byName = new Map<string, WhatsAppLanguage>();
for (const [language, names] of Object.entries(aliases) as [
  WhatsAppLanguage,
  readonly string[],
][]) {
  for (const name of [languageNames[language], ...names])
    byName.set(normalizeForMatching(name), language);
}

/** Reads a language name a reporter typed ("اردو", "Bahasa Melayu", "english"), if it is one. */
export function matchLanguageName(text: string): WhatsAppLanguage | undefined {
  return byName.get(normalizeForMatching(text));
}
