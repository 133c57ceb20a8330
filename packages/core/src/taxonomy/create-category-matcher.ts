import { ValidationError } from '../errors/validation-error.js';
import type { Language } from '../schemas/language.js';
import type { Category } from '../schemas/taxonomy.js';
import { tokenizeForMatching } from './normalize-for-matching.js';

/** A category suggested for a free text, with how strongly the text points at it. */
export interface CategoryMatch {
  /** The suggested category. */
  readonly category: Category;
  /** Strength of the suggestion, in (0, 1]; comparable across texts of one taxonomy. */
  readonly score: number;
  /** The category's keywords found in the text, as written in the taxonomy, strongest first. */
  readonly matched: readonly string[];
}

/**
 * Ranks the categories of one taxonomy for a free text.
 *
 * @internal
 */
export type CategoryMatcher = (text: string, language: Language, limit?: number) => CategoryMatch[];

/** Weight of a keyword in another language than the reporter's: mixed texts still count. */
const otherLanguageFactor = 0.6;
/** Each extra word of a multi-word keyword makes it this much more telling. */
const extraWordBonus = 0.5;
/** Words allowed between two words of a multi-word keyword ("سيارة قديمة مهملة"). */
const maxWordsBetween = 2;
/** Quality of a multi-word keyword found with its words in another order. */
const outOfOrderQuality = 0.9;
/** Quality of a match where one word only starts the other ("lamp" and "lampu"). */
const prefixQuality = 0.7;
/** Quality of a form with a suffix or affix taken off. */
const stemQuality = 0.85;
/**
 * A prefix match needs the shorter word at least this long: three letters are an Arabic root
 * ("مطب", a speed bump, starts "مطبخ", a kitchen) or a short Hindi word ("कार" starts "कारण").
 */
const minPrefixLength = 4;
/** A prefix match allows the longer word at most this many more characters. */
const maxPrefixExtra = 3;
/** How many distinct words a matcher remembers the lookups of. */
const maxRememberedWords = 10_000;

interface TokenForm {
  readonly form: string;
  readonly quality: number;
}

interface KeywordEntry {
  readonly keyword: string;
  readonly categoryIndex: number;
  readonly tokenCount: number;
  readonly languages: Set<string>;
  weight: number;
}

interface TokenRef {
  readonly keywordIndex: number;
  readonly position: number;
}

interface IndexedForm {
  readonly ref: TokenRef;
  readonly form: string;
  readonly quality: number;
}

interface Hit {
  readonly textPosition: number;
  readonly quality: number;
}

interface Candidate {
  readonly keyword: string;
  readonly positions: readonly number[];
  readonly value: number;
}

// The Arabic definite article, alone or after the prepositions و ب ف ك; "لل" is ل + ال.
const articlePrefixes = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال'];
// The one-letter proclitics و (and), ف (so), ب (with, in), ل (for): "وأكل فاسد".
const procliticPrefixes = ['و', 'ف', 'ب', 'ل'];
const procliticQuality = 0.9;
// Arabic and Urdu endings, longest first, in their folded spelling (ة → ه, ے and ی → ي).
const arabicScriptSuffixes = ['ات', 'ين', 'ون', 'وں', 'اں', 'يں', 'ها', 'ه', 'ي', 'ا'];
const englishSuffixes = ['ing', 'es', 'ed', 's'];
// Indonesian and Malay affixes: berlubang → lubang, kebocoran → bocor, lampunya → lampu.
const malayPrefixes = [
  'meng',
  'mem',
  'men',
  'ber',
  'ter',
  'per',
  'peng',
  'pem',
  'pen',
  'me',
  'pe',
  'di',
  'ke',
  'se',
];
const malaySuffixes = ['nya', 'kan', 'an'];
const arabicScript = /[\u0600-\u06FF\u0750-\u077F]/;
const latinWord = /^[a-z]+$/;
const indicTrailingSigns =
  /[\u0900-\u0903\u093A-\u094F\u0955-\u0957\u0962\u0963\u0981-\u0983\u09BE-\u09CD\u09D7\u09E2\u09E3]+$/;

function stripPrefix(
  word: string,
  prefixes: readonly string[],
  minRest: number,
): string | undefined {
  const prefix = prefixes.find(
    (candidate) => word.startsWith(candidate) && word.length - candidate.length >= minRest,
  );
  return prefix === undefined ? undefined : word.slice(prefix.length);
}

function stripSuffix(
  word: string,
  suffixes: readonly string[],
  minRest: number,
): string | undefined {
  const suffix = suffixes.find(
    (candidate) => word.endsWith(candidate) && word.length - candidate.length >= minRest,
  );
  return suffix === undefined ? undefined : word.slice(0, word.length - suffix.length);
}

/** The forms a normalised token is looked up under: itself, then its stems. */
function tokenForms(token: string): TokenForm[] {
  const forms = new Map<string, number>([[token, 1]]);
  const add = (form: string | undefined, quality: number): void => {
    if (form === undefined || form === '') return;
    if ((forms.get(form) ?? 0) < quality) forms.set(form, quality);
  };
  if (arabicScript.test(token)) {
    // The article is grammar, not meaning: "الانارة" is "انارة".
    const withoutArticle = stripPrefix(token, articlePrefixes, 3);
    add(withoutArticle, 1);
    add(stripPrefix(token, procliticPrefixes, 3), procliticQuality);
    add(stripSuffix(token, arabicScriptSuffixes, 3), stemQuality);
    if (withoutArticle !== undefined) {
      add(stripSuffix(withoutArticle, arabicScriptSuffixes, 3), stemQuality);
    }
  } else if (latinWord.test(token)) {
    if (token.endsWith('ies') && token.length > 4) add(`${token.slice(0, -3)}y`, stemQuality);
    if (!token.endsWith('ss')) add(stripSuffix(token, englishSuffixes, 3), stemQuality);
    const withoutPrefix = stripPrefix(token, malayPrefixes, 4);
    add(withoutPrefix, stemQuality);
    add(stripSuffix(token, malaySuffixes, 4), stemQuality);
    if (withoutPrefix !== undefined) {
      add(stripSuffix(withoutPrefix, malaySuffixes, 4), stemQuality - 0.05);
    }
  } else {
    const stem = token.replace(indicTrailingSigns, '');
    if (stem.length >= 2) add(stem, stemQuality);
  }
  return [...forms].map(([form, quality]) => ({ form, quality }));
}

function prefixKey(form: string): string | undefined {
  return form.length >= minPrefixLength ? form.slice(0, minPrefixLength) : undefined;
}

function isPrefixMatch(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return (
    shorter.length >= minPrefixLength &&
    longer.length - shorter.length <= maxPrefixExtra &&
    longer.startsWith(shorter)
  );
}

/**
 * Builds the keyword index of a list of categories once, and returns the function that ranks
 * them for a text.
 *
 * Keywords and text are tokenised with `normalizeForMatching`. Each text word is looked up
 * under its forms: itself; without the Arabic article (quality 1); without a one-letter Arabic
 * proclitic (0.9); with an Arabic, Urdu, English, Malay/Indonesian or Indic ending or affix
 * taken off (0.85). Whole words also match by prefix when the shorter has 4 letters or more and
 * the longer at most 3 more (0.7). A multi-word keyword matches when all its words are found
 * close together (0.9 when out of order).
 *
 * A keyword weighs `(1 + 0.5 per extra word) / √(number of categories sharing it)`, times 0.6
 * when it is not in the reporter's language, times the quality of its match. A category's
 * score is `1 − e^(−sum)` over its matched keywords, strongest first, each counting only for
 * the share of its words no stronger keyword of the category already counted.
 *
 * @internal
 */
export function createCategoryMatcher(categories: readonly Category[]): CategoryMatcher {
  const keywords: KeywordEntry[] = [];
  const keywordTokens: string[][] = [];
  const categoriesOfKeyword = new Map<string, Set<number>>();
  categories.forEach((category, categoryIndex) => {
    const byNormalized = new Map<string, KeywordEntry>();
    for (const [language, list] of Object.entries(category.keywords)) {
      for (const keyword of list ?? []) {
        const tokens = tokenizeForMatching(keyword);
        if (tokens.length === 0) continue;
        const normalized = tokens.join(' ');
        const existing = byNormalized.get(normalized);
        if (existing !== undefined) {
          existing.languages.add(language);
          continue;
        }
        const entry: KeywordEntry = {
          keyword,
          categoryIndex,
          tokenCount: tokens.length,
          languages: new Set([language]),
          weight: 1,
        };
        byNormalized.set(normalized, entry);
        keywords.push(entry);
        keywordTokens.push(tokens);
        const sharing = categoriesOfKeyword.get(normalized) ?? new Set<number>();
        sharing.add(categoryIndex);
        categoriesOfKeyword.set(normalized, sharing);
      }
    }
  });

  const exactIndex = new Map<string, IndexedForm[]>();
  const prefixIndex = new Map<string, IndexedForm[]>();
  keywords.forEach((entry, keywordIndex) => {
    const tokens = keywordTokens[keywordIndex] ?? [];
    const sharing = categoriesOfKeyword.get(tokens.join(' '))?.size ?? 1;
    entry.weight = (1 + extraWordBonus * (entry.tokenCount - 1)) / Math.sqrt(sharing);
    tokens.forEach((token, position) => {
      const ref: TokenRef = { keywordIndex, position };
      for (const { form, quality } of tokenForms(token)) {
        const indexed: IndexedForm = { ref, form, quality };
        pushTo(exactIndex, form, indexed);
        // Stems are already loose: only whole words (with or without the article) are
        // compared by prefix.
        const key = quality === 1 ? prefixKey(form) : undefined;
        if (key !== undefined) pushTo(prefixIndex, key, indexed);
      }
    });
  });

  // Words recur within a text and across reports: remember what each one matched, up to a
  // bound so that a stream of random words cannot grow it without limit.
  const lookUps = new Map<string, ReadonlyMap<TokenRef, number>>();
  const lookUp = (token: string): ReadonlyMap<TokenRef, number> => {
    const known = lookUps.get(token);
    if (known !== undefined) return known;
    const best = new Map<TokenRef, number>();
    for (const { form, quality } of tokenForms(token)) {
      for (const indexed of exactIndex.get(form) ?? []) {
        const matchQuality = Math.min(quality, indexed.quality);
        if ((best.get(indexed.ref) ?? 0) < matchQuality) best.set(indexed.ref, matchQuality);
      }
      const key = quality === 1 ? prefixKey(form) : undefined;
      for (const indexed of key === undefined ? [] : (prefixIndex.get(key) ?? [])) {
        if (indexed.form === form || !isPrefixMatch(form, indexed.form)) continue;
        const matchQuality = prefixQuality * Math.min(quality, indexed.quality);
        if ((best.get(indexed.ref) ?? 0) < matchQuality) best.set(indexed.ref, matchQuality);
      }
    }
    if (lookUps.size >= maxRememberedWords) lookUps.clear();
    lookUps.set(token, best);
    return best;
  };

  return (text, language, limit) => {
    if (typeof text !== 'string') {
      throw new ValidationError('The text to match must be a string.', [
        { path: 'text', code: 'invalid_type', message: 'expected string' },
      ]);
    }
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
      throw new ValidationError('The match limit must be a non-negative integer.', [
        { path: 'limit', code: 'invalid_value', message: 'must be a non-negative integer' },
      ]);
    }
    const hits = new Map<number, Hit[][]>();
    tokenizeForMatching(text).forEach((token, textPosition) => {
      for (const [ref, quality] of lookUp(token)) {
        let perPosition = hits.get(ref.keywordIndex);
        if (perPosition === undefined) {
          const tokenCount = keywords[ref.keywordIndex]?.tokenCount ?? 1;
          perPosition = Array.from({ length: tokenCount }, () => []);
          hits.set(ref.keywordIndex, perPosition);
        }
        perPosition[ref.position]?.push({ textPosition, quality });
      }
    });

    const candidatesByCategory = new Map<number, Candidate[]>();
    for (const [keywordIndex, perPosition] of hits) {
      const entry = keywords[keywordIndex];
      const chain = entry === undefined ? undefined : bestChain(perPosition);
      if (entry === undefined || chain === undefined) continue;
      const languageFactor = entry.languages.has(language) ? 1 : otherLanguageFactor;
      const candidates = candidatesByCategory.get(entry.categoryIndex) ?? [];
      candidates.push({
        keyword: entry.keyword,
        positions: chain.positions,
        value: chain.quality * entry.weight * languageFactor,
      });
      candidatesByCategory.set(entry.categoryIndex, candidates);
    }

    const ranked: Array<CategoryMatch & { readonly categoryIndex: number }> = [];
    for (const [categoryIndex, candidates] of candidatesByCategory) {
      const category = categories[categoryIndex];
      if (category === undefined) continue;
      candidates.sort((a, b) => b.value - a.value);
      const used = new Set<number>();
      const matched: string[] = [];
      let sum = 0;
      for (const candidate of candidates) {
        // A keyword counts for the words it adds: "lampu mati" after "lampu jalan" adds "mati".
        const fresh = candidate.positions.filter((position) => !used.has(position));
        if (fresh.length === 0) continue;
        for (const position of fresh) used.add(position);
        matched.push(candidate.keyword);
        sum += (candidate.value * fresh.length) / candidate.positions.length;
      }
      const score = 1 - Math.exp(-sum);
      if (score > 0) ranked.push({ category, score, matched, categoryIndex });
    }
    ranked.sort((a, b) => b.score - a.score || a.categoryIndex - b.categoryIndex);
    return ranked
      .slice(0, limit ?? ranked.length)
      .map(({ category, score, matched }) => ({ category, score, matched }));
  };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * The best set of text words that matches every word of a keyword, each word once, within a
 * span that leaves at most {@link maxWordsBetween} other words between two of them. Word order
 * may differ — "کچن گندا ہے" says "گندا کچن", and adjectives come before or after their noun
 * depending on the language — but a match out of order is worth a little less.
 */
function bestChain(
  perPosition: readonly (readonly Hit[])[],
): { positions: number[]; quality: number } | undefined {
  const [first, ...rest] = perPosition;
  const span = rest.length * (maxWordsBetween + 1);
  let best: { positions: number[]; quality: number } | undefined;
  for (const anchor of first ?? []) {
    const positions = [anchor.textPosition];
    let quality = anchor.quality;
    for (const hitsOfWord of rest) {
      let chosen: Hit | undefined;
      for (const hit of hitsOfWord) {
        if (Math.abs(hit.textPosition - anchor.textPosition) > span) continue;
        if (positions.includes(hit.textPosition)) continue;
        if (chosen === undefined || hit.quality > chosen.quality) chosen = hit;
      }
      if (chosen === undefined) {
        quality = 0;
        break;
      }
      positions.push(chosen.textPosition);
      quality = Math.min(quality, chosen.quality);
    }
    if (quality === 0 || Math.max(...positions) - Math.min(...positions) > span) continue;
    const inOrder = positions.every(
      (position, index) => index === 0 || position > (positions[index - 1] ?? 0),
    );
    if (!inOrder) quality *= outOfOrderQuality;
    if (best === undefined || quality > best.quality) best = { positions, quality };
  }
  return best;
}
