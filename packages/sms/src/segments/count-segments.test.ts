import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSegments } from './count-segments.js';
import { splitIntoSegments } from './split-into-segments.js';

const gsmBasic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const gsmExtension = '\f^{}\\[~]|€';

const basicCharacter = fc.constantFrom(...gsmBasic);
const gsmCharacter = fc.constantFrom(...gsmBasic, ...gsmExtension);
const arabicCharacter = fc.constantFrom(...'ابتثجحخدذرسشصضطظعغفقكلمنهوي ٠١٢٣٤٥٦٧٨٩،؟');
const astralCharacter = fc.constantFrom('💩', '🕋', '👍🏽', '𝔸');
const anyCharacter = fc.oneof(
  gsmCharacter,
  arabicCharacter,
  astralCharacter,
  fc.string({ unit: 'binary', maxLength: 1 }),
);
const anyText = fc.array(anyCharacter, { maxLength: 700 }).map((characters) => characters.join(''));

describe('countSegments', () => {
  it('sends plain ASCII in GSM-7: 160 septets in one segment, then parts of 153', () => {
    expect(countSegments('a'.repeat(160))).toEqual({
      encoding: 'GSM-7',
      segments: 1,
      units: 160,
      perSegment: 160,
    });
    expect(countSegments('a'.repeat(161))).toEqual({
      encoding: 'GSM-7',
      segments: 2,
      units: 161,
      perSegment: 153,
    });
    expect(countSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('forces UCS-2 for Arabic: 70 units in one segment, then parts of 67', () => {
    expect(countSegments('ب'.repeat(70))).toEqual({
      encoding: 'UCS-2',
      segments: 1,
      units: 70,
      perSegment: 70,
    });
    expect(countSegments('ب'.repeat(71))).toEqual({
      encoding: 'UCS-2',
      segments: 2,
      units: 71,
      perSegment: 67,
    });
    expect(countSegments('ب'.repeat(134)).segments).toBe(2);
    expect(countSegments('ب'.repeat(135)).segments).toBe(3);
  });

  it('lets one non-GSM character turn a whole message into UCS-2', () => {
    const english = 'Your report 1448-000123-7 has been resolved. Closure code: 482 915-1';
    expect(countSegments(english).encoding).toBe('GSM-7');
    expect(countSegments(`${english} ✓`)).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(countSegments(`${english} “ok”`).encoding).toBe('UCS-2');
    expect(countSegments('ç').encoding).toBe('UCS-2');
  });

  it('counts each extension character as two septets', () => {
    expect(countSegments('€').units).toBe(2);
    expect(countSegments('{[~]}').units).toBe(10);
    expect(countSegments('\f').units).toBe(2);
    expect(countSegments('€'.repeat(80))).toMatchObject({ segments: 1, units: 160 });
    expect(countSegments(`${'€'.repeat(80)}a`)).toMatchObject({ segments: 2, units: 161 });
  });

  it('never splits an escape sequence across two parts', () => {
    // 152 septets, then a two-septet euro sign: it cannot straddle the 153-septet boundary.
    const text = `${'a'.repeat(152)}€${'a'.repeat(10)}`;
    expect(countSegments(text)).toMatchObject({ encoding: 'GSM-7', units: 164, segments: 2 });
    expect(splitIntoSegments(text).map((part) => part.length)).toEqual([152, 11]);
    // 306 septets fit in two parts only when no escape sits on the boundary.
    expect(countSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`).segments).toBe(3);
  });

  it('counts a surrogate pair as two UCS-2 units and never splits it', () => {
    expect(countSegments('💩')).toEqual({
      encoding: 'UCS-2',
      segments: 1,
      units: 2,
      perSegment: 70,
    });
    expect(countSegments('💩'.repeat(35)).segments).toBe(1);
    expect(countSegments(`${'💩'.repeat(35)}a`).segments).toBe(2);
    const text = `${'ب'.repeat(66)}💩`;
    expect(countSegments(text)).toMatchObject({ units: 68, segments: 1 });
    const longer = `${'ب'.repeat(66)}💩${'ب'.repeat(10)}`;
    expect(splitIntoSegments(longer)).toEqual(['ب'.repeat(66), `💩${'ب'.repeat(10)}`]);
  });

  it('counts the Twilio fixture body as UCS-2 because of its emoji', () => {
    expect(countSegments('O Slash: \u00d8, PoP: \ud83d\udca9')).toEqual({
      encoding: 'UCS-2',
      segments: 1,
      units: 19,
      perSegment: 70,
    });
  });

  it('bills an empty message as one segment', () => {
    expect(countSegments('')).toEqual({
      encoding: 'GSM-7',
      segments: 1,
      units: 0,
      perSegment: 160,
    });
  });

  it('gives plain GSM text one segment up to 160 septets and ceil(n / 153) above', () => {
    fc.assert(
      fc.property(fc.array(basicCharacter, { maxLength: 1000 }), (characters) => {
        const count = countSegments(characters.join(''));
        const n = characters.length;
        expect(count.encoding).toBe('GSM-7');
        expect(count.units).toBe(n);
        expect(count.segments).toBe(n <= 160 ? 1 : Math.ceil(n / 153));
      }),
    );
  });

  it('gives BMP text outside GSM one segment up to 70 units and ceil(n / 67) above', () => {
    fc.assert(
      fc.property(fc.array(arabicCharacter, { minLength: 1, maxLength: 700 }), (characters) => {
        const text = `${characters.join('')}ب`;
        const count = countSegments(text);
        expect(count.encoding).toBe('UCS-2');
        expect(count.units).toBe(text.length);
        expect(count.segments).toBe(text.length <= 70 ? 1 : Math.ceil(text.length / 67));
      }),
    );
  });

  it('splits any text into parts that join back, hold at most perSegment units and break no pair', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const count = countSegments(text);
        const parts = splitIntoSegments(text);
        expect(parts.join('')).toBe(text);
        expect(parts).toHaveLength(count.segments);
        for (const part of parts) {
          expect(countSegments(part).units).toBeLessThanOrEqual(count.perSegment);
        }
        for (let index = 1; index < parts.length; index += 1) {
          const before = parts[index - 1] ?? '';
          const after = parts[index] ?? '';
          // A high surrogate ending a part with its low half starting the next would be split.
          expect(/[\uD800-\uDBFF]$/.test(before) && /^[\uDC00-\uDFFF]/.test(after)).toBe(false);
        }
      }),
    );
  });

  it('uses no more segments than needed and never fewer than the units require', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { segments, units, perSegment, encoding } = countSegments(text);
        expect(segments).toBeGreaterThanOrEqual(Math.max(1, Math.ceil(units / perSegment)));
        if (segments > 1) {
          // Only escapes and surrogate pairs kept whole can waste a unit per part.
          expect(units).toBeGreaterThan((segments - 1) * (perSegment - 1));
          expect(units).toBeGreaterThan(encoding === 'GSM-7' ? 160 : 70);
        }
      }),
    );
  });

  it('never gets cheaper when text is appended in the same encoding', () => {
    fc.assert(
      fc.property(anyText, anyText, (first, second) => {
        const alone = countSegments(first);
        const joined = countSegments(first + second);
        if (alone.encoding === joined.encoding) {
          expect(joined.segments).toBeGreaterThanOrEqual(alone.segments);
        }
        expect(joined.units).toBeGreaterThanOrEqual(
          alone.encoding === joined.encoding ? alone.units : 0,
        );
      }),
    );
  });
});
