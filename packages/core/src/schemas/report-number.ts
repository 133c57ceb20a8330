import * as z from 'zod/mini';

/** Schema of a report number as printed: `1448-000123-7`. */
export const reportNumberSchema = z
  .string()
  .check(z.regex(/^\d{4}-\d{6,}-\d$/, 'must be a report number such as 1448-000123-7'));
