import { errorCodes } from '@balagh/core';
import * as z from 'zod/mini';

/** Schema of one entry of a problem's `errors` member: a field and what is wrong with it. */
export const problemIssueSchema = z.strictObject({
  /** Dotted path of the offending field; `''` for the whole input. */
  path: z.string(),
  /** Machine-readable reason (`too_small`, `invalid_type`, `unrecognized_keys`...). */
  code: z.string(),
  /** English explanation, for a developer. */
  message: z.string(),
});

/**
 * Schema of an RFC 9457 problem+json body as the server writes it: the standard members plus
 * the stable `code`, and, where useful, `errors`, `retryAfter` and `attemptsLeft`. Other
 * non-personal facts about the failure may appear as extra members.
 */
export const problemSchema = z.looseObject({
  /** URI naming the problem type: `https://balagh.dev/problems/<code in kebab case>`. */
  type: z.string(),
  /** Short, fixed summary of the problem type. */
  title: z.string(),
  /** The HTTP status, repeated. */
  status: z.number().check(z.int(), z.gte(400), z.lte(599)),
  /** One of core's `errorCodes`: switch on it. */
  code: z.enum(errorCodes),
  /** What went wrong in this occurrence, for a developer. */
  detail: z.string(),
  /** Validation issues, one per offending field. */
  errors: z.optional(z.array(problemIssueSchema)),
  /** Seconds to wait before trying again (also in the `Retry-After` header). */
  retryAfter: z.optional(z.number().check(z.int(), z.gte(0))),
  /** Closure-code attempts left before it locks. */
  attemptsLeft: z.optional(z.number().check(z.int(), z.gte(0))),
});

/** An RFC 9457 problem+json body with Balagh's stable `code`. */
export type Problem = z.infer<typeof problemSchema>;
