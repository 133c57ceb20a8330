import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { normalizeDigits } from '../digits/normalize-digits.js';
import { stripDirectionMarks } from '../digits/strip-direction-marks.js';
import { BalaghError } from '../errors/balagh-error.js';

// What people put between digits: spaces, dashes of every kind, parentheses and dots.
const separatorPattern = /[\s\-().\u2010-\u2015\u2212]/g;
// An optional +, then the digits: at most 15 in E.164, plus two for a leading 00.
const compactPhonePattern = /^\+?\d{4,17}$/;

function invalidPhone(reason: 'characters' | 'number'): BalaghError {
  // The message never carries the number: errors end up in logs.
  return new BalaghError(
    'INVALID_PHONE',
    reason === 'characters'
      ? 'Not a phone number: only digits, a leading + and spaces, dashes or parentheses are allowed.'
      : 'Not a valid phone number for its country; international numbers need + or 00 and the country code.',
    { details: { reason } },
  );
}

/**
 * Turns a phone number as a reporter or agent typed it into E.164 (`+966512345678`), the only
 * form Balagh stores and sends SMS to.
 *
 * Accepted: national numbers of the default country (`0512345678`, `512345678`, and for Saudi
 * Arabia also `966512345678`), and any country's number written internationally with `+` or
 * `00` (`+92 300 1234567`, `0062 812 3456 7890`), with spaces, dashes, dots or parentheses
 * between the digits, a stray national `0` after the country code (`+966 05…`, `+44 (0)…`),
 * and Arabic-Indic or Extended Arabic-Indic digits. The number must be valid for its country
 * (length and leading digits, from libphonenumber's metadata); fixed lines are accepted as well
 * as mobiles. A leading `00` is always read as the international prefix.
 *
 * @param defaultCountry - ISO 3166-1 alpha-2 country whose national numbers need no prefix.
 * @throws {@link BalaghError} `INVALID_PHONE` for anything else; its message never repeats the
 * number. `VALIDATION_FAILED` when `defaultCountry` is not a known country code.
 * @example
 * ```ts
 * normalizePhone('٠٥١ ٢٣٤ ٥٦٧٨'); // '+966512345678'
 * normalizePhone('0092 300 1234567'); // '+923001234567'
 * ```
 */
export function normalizePhone(input: string, defaultCountry = 'SA'): string {
  if (!isSupportedCountry(defaultCountry)) {
    throw new BalaghError('VALIDATION_FAILED', `Unknown default country "${defaultCountry}".`);
  }
  if (typeof input !== 'string') throw invalidPhone('characters');
  const compact = normalizeDigits(stripDirectionMarks(input)).replace(separatorPattern, '');
  if (!compactPhonePattern.test(compact)) throw invalidPhone('characters');
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  const phone = parsePhoneNumberFromString(international, defaultCountry);
  if (phone === undefined || !phone.isValid()) throw invalidPhone('number');
  return phone.number;
}
