import { normalizeDigits } from '../digits/normalize-digits.js';
import { stripDirectionMarks } from '../digits/strip-direction-marks.js';

const mask = '•';
const e164Pattern = /^\+[1-9]\d{6,14}$/;

// ITU-T E.164 country calling codes are prefix-free: 1 and 7 are the only one-digit codes,
// these are the two-digit ones, and every other code has three digits.
const twoDigitCallingCodes = new Set([
  '20',
  '27',
  '30',
  '31',
  '32',
  '33',
  '34',
  '36',
  '39',
  '40',
  '41',
  '43',
  '44',
  '45',
  '46',
  '47',
  '48',
  '49',
  '51',
  '52',
  '53',
  '54',
  '55',
  '56',
  '57',
  '58',
  '60',
  '61',
  '62',
  '63',
  '64',
  '65',
  '66',
  '81',
  '82',
  '84',
  '86',
  '90',
  '91',
  '92',
  '93',
  '94',
  '95',
  '98',
]);

/**
 * Tells how many leading digits of an international number (without `+`) are its country
 * calling code.
 */
export function callingCodeLength(digits: string): 1 | 2 | 3 {
  const first = digits[0];
  if (first === '1' || first === '7') return 1;
  return twoDigitCallingCodes.has(digits.slice(0, 2)) ? 2 : 3;
}

/**
 * Masks a phone number for logs and staff screens that must not show it whole: an E.164
 * number keeps its country code, the first digit after it and its last three digits
 * (`+966512345678` → `+9665•••••678`), enough to tell numbers apart and see the country.
 * Anything else keeps only its last three digits (`0512345678` → `•••••••678`), and three
 * digits or fewer are masked entirely. Never throws, so it is safe in a logger.
 *
 * @example
 * ```ts
 * logger.info({ phone: maskPhone(reporter.phone) }, 'SMS sent');
 * ```
 */
export function maskPhone(e164: string): string {
  const text = normalizeDigits(stripDirectionMarks(String(e164))).trim();
  if (e164Pattern.test(text)) {
    const digits = text.slice(1);
    const codeLength = callingCodeLength(digits);
    const code = digits.slice(0, codeLength);
    const national = digits.slice(codeLength);
    // A very short national number would show whole with its first digit kept.
    const shown = national.length >= 5 ? national.slice(0, 1) : '';
    return `+${code}${shown}${mask.repeat(national.length - shown.length - 3)}${national.slice(-3)}`;
  }
  const digits = text.replace(/\D/g, '');
  if (digits.length <= 3) return mask.repeat(digits.length);
  return mask.repeat(digits.length - 3) + digits.slice(-3);
}
