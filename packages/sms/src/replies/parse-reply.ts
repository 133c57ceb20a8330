import {
  type Language,
  languages,
  normalizeClosureCodeInput,
  normalizeForMatching,
  parseReportNumber,
} from '@balagh/core';
import { confirmWords, notFixedPhrases } from './reply-phrases.js';

/**
 * What a reporter's SMS reply means: they confirm the fix with their closure code, they say it
 * is not fixed, or it cannot be told. `number` is set when they also wrote a report number;
 * `language` when a word of the reply tells which language it is in.
 */
export type ParsedReply =
  | {
      readonly intent: 'confirm';
      /**
       * The code as seven ASCII digits when its check digit is right; otherwise the digits as
       * typed, which the intake service answers `malformed` without counting an attempt.
       */
      readonly code: string;
      readonly number?: string;
      readonly language?: Language;
    }
  | { readonly intent: 'not_fixed'; readonly number?: string; readonly language?: Language }
  | { readonly intent: 'unknown'; readonly language?: Language };

/** Words beyond a "not fixed" phrase that a reply may hold and still count as one. */
const allowedExtraWords = 4;

// Longer texts are not replies to a closure message; reading them would only add false alarms.
const maximumReplyLength = 500;

function tokens(text: string): string[] {
  const normalized = normalizeForMatching(text);
  return normalized === '' ? [] : normalized.split(' ');
}

const phraseTokens = languages.flatMap((language) =>
  notFixedPhrases[language].map((phrase) => ({ language, tokens: tokens(phrase) })),
);
// Longest first, so the language of "belum selesai" beats that of a bare "belum".
phraseTokens.sort((left, right) => right.tokens.length - left.tokens.length);

const confirmWordLanguage = new Map<string, Language>();
for (const language of languages) {
  for (const word of confirmWords[language]) {
    for (const token of tokens(word)) {
      if (!confirmWordLanguage.has(token)) confirmWordLanguage.set(token, language);
    }
  }
}

function containsSequence(words: readonly string[], sequence: readonly string[]): boolean {
  for (let start = 0; start + sequence.length <= words.length; start += 1) {
    if (sequence.every((token, offset) => words[start + offset] === token)) return true;
  }
  return false;
}

function reportNumberOf(digits: string): string | undefined {
  try {
    return parseReportNumber(digits).formatted;
  } catch {
    return undefined;
  }
}

interface DigitsFound {
  readonly codes: string[];
  readonly numbers: string[];
  readonly others: string[];
}

/** Sorts runs of digit tokens into closure codes (7 digits), report numbers and the rest. */
function classifyDigitRuns(runs: readonly (readonly string[])[]): DigitsFound {
  const found: DigitsFound = { codes: [], numbers: [], others: [] };
  for (const run of runs) {
    const digits = run.join('');
    if (digits.length === 7) {
      found.codes.push(digits);
      continue;
    }
    const number = reportNumberOf(digits);
    if (number !== undefined) {
      found.numbers.push(number);
      continue;
    }
    // A report number and a code written one after the other: split where the tokens split.
    let split = false;
    for (let index = 1; index < run.length && !split; index += 1) {
      const left = run.slice(0, index).join('');
      const right = run.slice(index).join('');
      for (const [numberPart, codePart] of [
        [left, right],
        [right, left],
      ] as const) {
        const candidate = reportNumberOf(numberPart);
        if (candidate !== undefined && normalizeClosureCodeInput(codePart) !== undefined) {
          found.numbers.push(candidate);
          found.codes.push(codePart);
          split = true;
          break;
        }
      }
    }
    if (!split) found.others.push(digits);
  }
  return found;
}

/**
 * Reads a reporter's SMS reply to a resolved report, in any language Balagh speaks: a closure
 * code (`4829151`, `482 915-1`, `تأكيد ٤٨٢ ٩١٥-١`, `confirm 482 915-1`, with Arabic-Indic,
 * Persian, Devanagari or Bengali digits, optionally beside the report number) confirms; a short
 * "not fixed" (`not fixed`, `لم يتم`, `لم يتم الإصلاح`, `belum`, `belum selesai`, `tidak`,
 * `نہیں ہوا`, `नहीं हुआ`, `düzelmedi`, `pas réparé`, `درست نشده`...) asks to reopen; anything
 * else is `unknown`.
 *
 * A code always wins: reporters only have one because we sent it, and sending it back is how
 * they confirm. "Not fixed" counts only in a short reply (the phrase and at most four more
 * words), so a long message that happens to contain "no" is not read as a reopen request.
 * Seven digits with a wrong check digit (or a wrong-length number next to a word such as
 * "confirm") are still a `confirm`, with the digits as typed: the intake service answers
 * `malformed` without using up an attempt, and the reporter is asked to check the code.
 *
 * @example
 * ```ts
 * parseReply('تأكيد ٤٨٢ ٩١٥-١'); // { intent: 'confirm', code: '4829151', language: 'ar' }
 * parseReply('belum selesai');   // { intent: 'not_fixed', language: 'id' }
 * parseReply('thanks');          // { intent: 'unknown' }
 * ```
 */
export function parseReply(text: string): ParsedReply {
  if (typeof text !== 'string') return { intent: 'unknown' };
  const words: string[] = [];
  const runs: string[][] = [];
  let run: string[] | undefined;
  for (const token of tokens(text.slice(0, maximumReplyLength))) {
    for (const piece of token.split(/(?<=\d)(?=\D)|(?<=\D)(?=\d)/u)) {
      if (/^\d+$/.test(piece)) {
        if (run === undefined) {
          run = [];
          runs.push(run);
        }
        run.push(piece);
      } else {
        run = undefined;
        words.push(piece);
      }
    }
  }

  const { codes, numbers, others } = classifyDigitRuns(runs);
  const number = numbers[0];
  const withNumber = number === undefined ? {} : { number };
  const confirmLanguage = words.map((word) => confirmWordLanguage.get(word)).find(Boolean);
  const confirmHint = confirmLanguage === undefined ? {} : { language: confirmLanguage };

  const validCode = codes.map(normalizeClosureCodeInput).find((code) => code !== undefined);
  const typedCode =
    validCode ??
    codes[0] ??
    (confirmLanguage === undefined
      ? undefined
      : others.find((digits) => digits.length >= 5 && digits.length <= 9));
  if (typedCode !== undefined)
    return { intent: 'confirm', code: typedCode, ...withNumber, ...confirmHint };

  const phrase = phraseTokens.find(
    (candidate) =>
      words.length <= candidate.tokens.length + allowedExtraWords &&
      containsSequence(words, candidate.tokens),
  );
  if (phrase !== undefined)
    return { intent: 'not_fixed', ...withNumber, language: phrase.language };
  return { intent: 'unknown', ...confirmHint };
}
