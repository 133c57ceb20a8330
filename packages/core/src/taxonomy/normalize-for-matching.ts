/**
 * Marks dropped before matching: Latin diacritics (after decomposition), Arabic tashkeel,
 * superscript alef, Quranic annotation signs and honorifics, tatweel, and the Devanagari and
 * Bengali nukta (many Hindi writers leave it out: ज़ and ज are typed alike).
 */
const droppedMarks =
  /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F\u0610-\u061A\u064B-\u065F\u0670\u0674\u06D6-\u06ED\u0640\u093C\u09BC]|\p{Cf}/u;

/** Letters written differently by Arabic, Persian and Urdu writers, folded to one form. */
const letterFolds: Readonly<Record<string, string>> = {
  // Alef variants; the hamza and madda forms (أ إ آ) decompose to alef plus a dropped mark.
  '\u0671': '\u0627',
  '\u0672': '\u0627',
  '\u0673': '\u0627',
  // Taa marbuta, and its Urdu form, to haa.
  '\u0629': '\u0647',
  '\u06C3': '\u0647',
  // Alef maqsura, Persian yeh, Pashto yeh and Urdu yeh barree to yeh.
  '\u0649': '\u064A',
  '\u06CC': '\u064A',
  '\u06D0': '\u064A',
  '\u06D2': '\u064A',
  // Persian keheh and swash kaf to kaf.
  '\u06A9': '\u0643',
  '\u06AA': '\u0643',
  // Urdu heh goal, heh doachashmee and ae to haa.
  '\u06C1': '\u0647',
  '\u06BE': '\u0647',
  '\u06D5': '\u0647',
  // Chandrabindu is often typed as anusvara.
  '\u0901': '\u0902',
  '\u0981': '\u0982',
  // Turkish dotless i and the Greek final sigma.
  '\u0131': 'i',
  '\u03C2': '\u03C3',
};

/** Digits of the Arabic-Indic, Extended Arabic-Indic, Devanagari and Bengali sets. */
const digitZeros = [0x0660, 0x06f0, 0x0966, 0x09e6] as const;

/** A letter, a combining mark (Indic vowel signs) or a digit: what words are made of. */
const wordCharacter = /^[\p{L}\p{M}\p{Nd}]$/u;

const separatorKind = 1;
const keptKind = 2;
const droppedKind = 3;
const foldedKind = 4;
/** What each character of the Basic Multilingual Plane is, worked out once when first seen. */
const kindCache = new Uint8Array(0x10000);

function kindOf(character: string, codePoint: number): number {
  if (codePoint < 0x10000) {
    const cached = kindCache[codePoint] ?? 0;
    if (cached !== 0) return cached;
  }
  let kind = separatorKind;
  if (droppedMarks.test(character)) kind = droppedKind;
  else if (foldCharacter(character) !== character) kind = foldedKind;
  else if (wordCharacter.test(character)) kind = keptKind;
  if (codePoint < 0x10000) kindCache[codePoint] = kind;
  return kind;
}

function foldCharacter(character: string): string {
  const folded = letterFolds[character];
  if (folded !== undefined) return folded;
  const codePoint = character.codePointAt(0) ?? 0;
  for (const zero of digitZeros) {
    if (codePoint >= zero && codePoint <= zero + 9) return String(codePoint - zero);
  }
  return character;
}

/**
 * Normalises a text for keyword matching: the same word written with or without diacritics,
 * tashkeel or tatweel, in upper or lower case, with Arabic or Urdu letter forms, or with other
 * digit sets, gives the same tokens. Returns the tokens joined by single spaces.
 *
 * Steps: Unicode compatibility normalisation (NFKC); lower case; Latin diacritics removed;
 * Arabic tashkeel (U+064B–065F, U+0670) and tatweel (U+0640) removed; the hamza and madda forms
 * of alef (أ إ آ ٱ) folded to ا, taa marbuta ة to ه, alef maqsura ى to ي; Persian and Urdu
 * letters folded to their Arabic counterparts (ک → ك, ی and ے → ي, ہ ھ ۀ → ه) so Urdu and Arabic
 * keywords meet; hamza on waw and yeh dropped (ؤ → و, ئ → ي); invisible format characters (zero
 * width joiners, direction marks) removed; Arabic-Indic, Persian, Devanagari and Bengali digits
 * turned into 0–9; then split on anything that is not a letter, mark or digit.
 *
 * Prefix variants such as the Arabic definite article are not removed here: the matcher tries
 * them per token.
 *
 * @example
 * ```ts
 * normalizeForMatching('الإنارةُ مطفـــية!'); // 'الاناره مطفيه'
 * normalizeForMatching('Café  Ñoño');        // 'cafe nono'
 * normalizeForMatching('کچرا');              // 'كچرا'
 * ```
 */
export function normalizeForMatching(text: string): string {
  // Full decomposition puts every diacritic, hamza and madda in a mark of its own.
  const decomposed = text.normalize('NFKC').toLowerCase().normalize('NFKD');
  let normalized = '';
  let inWord = false;
  // One pass drops marks, folds letters and digits and collapses separators to one space.
  for (const character of decomposed) {
    const code = character.charCodeAt(0);
    const kind =
      code < 0x80
        ? (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)
          ? keptKind
          : separatorKind
        : kindOf(character, character.codePointAt(0) ?? code);
    if (kind === separatorKind) {
      inWord = false;
      continue;
    }
    if (kind === droppedKind) continue;
    if (!inWord && normalized !== '') normalized += ' ';
    inWord = true;
    normalized += kind === foldedKind ? foldCharacter(character) : character;
  }
  return normalized.normalize('NFC');
}

/**
 * Splits a text into normalised tokens, as {@link normalizeForMatching} does.
 *
 * @internal
 */
export function tokenizeForMatching(text: string): string[] {
  const normalized = normalizeForMatching(text);
  return normalized === '' ? [] : normalized.split(' ');
}
