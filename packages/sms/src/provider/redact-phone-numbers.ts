import { maskPhone } from '@balagh/core';

// Seven or more digits, possibly with a leading + and spaces or dashes between them.
const phoneLikePattern = /\+?\d(?:[\s-]?\d){6,}/g;

/**
 * Masks every phone-number-looking run of digits in a text a provider wrote (an error message
 * often repeats the number it refused), so it can go into an error or a log.
 *
 * @internal
 */
export function redactPhoneNumbers(text: string): string {
  return text.replace(phoneLikePattern, (match) => maskPhone(match.replace(/[\s-]/g, '')));
}
