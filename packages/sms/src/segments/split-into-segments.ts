import { layoutSegments } from './layout-segments.js';

/**
 * Splits an SMS body into the parts a handset receives, as {@link countSegments} counts them:
 * useful to preview where a long message breaks. Joined, the parts give the text back.
 *
 * @example
 * ```ts
 * splitIntoSegments('a'.repeat(200)).map((part) => part.length); // [153, 47]
 * ```
 */
export function splitIntoSegments(text: string): string[] {
  return [...layoutSegments(text).parts];
}
