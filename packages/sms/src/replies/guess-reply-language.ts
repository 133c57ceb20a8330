import type { Language } from '@balagh/core';

// Letters only Urdu uses among the Arabic-script languages Balagh speaks.
const urduLetters = /[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06D2]/u;
// Letters Persian uses and Arabic does not (پ چ ژ گ and the Persian keheh and yeh).
const persianLetters = /[\u067E\u0686\u0698\u06AF\u06A9\u06CC]/u;
const arabicScript = /\p{Script=Arabic}/u;
const devanagari = /\p{Script=Devanagari}/u;
const bengali = /\p{Script=Bengali}/u;

/**
 * Guesses the language of a reply from its script, for answering a reporter whose report is
 * unknown: Urdu or Persian by their own letters, else Arabic for Arabic script; Hindi for
 * Devanagari; Bengali; and the fallback for Latin script, which cannot be told apart this way.
 */
export function guessReplyLanguage(text: string, fallback: Language): Language {
  if (urduLetters.test(text)) return 'ur';
  if (persianLetters.test(text)) return 'fa';
  if (arabicScript.test(text)) return 'ar';
  if (devanagari.test(text)) return 'hi';
  if (bengali.test(text)) return 'bn';
  return fallback;
}
