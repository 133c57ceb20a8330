import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { instantSchema, isInstant } from './instant.js';

const zodDatetime = z.iso.datetime();

describe('isInstant', () => {
  it('accepts every instant Date#toISOString writes', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (date) => {
          expect(isInstant(date.toISOString())).toBe(true);
        },
      ),
    );
  });

  it("agrees with zod's z.iso.datetime() on strings shaped like instants", () => {
    const digits = (length: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
    const instantLike = fc
      .tuple(
        digits(4),
        digits(2),
        digits(2),
        digits(2),
        digits(2),
        digits(2),
        fc.option(digits(3), { nil: undefined }),
        fc.constantFrom('Z', 'z', '+03:00', ''),
      )
      .map(
        ([year, month, day, hours, minutes, seconds, fraction, zone]) =>
          `${year}-${month}-${day}T${hours}:${minutes}:${seconds}${fraction === undefined ? '' : `.${fraction}`}${zone}`,
      );
    fc.assert(
      fc.property(fc.oneof(instantLike, fc.string()), (value) => {
        expect(isInstant(value)).toBe(zodDatetime.safeParse(value).success);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses impossible dates and times, offsets and missing seconds', () => {
    for (const value of [
      '2026-02-29T10:00:00Z',
      '2026-04-31T10:00:00Z',
      '2026-13-01T10:00:00Z',
      '2026-11-27T24:00:00Z',
      '2026-11-27T10:60:00Z',
      '2026-11-27T10:00:60Z',
      '2026-11-27T10:00:00+03:00',
      '2026-11-27T10:00Z',
      '2026-11-27',
    ]) {
      expect(isInstant(value), value).toBe(false);
    }
    expect(isInstant('2028-02-29T23:59:59.999999Z')).toBe(true);
  });
});

describe('instantSchema', () => {
  it('reports an invalid instant as z.iso.datetime() does', () => {
    const result = instantSchema.safeParse('2026-02-30T10:00:00Z');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'invalid_format', format: 'datetime' });
  });

  it('is described in JSON Schema as a date-time', () => {
    expect(z.toJSONSchema(instantSchema)).toMatchObject({ type: 'string', format: 'date-time' });
  });
});
