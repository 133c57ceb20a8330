import * as z from 'zod/mini';

/** A GeoJSON position: `[longitude, latitude]` in WGS84 degrees, an altitude may follow. */
export type GeoJsonPosition = readonly [longitude: number, latitude: number, ...rest: number[]];

/** A closed ring of at least four positions, the last equal to the first. */
export type GeoJsonLinearRing = readonly GeoJsonPosition[];

/** A GeoJSON Polygon: an outer ring, then any holes. */
export interface GeoJsonPolygon {
  readonly type: 'Polygon';
  readonly coordinates: readonly GeoJsonLinearRing[];
}

/** A GeoJSON MultiPolygon: several polygons, each with its holes. */
export interface GeoJsonMultiPolygon {
  readonly type: 'MultiPolygon';
  readonly coordinates: readonly (readonly GeoJsonLinearRing[])[];
}

/** A GeoJSON Feature holding one area: its code in `properties.code`, or else in `id`. */
export interface AreaFeature {
  readonly type: 'Feature';
  readonly id?: string | number | undefined;
  readonly properties: {
    readonly code?: string | undefined;
    readonly [key: string]: unknown;
  } | null;
  readonly geometry: GeoJsonPolygon | GeoJsonMultiPolygon;
}

/** A GeoJSON FeatureCollection of areas (districts, Mina sectors, service zones...). */
export interface AreaFeatureCollection {
  readonly type: 'FeatureCollection';
  readonly features: readonly AreaFeature[];
}

const positionSchema = z
  .tuple(
    [z.number().check(z.gte(-180), z.lte(180)), z.number().check(z.gte(-90), z.lte(90))],
    z.number(),
  )
  .check(
    z.refine((position) => position.every(Number.isFinite), {
      message: 'must hold finite numbers',
    }),
  );

const linearRingSchema = z.array(positionSchema).check(
  z.minLength(4, 'a ring needs at least four positions'),
  z.refine(
    (ring) => {
      const first = ring[0];
      const last = ring.at(-1);
      return (
        first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1]
      );
    },
    { message: 'a ring must be closed: its last position equal to its first' },
  ),
);

const polygonCoordinatesSchema = z
  .array(linearRingSchema)
  .check(z.minLength(1, 'a polygon needs an outer ring'));

const geometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygonCoordinatesSchema }),
  z.object({
    type: z.literal('MultiPolygon'),
    coordinates: z
      .array(polygonCoordinatesSchema)
      .check(z.minLength(1, 'a multipolygon needs a polygon')),
  }),
]);

const featureSchema = z
  .object({
    type: z.literal('Feature'),
    id: z.optional(z.union([z.string(), z.number()])),
    properties: z.nullable(z.looseObject({ code: z.optional(z.string()) })),
    geometry: geometrySchema,
  })
  .check(
    z.refine((feature) => areaCodeOf(feature as AreaFeature) !== undefined, {
      message: 'an area needs a code: properties.code, or the feature id',
      path: ['properties', 'code'],
    }),
  );

/**
 * Schema of an {@link AreaFeatureCollection}: Polygon and MultiPolygon features with closed
 * rings of valid WGS84 positions, each with an area code.
 */
export const areaFeatureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(featureSchema),
});

/** The area code of a feature: `properties.code`, or else its `id`, as a string. */
export function areaCodeOf(feature: AreaFeature): string | undefined {
  const code = feature.properties?.code;
  if (typeof code === 'string' && code.trim() !== '') return code;
  if (typeof feature.id === 'string' && feature.id.trim() !== '') return feature.id;
  if (typeof feature.id === 'number' && Number.isFinite(feature.id)) return String(feature.id);
  return undefined;
}
