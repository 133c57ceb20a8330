import {
  layoutSegments,
  multipartSegmentUnits,
  type SmsEncoding,
  singleSegmentUnits,
} from './layout-segments.js';

/** What {@link countSegments} answers. */
export interface SegmentCount {
  /** `GSM-7` when every character is in the GSM 03.38 alphabet, else `UCS-2` (Arabic always). */
  readonly encoding: SmsEncoding;
  /** Segments the message is billed as: at least 1, even for an empty text. */
  readonly segments: number;
  /** Septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2). */
  readonly units: number;
  /** Units one segment holds here: 160 or 70 for a single segment, 153 or 67 per part. */
  readonly perSegment: number;
}

/**
 * Counts the segments an SMS body is sent and billed as, so a message can be kept within a
 * budget before it is sent.
 *
 * GSM-7 is used when every character is in the GSM 03.38 default alphabet or its extension
 * table (`^ { } \ [ ~ ] | €` and form feed, which count as two septets); anything else, Arabic
 * script included, forces UCS-2, where a character outside the Basic Multilingual Plane (most
 * emoji) takes a surrogate pair of two units. A message that fits in one segment holds 160
 * septets or 70 units; longer ones are split in parts of 153 or 67, and an escape sequence or
 * a surrogate pair is never split across two parts. Providers that transliterate (Twilio's
 * smart encoding) may send fewer segments than this counts, never more.
 *
 * @example
 * ```ts
 * countSegments('Your report 1448-000123-7 is resolved.');
 * // { encoding: 'GSM-7', segments: 1, units: 38, perSegment: 160 }
 * countSegments('استلمنا بلاغك رقم 1448-000123-7'.repeat(3));
 * // { encoding: 'UCS-2', segments: 2, units: 93, perSegment: 67 }
 * ```
 */
export function countSegments(text: string): SegmentCount {
  const { encoding, units, parts } = layoutSegments(text);
  const segments = parts.length;
  const perSegment =
    segments === 1 ? singleSegmentUnits[encoding] : multipartSegmentUnits[encoding];
  return { encoding, segments, units, perSegment };
}
