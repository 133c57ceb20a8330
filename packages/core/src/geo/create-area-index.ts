import { parseInput } from '../validation/parse-input.js';
import {
  type AreaFeatureCollection,
  areaCodeOf,
  areaFeatureCollectionSchema,
  type GeoJsonLinearRing,
} from './area-geo-json.js';
import type { GeoPoint } from './haversine-meters.js';

/** Finds the area a point lies in; built by {@link createAreaIndex}. */
export interface AreaIndex {
  /**
   * The code of the area containing the point, or `undefined` outside every area. A point on an
   * area's boundary (outer ring or hole) counts as inside; where areas overlap, the first in the
   * collection wins.
   */
  areaAt(point: GeoPoint): string | undefined;
  /** Every area code, once each, in collection order. */
  readonly areas: readonly string[];
}

interface IndexedPolygon {
  readonly code: string;
  readonly rings: readonly GeoJsonLinearRing[];
  readonly minLng: number;
  readonly maxLng: number;
  readonly minLat: number;
  readonly maxLat: number;
}

// About a tenth of a millimetre: a point this close to an edge is on the boundary.
const boundaryToleranceDegrees = 1e-9;

/**
 * Builds an index of areas from a GeoJSON FeatureCollection of Polygons and MultiPolygons, so a
 * report's coordinates can be routed to the area (and so the department) that covers them.
 *
 * Each feature's area code is `properties.code`, or else the feature's `id`. Holes are honoured
 * and several features may share a code (an area drawn in pieces). A point is tested with the
 * even-odd rule over all rings of a polygon, after a bounding-box check that skips most
 * polygons at once. Coordinates are planar degrees: fine for city-sized areas away from the
 * antimeridian and the poles.
 *
 * @throws {@link ValidationError} with code `INVALID_GEOMETRY` when the input is not such a
 * collection: wrong types, rings with fewer than four positions or not closed, coordinates out
 * of range, a feature without a code. Its issues name each offending path.
 * @example
 * ```ts
 * const areas = createAreaIndex(await (await fetch('/areas.geojson')).json());
 * areas.areaAt({ lat: 21.4133, lng: 39.8933 }); // 'mina'
 * ```
 */
export function createAreaIndex(featureCollection: AreaFeatureCollection): AreaIndex {
  const collection = parseInput(
    areaFeatureCollectionSchema,
    featureCollection,
    'area feature collection',
    'INVALID_GEOMETRY',
  ) as AreaFeatureCollection;

  const polygons: IndexedPolygon[] = [];
  const codes: string[] = [];
  for (const feature of collection.features) {
    const code = areaCodeOf(feature) as string;
    if (!codes.includes(code)) codes.push(code);
    const geometry = feature.geometry;
    const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of parts) polygons.push(indexPolygon(code, rings));
  }
  const areas = Object.freeze(codes);

  return {
    areas,
    areaAt(point: GeoPoint): string | undefined {
      const { lat, lng } = point;
      if (!Number.isFinite(lat) || !Number.isFinite(lng)) return undefined;
      for (const polygon of polygons) {
        if (
          lng < polygon.minLng ||
          lng > polygon.maxLng ||
          lat < polygon.minLat ||
          lat > polygon.maxLat
        ) {
          continue;
        }
        if (polygonContains(polygon.rings, lng, lat)) return polygon.code;
      }
      return undefined;
    },
  };
}

function indexPolygon(code: string, rings: readonly GeoJsonLinearRing[]): IndexedPolygon {
  let minLng = Number.POSITIVE_INFINITY;
  let maxLng = Number.NEGATIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  // Holes lie inside the outer ring, so the outer ring alone bounds the polygon.
  for (const [lng, lat] of rings[0] ?? []) {
    minLng = Math.min(minLng, lng);
    maxLng = Math.max(maxLng, lng);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  const margin = boundaryToleranceDegrees;
  return {
    code,
    rings,
    minLng: minLng - margin,
    maxLng: maxLng + margin,
    minLat: minLat - margin,
    maxLat: maxLat + margin,
  };
}

/** Even-odd test over every ring (holes included); a point on any ring's edge is inside. */
function polygonContains(rings: readonly GeoJsonLinearRing[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
      const [xa, ya] = ring[previous] as GeoJsonLinearRing[number];
      const [xb, yb] = ring[index] as GeoJsonLinearRing[number];
      if (onSegment(x, y, xa, ya, xb, yb)) return true;
      if (ya > y !== yb > y && x < ((xb - xa) * (y - ya)) / (yb - ya) + xa) inside = !inside;
    }
  }
  return inside;
}

function onSegment(x: number, y: number, xa: number, ya: number, xb: number, yb: number): boolean {
  const tolerance = boundaryToleranceDegrees;
  if (
    x < Math.min(xa, xb) - tolerance ||
    x > Math.max(xa, xb) + tolerance ||
    y < Math.min(ya, yb) - tolerance ||
    y > Math.max(ya, yb) + tolerance
  ) {
    return false;
  }
  const length = Math.hypot(xb - xa, yb - ya);
  if (length === 0) return Math.hypot(x - xa, y - ya) <= tolerance;
  const cross = (xb - xa) * (y - ya) - (yb - ya) * (x - xa);
  return Math.abs(cross) / length <= tolerance;
}
