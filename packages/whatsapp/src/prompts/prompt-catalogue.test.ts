import { defaultTaxonomy } from '@balagh/core';
import { describe, expect, it } from 'vitest';
import { describeLocation } from '../conversation/conversation-replies.js';
import { promptCatalogue } from './prompt-catalogue.js';
import { promptDefinitions, promptKeys } from './prompt-keys.js';
import { renderPrompt } from './render-prompt.js';
import { whatsAppLanguages } from './whatsapp-languages.js';

const placeholders = (text: string) =>
  [...text.matchAll(/\{([A-Za-z]+)\}/g)].map((match) => match[1]).sort();

/** The longest value each variable takes in practice: what the limits are checked with. */
function longestValues(language: (typeof whatsAppLanguages)[number]): Record<string, string> {
  const longestCategory = defaultTaxonomy.categories
    .map((category) => defaultTaxonomy.localize(category.name, language))
    .reduce((a, b) => (b.length > a.length ? b : a), '');
  return {
    category: longestCategory,
    // The summary quotes at most 400 characters of the description.
    description: 'م'.repeat(400),
    location: describeLocation(
      { lat: -89.123456, lng: -179.123456, address: 'ش'.repeat(500) },
      language,
    ),
    photo: renderPrompt('photo_attached', language),
    coordinates: '-89.12346, -179.12346',
    number: '1448-000123-7',
    status: renderPrompt('status_awaiting_info', language),
    updatedAt: 'Jumada II 17, 1448 AH at 10:00 PM (November 27, 2026 at 10:00 PM)',
    dueAt: 'Jumada II 17, 1448 AH at 10:00 PM (November 27, 2026 at 10:00 PM)',
    attemptsLeft: '5',
  };
}

describe('the prompt catalogue', () => {
  it('has every prompt in every language, none empty', () => {
    for (const language of whatsAppLanguages) {
      expect(Object.keys(promptCatalogue[language]).sort()).toEqual([...promptKeys].sort());
      for (const key of promptKeys) expect(promptCatalogue[language][key].trim()).not.toBe('');
    }
  });

  it('uses exactly the declared placeholders in every language', () => {
    for (const language of whatsAppLanguages) {
      for (const key of promptKeys) {
        expect(placeholders(promptCatalogue[language][key]), `${language}.${key}`).toEqual(
          [...promptDefinitions[key].variables].sort(),
        );
      }
    }
  });

  it('keeps every prompt within the WhatsApp limit of where it goes, with the longest values', () => {
    for (const language of whatsAppLanguages) {
      const values = longestValues(language);
      for (const key of promptKeys) {
        const rendered = (
          renderPrompt as (key: string, language: string, values: object) => string
        )(key, language, values);
        expect(rendered.length, `${language}.${key}`).toBeLessThanOrEqual(
          promptDefinitions[key].limit,
        );
      }
    }
  });

  it('is not English in the other languages', () => {
    for (const language of whatsAppLanguages.filter((candidate) => candidate !== 'en')) {
      const same = promptKeys.filter(
        (key) =>
          promptCatalogue[language][key] === promptCatalogue.en[key] &&
          !key.startsWith('status_report'),
      );
      expect(same, language).toEqual([]);
    }
  });

  it('names a missing variable when rendering', () => {
    expect(() =>
      (renderPrompt as (key: string, language: string) => string)('attempts_left', 'en'),
    ).toThrowError(
      expect.objectContaining({
        code: 'MISSING_MESSAGE_VARIABLE',
        details: { prompt: 'attempts_left', variable: 'attemptsLeft' },
      }),
    );
    expect(renderPrompt('attempts_left', 'ar', { attemptsLeft: '3' })).toBe(
      'المحاولات المتبقية: 3.',
    );
  });
});
