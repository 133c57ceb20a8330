import { gsm7Septets } from './gsm-7-alphabet.js';

/** How an SMS body is encoded on the air. */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

/** Units a single-segment message may hold, per encoding. */
export const singleSegmentUnits = { 'GSM-7': 160, 'UCS-2': 70 } as const;

/**
 * Units each part of a concatenated message may hold: the user data header (UDH) that numbers
 * the parts takes 6 bytes, that is 7 septets in GSM-7 and 3 UCS-2 units.
 */
export const multipartSegmentUnits = { 'GSM-7': 153, 'UCS-2': 67 } as const;

/** The result of laying a text out in segments. */
export interface SegmentLayout {
  readonly encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) of the whole text. */
  readonly units: number;
  /** The text of each segment, in order; concatenated they give the text back. */
  readonly parts: readonly string[];
}

/**
 * Lays a text out the way a handset or SMSC does: GSM-7 when every character is in the GSM
 * 03.38 default alphabet or its extension table, UCS-2 otherwise; one segment when the whole
 * text fits, else parts of 153 septets or 67 units, never splitting an escape sequence or a
 * surrogate pair (a part then holds one unit less).
 */
export function layoutSegments(text: string): SegmentLayout {
  // Iterating a string yields code points, so a surrogate pair comes as one piece.
  const characters = Array.from(text);
  const septets = characters.map(gsm7Septets);
  const isGsm7 = septets.every((size) => size !== undefined);
  const encoding: SmsEncoding = isGsm7 ? 'GSM-7' : 'UCS-2';
  const sizes = isGsm7 ? (septets as number[]) : characters.map((character) => character.length);
  const units = sizes.reduce((total, size) => total + size, 0);
  if (units <= singleSegmentUnits[encoding]) return { encoding, units, parts: [text] };

  const limit = multipartSegmentUnits[encoding];
  const parts: string[] = [];
  let current = '';
  let used = 0;
  characters.forEach((character, index) => {
    const size = sizes[index] ?? 1;
    if (used + size > limit) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += character;
    used += size;
  });
  parts.push(current);
  return { encoding, units, parts };
}
