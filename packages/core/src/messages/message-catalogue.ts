import type { Language } from '../schemas/language.js';
import { ar } from './catalogue/ar.js';
import { bn } from './catalogue/bn.js';
import { en } from './catalogue/en.js';
import { fa } from './catalogue/fa.js';
import { fr } from './catalogue/fr.js';
import { hi } from './catalogue/hi.js';
import { id } from './catalogue/id.js';
import { ms } from './catalogue/ms.js';
import { tr } from './catalogue/tr.js';
import { ur } from './catalogue/ur.js';
import type { MessageCatalogue } from './message-template.js';

/**
 * Every message a reporter is told, in every language Balagh speaks: each catalogue is complete
 * (every kind, long and short), so no reporter falls back to a language they did not choose.
 */
export const messageCatalogue: { readonly [L in Language]: MessageCatalogue } = {
  ar,
  en,
  ur,
  hi,
  id,
  ms,
  bn,
  tr,
  fr,
  fa,
};
