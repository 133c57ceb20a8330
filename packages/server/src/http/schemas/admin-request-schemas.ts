import { apiKeyRoleSchema } from '@balagh/core';
import * as z from 'zod/mini';

/** Schema of the body of `POST /v1/api-keys`. */
export const createApiKeyBodySchema = z.strictObject({
  /** What the key is for, to recognise it in the list. */
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  role: apiKeyRoleSchema,
  /** The department a `department` key is scoped to. */
  departmentCode: z.optional(
    z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,63}$/, 'must be a department code')),
  ),
});

/** Schema of the path of `DELETE /v1/api-keys/{id}`. */
export const apiKeyIdParamsSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
});
