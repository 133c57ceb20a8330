import {
  apiKeyListSchema,
  attachmentSchema,
  categoryListSchema,
  confirmClosureResultSchema,
  createdApiKeySchema,
  parseInput,
  publicReportStatusSchema,
  reportReceiptSchema,
} from '@balagh/core';
import type * as z from 'zod/mini';

// This module is loaded by a dynamic import() only when a client is created with
// `validateResponses: true`: it is the only one of the client that pulls zod into a bundle, and
// what it imports from core is measured against the bundle budget (scripts/size.ts). Core's
// schemas of the staff answers are left out: the full report schema would not fit the budget.

/** The schema of each kind of answer of the intake API that the client checks: core's. */
export const responseSchemas = {
  categories: categoryListSchema,
  receipt: reportReceiptSchema,
  status: publicReportStatusSchema,
  confirmation: confirmClosureResultSchema,
  attachment: attachmentSchema,
  apiKeys: apiKeyListSchema,
  apiKey: createdApiKeySchema,
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
