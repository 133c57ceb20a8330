const nonAsciiDigitPattern = /[\u0660-\u0669\u06F0-\u06F9]/g;
const arabicIndicZero = 0x0660;
const extendedArabicIndicZero = 0x06f0;
const asciiZero = 0x30;

/**
 * Converts Arabic-Indic (`٠١٢٣٤٥٦٧٨٩`, U+0660–0669) and Extended Arabic-Indic
 * (`۰۱۲۳۴۵۶۷۸۹`, U+06F0–06F9, used in Urdu and Persian) digits to ASCII `0`–`9`, so that a
 * number typed on any of the keyboards reporters use reads the same. Everything else is left
 * as it is.
 *
 * @example
 * ```ts
 * normalizeDigits('١٤٤٨-۰۰۰۱۲۳-7'); // '1448-000123-7'
 * ```
 */
export function normalizeDigits(text: string): string {
  return text.replace(nonAsciiDigitPattern, (digit) => {
    const code = digit.charCodeAt(0);
    const zero = code >= extendedArabicIndicZero ? extendedArabicIndicZero : arabicIndicZero;
    return String.fromCharCode(asciiZero + code - zero);
  });
}
