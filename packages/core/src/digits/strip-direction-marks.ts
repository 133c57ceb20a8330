/**
 * Invisible bidirectional formatting characters (LRM, RLM, ALM, embeddings, overrides and
 * isolates). Text copied out of a right-to-left message often carries them around a number.
 */
const directionMarkPattern = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Removes the invisible direction marks that right-to-left text wraps around numbers, so a
 * report number or phone number pasted from an Arabic or Urdu message parses like a typed one.
 * Internal to core's identifier parsers.
 */
export function stripDirectionMarks(text: string): string {
  return text.replace(directionMarkPattern, '');
}
