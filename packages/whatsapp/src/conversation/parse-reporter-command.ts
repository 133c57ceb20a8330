import {
  isBalaghError,
  normalizeClosureCodeInput,
  normalizeDigits,
  parseReportNumber,
} from '@balagh/core';
import { isPhrase, stripPrefixWord } from './reporter-phrases.js';

/**
 * Something a reporter asks for in a message rather than a step of a new report: stop, the
 * status of a report (by number, or their latest), confirming a closure with its code, or
 * saying a resolved report is not fixed.
 */
export type ReporterCommand =
  | { readonly type: 'cancel' }
  | { readonly type: 'status'; readonly number?: string }
  | { readonly type: 'invalid_report_number' }
  | { readonly type: 'closure_code'; readonly code: string }
  | { readonly type: 'malformed_closure_code' }
  | { readonly type: 'not_fixed' };

const directionMarks = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;
const separators = '[\\s\\-\\u2010-\\u2015\\u2212]*';
const reportNumberCandidate = new RegExp(
  `(?<!\\d)\\d{4}${separators}\\d{6,16}${separators}\\d(?!\\d)`,
  'u',
);
const sevenDigits = /^\d{7}$/;

/**
 * Reads a reporter's text as a command, if it is one: a cancel word in any language
 * ("cancel", "إلغاء", "منسوخ", "रद्द", "batal"…); a status request ("حالة", "status") with or
 * without a report number, in any digit set, dashes optional ("١٤٤٨-٠٠٠١٢٣-٧"); a closure code
 * (seven digits whose last checks the others, optionally after "code"/"كود"); or "not fixed" in
 * any language. A report number or closure code with a wrong check digit is recognised as
 * such, so the reporter can be told a digit is probably mistyped.
 *
 * @returns `undefined` for anything else (a description, a greeting...).
 * @example
 * ```ts
 * parseReporterCommand('حالة البلاغ ١٤٤٨-٠٠٠١٢٣-٧'); // { type: 'status', number: '1448-000123-7' }
 * parseReporterCommand('482 915-1');                 // { type: 'closure_code', code: '4829151' }
 * parseReporterCommand('belum diperbaiki');          // { type: 'not_fixed' }
 * ```
 */
export function parseReporterCommand(text: string): ReporterCommand | undefined {
  const clean = normalizeDigits(text.replace(directionMarks, '')).trim();
  if (clean === '') return undefined;
  if (isPhrase(clean, 'cancel')) return { type: 'cancel' };
  if (isPhrase(clean, 'notFixed')) return { type: 'not_fixed' };
  if (isPhrase(clean, 'status')) return { type: 'status' };

  const bare = stripPrefixWord(clean);
  const compact = bare.replace(/[\s\-\u2010-\u2015\u2212]/g, '');
  if (sevenDigits.test(compact)) {
    const code = normalizeClosureCodeInput(compact);
    return code === undefined ? { type: 'malformed_closure_code' } : { type: 'closure_code', code };
  }

  const candidate = reportNumberCandidate.exec(clean);
  if (candidate === null) return undefined;
  try {
    return { type: 'status', number: parseReportNumber(candidate[0]).formatted };
  } catch (error) {
    if (!isBalaghError(error, 'INVALID_REPORT_NUMBER')) throw error;
    // A long number inside a sentence may be a phone number: only a message that is nothing
    // but the number (after "status", "رقم البلاغ"...) is a mistyped report number.
    const rest = clean.replace(candidate[0], '').trim();
    return rest === '' || isPhrase(rest, 'status') || stripPrefixWord(rest) === ''
      ? { type: 'invalid_report_number' }
      : undefined;
  }
}
