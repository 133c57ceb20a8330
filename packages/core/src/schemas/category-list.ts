import * as z from 'zod/mini';
import { type Language, languageSchema } from './language.js';

// The answer of `GET /v1/categories`, in a file of its own so that a bundle validating it (the
// client in a browser) does not carry the taxonomy's schemas. The types are declared beside the
// schemas, read-only, and checked against them by answer-types.test-d.ts.

/** Schema of a {@link LocalizedCategory}. */
export const localizedCategorySchema = z.strictObject({
  code: z.string(),
  groupCode: z.string(),
  groupName: z.string(),
  name: z.string(),
  description: z.optional(z.string()),
  priority: z.string(),
  attributes: z.array(
    z.strictObject({
      code: z.string(),
      datatype: z.string(),
      required: z.boolean(),
      description: z.string(),
      values: z.optional(z.array(z.strictObject({ key: z.string(), name: z.string() }))),
    }),
  ),
});

/** A category as a reporter sees it, in one language. */
export interface LocalizedCategory {
  /** The category's stable code, usable as Open311 `service_code`. */
  readonly code: string;
  readonly groupCode: string;
  /** The group's name, in the same language. */
  readonly groupName: string;
  readonly name: string;
  readonly description?: string;
  /** `low`, `normal`, `high` or `urgent`. */
  readonly priority: string;
  /** The Open311-style questions the category asks, in the same language. */
  readonly attributes: readonly {
    readonly code: string;
    readonly datatype: string;
    readonly required: boolean;
    readonly description: string;
    readonly values?: readonly { readonly key: string; readonly name: string }[];
  }[];
}

/** Schema of a {@link CategoryList}. */
export const categoryListSchema = z.strictObject({
  language: languageSchema,
  categories: z.array(localizedCategorySchema),
});

/** The answer of `GET /v1/categories`: categories named in one language. */
export interface CategoryList {
  /** The language the names are in: the asked one, or the server's default when it is unknown. */
  readonly language: Language;
  readonly categories: readonly LocalizedCategory[];
}
