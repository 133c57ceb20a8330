import { normalizeDigits } from '@balagh/core';

/**
 * Reads a mobile number as a reporter types it into the E.164 form the intake API takes
 * (`+966512345678`): Arabic-Indic digits, spaces, dashes, dots and parentheses are accepted, a
 * leading `00` is the international prefix, and a national number (`0512345678`, `512345678`)
 * gets `countryCallingCode` in front, its trunk `0` dropped.
 *
 * Core's `normalizePhone` checks numbers against every country's numbering plan, which needs
 * libphonenumber's metadata: far too heavy for a widget, so the service does that check and
 * answers `INVALID_PHONE`. This only gets the form right.
 *
 * @returns the number in E.164, or `undefined` when it cannot be one.
 * @example
 * ```ts
 * toInternationalPhone('٠٥١ ٢٣٤ ٥٦٧٨'); // '+966512345678'
 * toInternationalPhone('0092 300 1234567'); // '+923001234567'
 * ```
 */
export function toInternationalPhone(
  input: string,
  countryCallingCode = '966',
): string | undefined {
  const compact = normalizeDigits(input)
    .replace(/[\s().\u2010-\u2015-]/g, '')
    .replace(/^00/, '+');
  const international = compact.startsWith('+')
    ? compact
    : compact.startsWith(countryCallingCode) && compact.length > 10
      ? `+${compact}`
      : `+${countryCallingCode}${compact.replace(/^0/, '')}`;
  return /^\+[1-9]\d{6,14}$/.test(international) ? international : undefined;
}
