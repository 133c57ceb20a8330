import { ar } from './catalogue/ar.js';
import { en } from './catalogue/en.js';
import { hi } from './catalogue/hi.js';
import { id } from './catalogue/id.js';
import { ms } from './catalogue/ms.js';
import { ur } from './catalogue/ur.js';
import type { PromptCatalogue } from './prompt-keys.js';
import type { WhatsAppLanguage } from './whatsapp-languages.js';

/**
 * What the WhatsApp conversation says, in every language it speaks: one catalogue file per
 * language under `prompts/catalogue/`. A test checks that every language has every prompt,
 * with the same placeholders, within WhatsApp's limits.
 */
export const promptCatalogue: { readonly [L in WhatsAppLanguage]: PromptCatalogue } = {
  ar,
  en,
  ur,
  hi,
  id,
  ms,
};
