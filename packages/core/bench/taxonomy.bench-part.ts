import type { Language } from '../src/schemas/language.js';
import { createTaxonomy } from '../src/taxonomy/create-taxonomy.js';
import { defaultTaxonomy } from '../src/taxonomy/default-taxonomy.js';
import { matchCategories } from '../src/taxonomy/match-categories.js';
import { normalizeForMatching } from '../src/taxonomy/normalize-for-matching.js';

/** Texts as reporters write them on WhatsApp, in the languages of the default taxonomy. */
const texts: readonly {
  readonly name: string;
  readonly text: string;
  readonly language: Language;
}[] = [
  { name: 'short Gulf Arabic', text: 'الانارة مطفية', language: 'ar' },
  {
    name: 'Arabic sentence',
    text: 'السلام عليكم، فيه ماسورة مكسورة عند مخيم ٤٥ في منى والموية تهرب من الصبح والشارع صار طين',
    language: 'ar',
  },
  {
    name: 'Urdu',
    text: 'گلی میں گٹر ابل رہا ہے اور بہت بدبو ہے، براہ کرم جلدی آئیں',
    language: 'ur',
  },
  {
    name: 'Hindi',
    text: 'होटल के पास सड़क पर बहुत बड़े गड्ढे हैं और रात को लाइट बंद रहती है',
    language: 'hi',
  },
  {
    name: 'Indonesian',
    text: 'Dapur restoran di dekat hotel kami sangat kotor, banyak lalat dan kecoak',
    language: 'id',
  },
  {
    name: 'long mixed text (1 KB)',
    text: 'Assalamualaikum, tong sampah penuh. '.repeat(10) + 'الزبالة مالية الشارع '.repeat(10),
    language: 'ms',
  },
];

const warmUpMilliseconds = 200;
const measureMilliseconds = 1_000;

function measure(name: string, run: () => unknown): { name: string; opsPerSecond: number } {
  const warmUpEnd = performance.now() + warmUpMilliseconds;
  while (performance.now() < warmUpEnd) run();
  let operations = 0;
  const start = performance.now();
  let elapsed = 0;
  // Check the clock every 16 calls so reading it does not dominate fast operations.
  while (elapsed < measureMilliseconds) {
    for (let index = 0; index < 16; index += 1) run();
    operations += 16;
    elapsed = performance.now() - start;
  }
  return { name, opsPerSecond: Math.round((operations * 1_000) / elapsed) };
}

/**
 * Measures free-text category matching on the default taxonomy: normalisation, matching of
 * realistic reports in five languages and a long mixed one, and building a taxonomy, without and
 * with its keyword index. Each case warms up for 0.2 s and is measured for about 1 s.
 */
export async function runTaxonomyBenchmarks(): Promise<
  Array<{ name: string; opsPerSecond: number }>
> {
  const results = [
    measure('taxonomy: normalizeForMatching (Arabic sentence)', () =>
      normalizeForMatching(texts[1]?.text ?? ''),
    ),
    ...texts.map(({ name, text, language }) =>
      measure(`taxonomy: matchCategories (${name})`, () => matchCategories(text, language)),
    ),
    measure('taxonomy: createTaxonomy (default definition)', () =>
      createTaxonomy(defaultTaxonomy.definition),
    ),
    // The keyword index is built on a taxonomy's first match.
    measure('taxonomy: createTaxonomy + first match (builds the keyword index)', () =>
      createTaxonomy(defaultTaxonomy.definition).matchCategories('زبالة', 'ar'),
    ),
  ];
  return results;
}
