import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earthRadiusMeters, haversineMeters } from './haversine-meters.js';

const kaaba = { lat: 21.4225, lng: 39.8262 };
const masjidAlKhayf = { lat: 21.4151, lng: 39.8847 };
const jabalArafat = { lat: 21.3549, lng: 39.9841 };

describe('haversineMeters', () => {
  it('measures known distances around Makkah', () => {
    const toMina = haversineMeters(kaaba, masjidAlKhayf);
    expect(toMina).toBeGreaterThan(5_000);
    expect(toMina).toBeLessThan(7_000);
    expect(haversineMeters(kaaba, jabalArafat)).toBeCloseTo(17_994, -1);
  });

  it('gives a degree of latitude as a 360th of the circumference, and π R between antipodes', () => {
    expect(haversineMeters({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(
      (Math.PI * earthRadiusMeters) / 180,
      3,
    );
    expect(haversineMeters({ lat: 21.4, lng: 39.8 }, { lat: -21.4, lng: -140.2 })).toBeCloseTo(
      Math.PI * earthRadiusMeters,
      0,
    );
  });

  it('is zero for one point, symmetric, and never negative', () => {
    const point = fc.record({
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
      lng: fc.double({ min: -180, max: 180, noNaN: true }),
    });
    fc.assert(
      fc.property(point, point, (a, b) => {
        expect(haversineMeters(a, a)).toBe(0);
        const distance = haversineMeters(a, b);
        expect(distance).toBeGreaterThanOrEqual(0);
        expect(distance).toBeLessThanOrEqual(Math.PI * earthRadiusMeters + 1e-6);
        expect(haversineMeters(b, a)).toBeCloseTo(distance, 6);
      }),
    );
  });
});
