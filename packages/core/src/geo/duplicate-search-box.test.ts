import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { duplicateSearchBox } from './duplicate-search-box.js';
import { earthRadiusMeters, haversineMeters } from './haversine-meters.js';

/** The point reached by going `distance` metres from `start` on an initial `bearing` (radians). */
function destination(start: { lat: number; lng: number }, bearing: number, distance: number) {
  const angle = distance / earthRadiusMeters;
  const latitude = (start.lat * Math.PI) / 180;
  const longitude = (start.lng * Math.PI) / 180;
  const endLatitude = Math.asin(
    Math.sin(latitude) * Math.cos(angle) + Math.cos(latitude) * Math.sin(angle) * Math.cos(bearing),
  );
  const endLongitude =
    longitude +
    Math.atan2(
      Math.sin(bearing) * Math.sin(angle) * Math.cos(latitude),
      Math.cos(angle) - Math.sin(latitude) * Math.sin(endLatitude),
    );
  return { lat: (endLatitude * 180) / Math.PI, lng: (endLongitude * 180) / Math.PI };
}

describe('duplicateSearchBox', () => {
  it('spans about 150 m each way around a point in Mina', () => {
    const centre = { lat: 21.4133, lng: 39.8933 };
    const box = duplicateSearchBox(centre, 150);
    expect(haversineMeters(centre, { lat: box.maxLat, lng: centre.lng })).toBeCloseTo(150, 6);
    expect(haversineMeters(centre, { lat: centre.lat, lng: box.maxLng })).toBeGreaterThanOrEqual(
      150,
    );
    expect(haversineMeters(centre, { lat: centre.lat, lng: box.maxLng })).toBeLessThan(150.01);
    expect(box.minLat).toBeLessThan(centre.lat);
    expect(box.minLng).toBeLessThan(centre.lng);
  });

  it('holds every point within the radius, wherever the centre', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -85, max: 85, noNaN: true }),
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 5_000, noNaN: true }),
        (lat, lng, bearing, share, radius) => {
          const box = duplicateSearchBox({ lat, lng }, radius);
          const point = destination({ lat, lng }, bearing, radius * share);
          const slack = 1e-9;
          expect(point.lat).toBeGreaterThanOrEqual(box.minLat - slack);
          expect(point.lat).toBeLessThanOrEqual(box.maxLat + slack);
          expect(point.lng).toBeGreaterThanOrEqual(box.minLng - slack);
          expect(point.lng).toBeLessThanOrEqual(box.maxLng + slack);
        },
      ),
    );
  });

  it('spans every longitude near a pole or across the antimeridian', () => {
    expect(duplicateSearchBox({ lat: 89.9999, lng: 10 }, 500)).toMatchObject({
      maxLat: 90,
      minLng: -180,
      maxLng: 180,
    });
    expect(duplicateSearchBox({ lat: 0, lng: 179.9999 }, 500)).toMatchObject({
      minLng: -180,
      maxLng: 180,
    });
  });

  it('refuses a negative radius and coordinates out of range', () => {
    expect(() => duplicateSearchBox({ lat: 21.4, lng: 39.8 }, -1)).toThrow(ValidationError);
    expect(() => duplicateSearchBox({ lat: 91, lng: 39.8 }, 10)).toThrow(ValidationError);
    expect(() => duplicateSearchBox({ lat: 21.4, lng: Number.NaN }, 10)).toThrow(ValidationError);
  });
});
