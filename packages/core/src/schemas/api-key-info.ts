import * as z from 'zod/mini';
import { instantSchema } from './instant.js';
import type { Role } from './status.js';

// The API key records of the intake API (`GET` and `POST /v1/api-keys`), in a file of their own
// so that a bundle validating them (the client in a browser) does not carry the staff report's
// schema. The types are declared beside the schemas, read-only, and checked against them by
// answer-types.test-d.ts.

/** Every role an API key can carry: each {@link Role} but `reporter` and `system`. */
export const apiKeyRoles = [
  'integration',
  'agent',
  'field_officer',
  'department',
  'supervisor',
  'admin',
] as const satisfies readonly Role[];

/** Schema of an {@link ApiKeyRole}. */
export const apiKeyRoleSchema = z.enum(apiKeyRoles);

/** A role an API key can carry; `reporter` and `system` are never given to a key. */
export type ApiKeyRole = z.infer<typeof apiKeyRoleSchema>;

/** Schema of an {@link ApiKeyInfo}. */
export const apiKeyInfoSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  role: apiKeyRoleSchema,
  departmentCode: z.optional(z.string()),
  createdAt: instantSchema,
  revokedAt: z.optional(instantSchema),
});

/** An API key as `GET /v1/api-keys` lists it: never its secret nor its hash. */
export interface ApiKeyInfo {
  /** The key's id, the `<id>` part of `blg_<id>_<secret>`. */
  readonly id: string;
  /** What the key is for, to recognise it in the list. */
  readonly name: string;
  readonly role: ApiKeyRole;
  /** The department a `department` key is scoped to. */
  readonly departmentCode?: string;
  /** When the key was created, ISO 8601. */
  readonly createdAt: string;
  /** When the key was revoked, ISO 8601; a revoked key authenticates no request. */
  readonly revokedAt?: string;
}

/** Schema of a {@link CreatedApiKey}. */
export const createdApiKeySchema = z.strictObject({ ...apiKeyInfoSchema.shape, key: z.string() });

/** A newly created API key (`POST /v1/api-keys`): `key` is shown this once. */
export interface CreatedApiKey extends ApiKeyInfo {
  /** The key to send as `Authorization: Bearer <key>`: `blg_<id>_<secret>`. */
  readonly key: string;
}

/** Schema of an {@link ApiKeyList}. */
export const apiKeyListSchema = z.strictObject({ items: z.array(apiKeyInfoSchema) });

/** The answer of `GET /v1/api-keys`: every key, revoked ones included, never a secret. */
export interface ApiKeyList {
  readonly items: readonly ApiKeyInfo[];
}
