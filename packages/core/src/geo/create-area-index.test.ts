import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBalaghError } from '../errors/balagh-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { AreaFeature, AreaFeatureCollection, GeoJsonLinearRing } from './area-geo-json.js';
import { createAreaIndex } from './create-area-index.js';

/** A closed square ring, counter-clockwise, from (west, south) to (east, north). */
function square(west: number, south: number, east: number, north: number): GeoJsonLinearRing {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

function collection(...features: AreaFeature[]): AreaFeatureCollection {
  return { type: 'FeatureCollection', features };
}

// A 10 × 10 square with a 4 × 4 hole in its middle, near Makkah.
const haramSquare: AreaFeature = {
  type: 'Feature',
  properties: { code: 'haram', name: 'Central area' },
  geometry: {
    type: 'Polygon',
    coordinates: [square(39.8, 21.4, 39.9, 21.5), square(39.83, 21.43, 39.87, 21.47)],
  },
};

// Two separate islands, one of them with a hole, and the code in the feature id.
const minaSectors: AreaFeature = {
  type: 'Feature',
  id: 'mina',
  properties: null,
  geometry: {
    type: 'MultiPolygon',
    coordinates: [
      [square(40.0, 21.4, 40.1, 21.5)],
      [square(40.2, 21.4, 40.3, 21.5), square(40.24, 21.44, 40.26, 21.46)],
    ],
  },
};

describe('createAreaIndex', () => {
  const index = createAreaIndex(collection(haramSquare, minaSectors));

  it('lists every area code once, in collection order', () => {
    expect(index.areas).toEqual(['haram', 'mina']);
    expect(Object.isFrozen(index.areas)).toBe(true);
  });

  it('finds a point inside a polygon and nothing outside every area', () => {
    expect(index.areaAt({ lat: 21.41, lng: 39.81 })).toBe('haram');
    expect(index.areaAt({ lat: 21.6, lng: 39.85 })).toBeUndefined();
    expect(index.areaAt({ lat: 21.45, lng: 40.15 })).toBeUndefined();
  });

  it('leaves out the holes', () => {
    expect(index.areaAt({ lat: 21.45, lng: 39.85 })).toBeUndefined();
    expect(index.areaAt({ lat: 21.45, lng: 40.25 })).toBeUndefined();
    expect(index.areaAt({ lat: 21.425, lng: 39.85 })).toBe('haram');
  });

  it('finds each polygon of a multipolygon', () => {
    expect(index.areaAt({ lat: 21.45, lng: 40.05 })).toBe('mina');
    expect(index.areaAt({ lat: 21.41, lng: 40.21 })).toBe('mina');
  });

  it('counts a point on a boundary, a corner or a hole edge as inside', () => {
    expect(index.areaAt({ lat: 21.4, lng: 39.85 })).toBe('haram');
    expect(index.areaAt({ lat: 21.45, lng: 39.9 })).toBe('haram');
    expect(index.areaAt({ lat: 21.5, lng: 39.8 })).toBe('haram');
    expect(index.areaAt({ lat: 21.45, lng: 39.83 })).toBe('haram');
    expect(index.areaAt({ lat: 21.47, lng: 39.86 })).toBe('haram');
    expect(index.areaAt({ lat: 21.4, lng: 40.3 })).toBe('mina');
  });

  it('handles a concave area and a slanted edge', () => {
    // An L shape: the notch at the top right is outside.
    const lShape = createAreaIndex(
      collection({
        type: 'Feature',
        properties: { code: 'l' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [2, 0],
              [2, 1],
              [1, 1],
              [1, 2],
              [0, 2],
              [0, 0],
            ],
          ],
        },
      }),
    );
    expect(lShape.areaAt({ lng: 0.5, lat: 1.5 })).toBe('l');
    expect(lShape.areaAt({ lng: 1.5, lat: 0.5 })).toBe('l');
    expect(lShape.areaAt({ lng: 1.5, lat: 1.5 })).toBeUndefined();
    const triangle = createAreaIndex(
      collection({
        type: 'Feature',
        id: 7,
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [0, 1],
              [0, 0],
            ],
          ],
        },
      }),
    );
    expect(triangle.areas).toEqual(['7']);
    expect(triangle.areaAt({ lng: 0.5, lat: 0.5 })).toBe('7');
    expect(triangle.areaAt({ lng: 0.5000001, lat: 0.5000001 })).toBeUndefined();
    expect(triangle.areaAt({ lng: 0.2, lat: 0.2 })).toBe('7');
  });

  it('gives the first area where areas overlap, and merges features sharing a code', () => {
    const overlapping = createAreaIndex(
      collection(
        {
          type: 'Feature',
          properties: { code: 'a' },
          geometry: { type: 'Polygon', coordinates: [square(0, 0, 2, 2)] },
        },
        {
          type: 'Feature',
          properties: { code: 'b' },
          geometry: { type: 'Polygon', coordinates: [square(1, 1, 3, 3)] },
        },
        {
          type: 'Feature',
          properties: { code: 'a' },
          geometry: { type: 'Polygon', coordinates: [square(5, 5, 6, 6)] },
        },
      ),
    );
    expect(overlapping.areas).toEqual(['a', 'b']);
    expect(overlapping.areaAt({ lng: 1.5, lat: 1.5 })).toBe('a');
    expect(overlapping.areaAt({ lng: 2.5, lat: 2.5 })).toBe('b');
    expect(overlapping.areaAt({ lng: 5.5, lat: 5.5 })).toBe('a');
  });

  it('answers nothing for a point that is not a number', () => {
    expect(index.areaAt({ lat: Number.NaN, lng: 39.85 })).toBeUndefined();
  });

  it('agrees with the geometry of a square for any point', () => {
    const unit = createAreaIndex(
      collection({
        type: 'Feature',
        properties: { code: 'unit' },
        geometry: {
          type: 'Polygon',
          coordinates: [square(0, 0, 1, 1), square(0.25, 0.25, 0.75, 0.75)],
        },
      }),
    );
    // Thousandths shifted by half a thousandth: never exactly on an edge, often close to one.
    const coordinate = fc.integer({ min: -500, max: 1500 }).map((value) => value / 1000 + 0.0005);
    fc.assert(
      fc.property(coordinate, coordinate, (lng, lat) => {
        const inOuter = lng >= 0 && lng <= 1 && lat >= 0 && lat <= 1;
        const inHole = lng > 0.25 && lng < 0.75 && lat > 0.25 && lat < 0.75;
        expect(unit.areaAt({ lng, lat })).toBe(inOuter && !inHole ? 'unit' : undefined);
      }),
    );
  });
});

describe('createAreaIndex validation', () => {
  function issuesOf(input: unknown): string[] {
    let caught: unknown;
    try {
      createAreaIndex(input as AreaFeatureCollection);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect(isBalaghError(caught, 'INVALID_GEOMETRY')).toBe(true);
    return (caught as ValidationError).issues.map((issue) => issue.path);
  }

  const feature = (geometry: unknown, properties: unknown = { code: 'x' }) => ({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties, geometry }],
  });

  it('refuses a ring that is not closed or too short', () => {
    expect(
      issuesOf(
        feature({
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 1],
            ],
          ],
        }),
      ),
    ).toEqual(['features.0.geometry.coordinates.0']);
    expect(
      issuesOf(
        feature({
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [0, 0],
            ],
          ],
        }),
      ),
    ).toEqual(['features.0.geometry.coordinates.0']);
  });

  it('refuses coordinates out of range and geometries that are not areas', () => {
    expect(issuesOf(feature({ type: 'Polygon', coordinates: [square(0, 0, 1, 91)] }))).toContain(
      'features.0.geometry.coordinates.0.2.1',
    );
    expect(issuesOf(feature({ type: 'Point', coordinates: [39.8, 21.4] }))).toEqual([
      'features.0.geometry.type',
    ]);
    expect(issuesOf({ type: 'Feature' })).toContain('type');
  });

  it('refuses a feature without an area code', () => {
    expect(issuesOf(feature({ type: 'Polygon', coordinates: [square(0, 0, 1, 1)] }, {}))).toEqual([
      'features.0.properties.code',
    ]);
    expect(
      issuesOf(feature({ type: 'Polygon', coordinates: [square(0, 0, 1, 1)] }, { code: ' ' })),
    ).toEqual(['features.0.properties.code']);
  });
});
