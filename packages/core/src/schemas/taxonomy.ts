import * as z from 'zod/mini';
import { slaPolicySchema } from './calendar.js';
import { languageSchema } from './language.js';
import { categoryCodeSchema } from './report-input.js';
import { prioritySchema } from './status.js';

const codeSchema = z
  .string()
  .check(
    z.regex(/^[a-z][a-z0-9_-]{0,63}$/, 'must be a code of lower-case letters, digits, _ and -'),
  );

/** Schema of a {@link LocalizedText}. */
export const localizedTextSchema = z.partialRecord(
  languageSchema,
  z.string().check(z.minLength(1)),
);

/** A text in several languages, keyed by language code. */
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Schema of a {@link Department}. */
export const departmentSchema = z.strictObject({
  code: codeSchema,
  name: localizedTextSchema,
});

/** A competent department (الإدارة المختصة) that reports are routed to. */
export type Department = z.infer<typeof departmentSchema>;

/** Schema of a {@link CategoryGroup}. */
export const categoryGroupSchema = z.strictObject({
  code: codeSchema,
  name: localizedTextSchema,
});

/** A group of categories shown together in pickers. */
export type CategoryGroup = z.infer<typeof categoryGroupSchema>;

/** Open311 attribute datatypes. */
export const attributeDatatypes = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;

/** Schema of a {@link CategoryAttribute}. */
export const categoryAttributeSchema = z.strictObject({
  code: z.string().check(z.regex(/^[a-z][a-z0-9_]{0,63}$/)),
  datatype: z.enum(attributeDatatypes),
  required: z.boolean(),
  /** The question asked, per language. */
  description: localizedTextSchema,
  /** Allowed values for list datatypes. */
  values: z.optional(
    z.array(z.strictObject({ key: z.string().check(z.minLength(1)), name: localizedTextSchema })),
  ),
});

/** An Open311-style extra question of a category (an establishment's name, a plate). */
export type CategoryAttribute = z.infer<typeof categoryAttributeSchema>;

/** Schema of a {@link Category}. */
export const categorySchema = z.strictObject({
  /** Stable code, usable as Open311 `service_code`. */
  code: categoryCodeSchema,
  groupCode: codeSchema,
  name: localizedTextSchema,
  description: z.optional(localizedTextSchema),
  /** Department that handles it. */
  departmentCode: codeSchema,
  priority: prioritySchema,
  /** Code of the SLA policy applied. */
  slaPolicyCode: codeSchema,
  attributes: z.optional(z.array(categoryAttributeSchema)),
  /** Words that suggest this category in free text, per language. */
  keywords: z.partialRecord(languageSchema, z.array(z.string().check(z.minLength(1)))),
});

/** A kind of problem a reporter can report. */
export type Category = z.infer<typeof categorySchema>;

/** Schema of a {@link TaxonomyDefinition}, the input of `createTaxonomy`. */
export const taxonomyDefinitionSchema = z.strictObject({
  /** Languages every name must exist in. */
  languages: z.array(languageSchema).check(z.minLength(1)),
  /** Language used when a text is missing in the asked one. */
  defaultLanguage: languageSchema,
  departments: z.array(departmentSchema).check(z.minLength(1)),
  slaPolicies: z.array(slaPolicySchema).check(z.minLength(1)),
  groups: z.array(categoryGroupSchema).check(z.minLength(1)),
  categories: z.array(categorySchema).check(z.minLength(1)),
});

/** Everything that defines a taxonomy: departments, SLA policies, groups and categories. */
export type TaxonomyDefinition = z.infer<typeof taxonomyDefinitionSchema>;
