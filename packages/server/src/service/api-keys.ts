import { BalaghError, ValidationError } from '@balagh/core';
import { generateApiKey, hashesEqual, hashSecret, parseApiKey } from './api-key-format.js';
import {
  type Actor,
  type ApiKeyInfo,
  type ApiKeyRole,
  apiKeyRoles,
  type CreateApiKeyInput,
  type CreatedApiKey,
} from './report-service.js';
import { requireRole } from './require-role.js';
import type { ServiceContext } from './service-context.js';

/** Verified API keys remembered at most; the oldest is forgotten first. */
const maximumVerifiedKeys = 10_000;
const adminRoles: readonly Actor['role'][] = ['admin', 'system'];

/**
 * API keys: creating, listing and revoking them (admin), and verifying a presented key, with
 * keys that verified remembered for `apiKeyCacheMs`.
 *
 * @internal
 */
export interface ApiKeys {
  /** `ReportService.createApiKey`: creates a key without an actor (bootstrap). */
  create(input: CreateApiKeyInput): Promise<CreatedApiKey>;
  /** `ActorReportService.createApiKey` for an actor. */
  createAs(actor: Actor, input: CreateApiKeyInput): Promise<CreatedApiKey>;
  /** `ActorReportService.listApiKeys` for an actor. */
  list(actor: Actor): Promise<readonly ApiKeyInfo[]>;
  /** `ActorReportService.revokeApiKey` for an actor; forgets the key if it was remembered. */
  revoke(actor: Actor, id: string): Promise<void>;
  /** `ReportService.verifyApiKey`. */
  verify(presentedKey: string): Promise<Actor | undefined>;
}

/**
 * Creates the {@link ApiKeys} of a service, with its own cache of verified keys.
 *
 * @internal
 */
export function createApiKeys(context: ServiceContext): ApiKeys {
  const { options, storage, taxonomy, nowIso } = context;

  const apiKeyCacheMs = options.apiKeyCacheMs ?? 5000;
  /**
   * Verified keys by the key as presented, with when to read them again. Keyed by the plain key,
   * not its hash: hashing on every request cost as much as the rest of authentication, and only
   * keys that verified are kept, for seconds, in the memory that received them anyway.
   */
  const verifiedKeys = new Map<string, { readonly actor: Actor; readonly until: number }>();
  const forgetVerifiedKey = (keyId: string) => {
    for (const [hash, entry] of verifiedKeys)
      if (entry.actor.keyId === keyId) verifiedKeys.delete(hash);
  };

  const createKey = async (input: CreateApiKeyInput): Promise<CreatedApiKey> => {
    const issues = [];
    if (typeof input.name !== 'string' || input.name.trim() === '' || input.name.length > 200) {
      issues.push({ path: 'name', code: 'too_small', message: 'must be 1 to 200 characters' });
    }
    if (!(apiKeyRoles as readonly string[]).includes(input.role)) {
      issues.push({
        path: 'role',
        code: 'invalid_value',
        message: `must be one of ${apiKeyRoles.join(', ')}`,
      });
    }
    if (input.role === 'department') {
      if (
        input.departmentCode === undefined ||
        taxonomy.department(input.departmentCode) === undefined
      ) {
        issues.push({
          path: 'departmentCode',
          code: 'invalid_value',
          message: 'must name a department of the taxonomy',
        });
      }
    }
    if (issues.length > 0) {
      throw new ValidationError(
        `Invalid API key. ${issues[0]?.path}: ${issues[0]?.message}`,
        issues,
      );
    }
    const generated = generateApiKey();
    const createdAt = nowIso();
    const departmentCode = input.role === 'department' ? input.departmentCode : undefined;
    await storage.insertApiKey({
      id: generated.id,
      name: input.name.trim(),
      role: input.role,
      ...(departmentCode === undefined ? {} : { departmentCode }),
      secretHash: hashSecret(generated.secret),
      createdAt,
    });
    return {
      id: generated.id,
      key: generated.key,
      name: input.name.trim(),
      role: input.role,
      ...(departmentCode === undefined ? {} : { departmentCode }),
      createdAt,
    };
  };

  return {
    create: createKey,

    async createAs(actor, input) {
      requireRole(actor, adminRoles, 'manage API keys');
      return createKey(input);
    },

    async list(actor) {
      requireRole(actor, adminRoles, 'manage API keys');
      const keys = await storage.listApiKeys();
      return keys.map(
        (key): ApiKeyInfo => ({
          id: key.id,
          name: key.name,
          role: key.role as ApiKeyRole,
          ...(key.departmentCode === undefined ? {} : { departmentCode: key.departmentCode }),
          createdAt: key.createdAt,
          ...(key.revokedAt === undefined ? {} : { revokedAt: key.revokedAt }),
        }),
      );
    },

    async revoke(actor, id) {
      requireRole(actor, adminRoles, 'manage API keys');
      const revoked = await storage.revokeApiKey(id, nowIso());
      forgetVerifiedKey(id);
      if (!revoked) {
        throw new BalaghError('NOT_FOUND', 'No such API key.', { details: { id } });
      }
    },

    async verify(presentedKey) {
      if (typeof presentedKey !== 'string') return undefined;
      const cacheKey = apiKeyCacheMs > 0 ? presentedKey : undefined;
      if (cacheKey !== undefined) {
        const cached = verifiedKeys.get(cacheKey);
        if (cached !== undefined && cached.until > Date.now()) return cached.actor;
        verifiedKeys.delete(cacheKey);
      }
      const parsed = parseApiKey(presentedKey);
      if (parsed === undefined) return undefined;
      const record = await storage.getApiKey(parsed.id);
      if (record === undefined || record.revokedAt !== undefined) return undefined;
      if (!hashesEqual(record.secretHash, hashSecret(parsed.secret))) return undefined;
      const actor: Actor = {
        keyId: record.id,
        role: record.role as ApiKeyRole,
        ...(record.departmentCode === undefined ? {} : { departmentCode: record.departmentCode }),
      };
      if (cacheKey !== undefined) {
        if (verifiedKeys.size >= maximumVerifiedKeys) {
          const oldest = verifiedKeys.keys().next().value;
          if (oldest !== undefined) verifiedKeys.delete(oldest);
        }
        verifiedKeys.set(cacheKey, { actor, until: Date.now() + apiKeyCacheMs });
      }
      return actor;
    },
  };
}
