import { BalaghError } from '@balagh/core';
import { promptCatalogue } from './prompt-catalogue.js';
import type { PromptKey, PromptVariables } from './prompt-keys.js';
import type { WhatsAppLanguage } from './whatsapp-languages.js';

const placeholder = /\{([A-Za-z]+)\}/g;

/**
 * Renders one prompt of the conversation in a language, filling its `{variables}`.
 *
 * @throws `BalaghError` `MISSING_MESSAGE_VARIABLE` when a placeholder has no value
 * (details: `prompt`, `variable`).
 * @example
 * ```ts
 * renderPrompt('attempts_left', 'en', { attemptsLeft: '3' }); // 'Attempts left: 3.'
 * ```
 */
export function renderPrompt<K extends PromptKey>(
  key: K,
  language: WhatsAppLanguage,
  ...[variables]: PromptVariables<K> extends Record<string, never>
    ? [variables?: PromptVariables<K>]
    : [variables: PromptVariables<K>]
): string {
  const values = (variables ?? {}) as Readonly<Record<string, string>>;
  return promptCatalogue[language][key].replace(placeholder, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new BalaghError(
        'MISSING_MESSAGE_VARIABLE',
        `The ${key} prompt needs the variable ${name}.`,
        {
          details: { prompt: key, variable: name },
        },
      );
    }
    return value;
  });
}
