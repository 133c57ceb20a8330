/** A point on the Earth in WGS84 decimal degrees. */
export interface GeoPoint {
  readonly lat: number;
  readonly lng: number;
}

/** The Earth's mean radius in metres (IUGG), the sphere Balagh measures on. */
export const earthRadiusMeters = 6_371_008.8;

const radians = Math.PI / 180;

/**
 * Measures the great-circle distance between two points in metres, on a sphere of the Earth's
 * mean radius: within 0.5% of the ellipsoidal distance, plenty for "is this the same spot".
 *
 * @example
 * ```ts
 * haversineMeters({ lat: 21.4225, lng: 39.8262 }, { lat: 21.4151, lng: 39.8847 }); // ≈ 6,100: the Kaaba to Masjid al-Khayf in Mina
 * ```
 */
export function haversineMeters(a: GeoPoint, b: GeoPoint): number {
  const latitudeA = a.lat * radians;
  const latitudeB = b.lat * radians;
  const sinHalfLatitude = Math.sin(((b.lat - a.lat) * radians) / 2);
  const sinHalfLongitude = Math.sin(((b.lng - a.lng) * radians) / 2);
  const h =
    sinHalfLatitude * sinHalfLatitude +
    Math.cos(latitudeA) * Math.cos(latitudeB) * sinHalfLongitude * sinHalfLongitude;
  return 2 * earthRadiusMeters * Math.asin(Math.min(1, Math.sqrt(h)));
}
