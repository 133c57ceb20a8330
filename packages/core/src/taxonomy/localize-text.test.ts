import { describe, expect, it } from 'vitest';
import { localizeText } from './localize-text.js';

describe('localizeText', () => {
  const full = { ar: 'نظافة', en: 'Cleanliness', id: 'Kebersihan', ms: 'Kebersihan awam' };

  it('answers in the asked language when the text has it', () => {
    expect(localizeText(full, 'ms', 'ar')).toBe('Kebersihan awam');
  });

  it('gives a Malay reader the Indonesian text, and the reverse, before the default', () => {
    expect(localizeText({ ar: 'نظافة', id: 'Kebersihan' }, 'ms', 'ar')).toBe('Kebersihan');
    expect(localizeText({ ar: 'نظافة', ms: 'Kebersihan awam' }, 'id', 'ar')).toBe(
      'Kebersihan awam',
    );
  });

  it('does not give an Urdu reader Persian or Hindi text, but the default language', () => {
    expect(
      localizeText({ fa: 'نظافت', hi: 'सफ़ाई', ar: 'نظافة', en: 'Cleanliness' }, 'ur', 'ar'),
    ).toBe('نظافة');
  });

  it('falls back to English when the default language is missing too', () => {
    expect(localizeText({ en: 'Cleanliness', tr: 'Temizlik' }, 'ur', 'ar')).toBe('Cleanliness');
  });

  it('falls back to the first text present when neither the default nor English exists', () => {
    expect(localizeText({ tr: 'Temizlik', hi: 'सफ़ाई' }, 'fr', 'ar')).toBe('सफ़ाई');
  });

  it('uses English as the default language when none is given', () => {
    expect(localizeText({ ar: 'نظافة', en: 'Cleanliness' }, 'bn')).toBe('Cleanliness');
  });

  it('returns an empty string for a text without any language', () => {
    expect(localizeText({}, 'ar', 'ar')).toBe('');
  });
});
