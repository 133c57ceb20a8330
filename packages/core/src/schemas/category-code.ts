import * as z from 'zod/mini';

/** Schema of a category code: lower-case letters, digits and underscores, as Open311 allows. */
export const categoryCodeSchema = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9_]{1,63}$/, 'must be a category code such as "street_lighting"'));
