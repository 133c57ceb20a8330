import * as z from 'zod/mini';

/**
 * Schema of a {@link Location}: WGS84 coordinates (both or neither), and/or a free-text address
 * or landmark (a Mina camp number, a gate of the Haram, a bridge level). At least one of
 * coordinates, address or landmark is required.
 */
export const locationSchema = z
  .strictObject({
    /** Latitude in decimal degrees, WGS84. */
    lat: z.optional(z.number().check(z.gte(-90), z.lte(90))),
    /** Longitude in decimal degrees, WGS84. */
    lng: z.optional(z.number().check(z.gte(-180), z.lte(180))),
    /** Radius of the 68% confidence circle, in metres, as devices report it. */
    accuracyMeters: z.optional(z.number().check(z.gte(0), z.lte(100_000))),
    /** Free-text street address. */
    address: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
    /** A landmark people use: "Mina camp 42", "King Fahd Gate", "Jamarat bridge level 3". */
    landmark: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
    /** Area code resolved by geo-routing; set by the server, ignored on input. */
    areaCode: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  })
  .check(
    z.refine((l) => (l.lat === undefined) === (l.lng === undefined), {
      message: 'lat and lng must be given together',
      path: ['lng'],
    }),
    z.refine((l) => l.lat !== undefined || l.address !== undefined || l.landmark !== undefined, {
      message: 'give coordinates, an address or a landmark',
    }),
  );

/** Where the problem is. */
export type Location = z.infer<typeof locationSchema>;
