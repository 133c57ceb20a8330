import {
  attachmentSchema,
  instantSchema,
  languageSchema,
  parseInput,
  publicReportStatusSchema,
  reportReceiptSchema,
} from '@balagh/core';
import * as z from 'zod/mini';

// This module is loaded by a dynamic import() only when a client is created with
// `validateResponses: true`: it is the only one of the client that pulls zod into a bundle, and
// what it imports from core is measured against the bundle budget (scripts/size.ts).

const countSchema = z.number().check(z.int(), z.gte(0));

const apiKeyInfoSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  role: z.enum(['integration', 'agent', 'field_officer', 'department', 'supervisor', 'admin']),
  departmentCode: z.optional(z.string()),
  createdAt: instantSchema,
  revokedAt: z.optional(instantSchema),
});

/**
 * The schema of each kind of answer of the intake API: core's own schema for what core defines
 * (`ReportReceipt`, `PublicReportStatus`, `Attachment`), the client's for the rest.
 */
export const responseSchemas = {
  categories: z.strictObject({
    language: languageSchema,
    categories: z.array(
      z.strictObject({
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
      }),
    ),
  }),
  receipt: reportReceiptSchema,
  status: publicReportStatusSchema,
  confirmation: z.strictObject({
    outcome: z.enum(['valid', 'invalid', 'malformed', 'expired', 'locked']),
    attemptsLeft: z.optional(countSchema),
    report: publicReportStatusSchema,
  }),
  attachment: attachmentSchema,
  apiKeys: z.strictObject({ items: z.array(apiKeyInfoSchema) }),
  apiKey: z.strictObject({ ...apiKeyInfoSchema.shape, key: z.string() }),
} satisfies Record<string, z.ZodMiniType>;

/** A kind of answer of the intake API, named after what it holds. */
export type ResponseKind = keyof typeof responseSchemas;

/**
 * Checks an answer of the intake API against its schema and returns the parsed value.
 *
 * @throws core's `ValidationError` with the code `INTERNAL` (the server, not the caller, is at
 * fault) whose `issues` name each unexpected member.
 */
export function validateResponse(kind: ResponseKind, data: unknown, what: string): unknown {
  return parseInput(responseSchemas[kind], data, `response of ${what}`, 'INTERNAL');
}
