import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDuration } from './parse-duration.js';

describe('parseDuration', () => {
  it('reads units and bare milliseconds', () => {
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('3d')).toBe(259_200_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('900000')).toBe(900_000);
    expect(parseDuration(' 2H ')).toBe(7_200_000);
  });

  it('refuses what is not a duration', () => {
    for (const text of ['', 'soon', '-5m', '5 minutes', '1e3', 'm', '5y']) {
      expect(parseDuration(text)).toBeUndefined();
    }
  });

  it('reads back every whole number of minutes', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), (minutes) => {
        expect(parseDuration(`${minutes}m`)).toBe(minutes * 60_000);
      }),
    );
  });
});
