import { apiKeyListSchema, createdApiKeySchema } from '@balagh/core';
import { type AnyRouteSpec, defineRoute, named, reply } from '../route-spec.js';
import { apiKeyIdParamsSchema, createApiKeyBodySchema } from '../schemas/admin-request-schemas.js';
import { required } from './public-routes.js';
import { adminRoles } from './staff-roles.js';

/** The API key management routes (admin keys only). */
export function adminRoutes(): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/api-keys',
      operationId: 'createApiKey',
      summary: 'Create an API key; the key is shown once',
      tags: ['admin'],
      access: adminRoles,
      body: {
        kind: 'json',
        schema: named('CreateApiKeyRequest', createApiKeyBodySchema),
        description: 'The new key.',
      },
      responses: {
        201: {
          description: 'The key, with its secret.',
          schema: named('CreatedApiKey', createdApiKeySchema),
        },
      },
      problems: [],
      handle: async ({ service, body }) => {
        const created = await required(service).createApiKey({
          name: body.name,
          role: body.role,
          ...(body.departmentCode === undefined ? {} : { departmentCode: body.departmentCode }),
        });
        return reply(201, created);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/api-keys',
      operationId: 'listApiKeys',
      summary: 'List the API keys (never their secrets)',
      tags: ['admin'],
      access: adminRoles,
      responses: {
        200: {
          description: 'Every key, revoked ones included.',
          schema: named('ApiKeyList', apiKeyListSchema),
        },
      },
      problems: [],
      handle: async ({ service }) => {
        const items = await required(service).listApiKeys();
        return reply(200, { items });
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/api-keys/{id}',
      operationId: 'revokeApiKey',
      summary: 'Revoke an API key',
      tags: ['admin'],
      access: adminRoles,
      params: apiKeyIdParamsSchema,
      responses: { 204: { description: 'Revoked (revoking twice is harmless).' } },
      problems: [404],
      handle: async ({ service, params }) => {
        await required(service).revokeApiKey(params.id);
        return reply(204, undefined);
      },
    }),
  ];
}
