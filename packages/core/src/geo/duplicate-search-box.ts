import { ValidationError } from '../errors/validation-error.js';
import { earthRadiusMeters, type GeoPoint } from './haversine-meters.js';

/** A latitude/longitude range, in degrees, for an indexed range query. */
export interface GeoBox {
  readonly minLat: number;
  readonly maxLat: number;
  readonly minLng: number;
  readonly maxLng: number;
}

const degrees = 180 / Math.PI;

/**
 * Gives the smallest latitude/longitude box that holds every point within `radiusMeters` of
 * `point`, so a database can pre-filter candidate duplicates with an indexed range query
 * (`lat BETWEEN minLat AND maxLat AND lng BETWEEN minLng AND maxLng`) before
 * {@link isLikelyDuplicate} decides on the few rows left.
 *
 * The box never misses a point inside the circle: when the circle reaches a pole or crosses
 * the antimeridian, the box spans every longitude rather than wrap around.
 *
 * @throws {@link ValidationError} for coordinates out of range or a negative radius.
 * @example
 * ```ts
 * const box = duplicateSearchBox({ lat: 21.4133, lng: 39.8933 }, 150);
 * // select ... where category_code = ? and lat between box.minLat and box.maxLat and lng between ...
 * ```
 */
export function duplicateSearchBox(point: GeoPoint, radiusMeters: number): GeoBox {
  const issues = [];
  if (!(Math.abs(point.lat) <= 90)) {
    issues.push({ path: 'lat', code: 'too_big', message: 'must be between -90 and 90' });
  }
  if (!(Math.abs(point.lng) <= 180)) {
    issues.push({ path: 'lng', code: 'too_big', message: 'must be between -180 and 180' });
  }
  if (!(radiusMeters >= 0) || !Number.isFinite(radiusMeters)) {
    issues.push({
      path: 'radiusMeters',
      code: 'too_small',
      message: 'must be a finite number ≥ 0',
    });
  }
  if (issues.length > 0) {
    throw new ValidationError(
      `Invalid duplicate search: ${issues[0]?.path} ${issues[0]?.message}.`,
      issues,
    );
  }

  const angle = radiusMeters / earthRadiusMeters;
  const latitudeSpan = angle * degrees;
  const minLat = Math.max(-90, point.lat - latitudeSpan);
  const maxLat = Math.min(90, point.lat + latitudeSpan);
  const everyLongitude = { minLat, maxLat, minLng: -180, maxLng: 180 };
  if (minLat === -90 || maxLat === 90) return everyLongitude;

  // Widest longitude reached by a circle of angular radius `angle` around this latitude.
  const ratio = Math.sin(angle) / Math.cos((point.lat * Math.PI) / 180);
  if (ratio >= 1) return everyLongitude;
  const longitudeSpan = Math.asin(ratio) * degrees;
  const minLng = point.lng - longitudeSpan;
  const maxLng = point.lng + longitudeSpan;
  if (minLng < -180 || maxLng > 180) return everyLongitude;
  return { minLat, maxLat, minLng, maxLng };
}
