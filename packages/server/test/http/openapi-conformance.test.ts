import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase } from '../support/for-each-database.js';
import { createTestApp, resolve, type TestApp } from './support/create-test-app.js';

type Json = Record<string, unknown>;

const documentId = 'https://balagh.test/openapi.json';

/** An ajv for JSON Schema 2020-12 that knows the document's components by `$ref`. */
function validatorFor(document: Json) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: documentId, components: document.components });
  return (schema: Json) => {
    // Component references are relative to the document: resolve them against its id.
    const rebased = JSON.parse(
      JSON.stringify(schema).replaceAll('"#/components/', `"${documentId}#/components/`),
    ) as Json;
    return ajv.compile(rebased);
  };
}

function operation(document: Json, path: string, method: string): Json {
  const item = (document.paths as Record<string, Record<string, Json>>)[path]?.[method];
  if (item === undefined) throw new Error(`The document has no ${method} ${path}.`);
  return item;
}

function responseSchema(
  document: Json,
  path: string,
  method: string,
  status: number,
): { schema: Json; contentType: string } {
  const responses = operation(document, path, method).responses as Record<
    string,
    { content?: Record<string, { schema: Json }> }
  >;
  const content = responses[String(status)]?.content;
  const [contentType, media] = Object.entries(content ?? {})[0] ?? [];
  if (contentType === undefined || media === undefined)
    throw new Error(`No schema for ${status} of ${method} ${path}.`);
  return { schema: media.schema, contentType };
}

describe('the OpenAPI document', () => {
  let document: Json;
  beforeAll(async () => {
    const { createHttpApp } = await import('../../src/http/create-http-app.js');
    const app = createHttpApp({
      service: {} as never,
      webhooks: {
        whatsapp: async () => new Response(null),
        'sms/twilio': async () => new Response(null),
      },
    });
    document = app.openApiDocument();
  });

  it('is OpenAPI 3.1 with a JSON Schema 2020-12 dialect and valid component schemas', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    const schemas = (document.components as { schemas: Record<string, Json> }).schemas;
    expect(Object.keys(schemas).length).toBeGreaterThan(15);
    for (const [name, schema] of Object.entries(schemas)) {
      expect({ name, valid: ajv.validateSchema(schema), errors: ajv.errors ?? null }).toEqual({
        name,
        valid: true,
        errors: null,
      });
    }
  });

  it('has a unique operationId per operation, every path parameter declared and every $ref resolvable', () => {
    const ids = new Set<string>();
    const paths = document.paths as Record<string, Record<string, Json>>;
    for (const [path, item] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(ids.has(op.operationId as string), `${method} ${path}`).toBe(false);
        ids.add(op.operationId as string);
        const declared = ((op.parameters ?? []) as { name: string; in: string }[])
          .filter((parameter) => parameter.in === 'path')
          .map((parameter) => parameter.name);
        const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
        if (!path.startsWith('/webhooks/sms/')) expect(declared.sort()).toEqual(inPath.sort());
      }
    }
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    const references = [
      ...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g),
    ].map((match) => match[1]);
    expect(references.length).toBeGreaterThan(20);
    for (const name of references) expect(schemas, name).toHaveProperty(name as string);
    expect(JSON.stringify(document)).not.toContain('"$defs"');
  });

  it('documents problems, security and the webhooks', () => {
    const create = operation(document, '/v1/reports', 'post');
    expect(Object.keys(create.responses as Json)).toEqual(
      expect.arrayContaining(['201', '400', '401', '413', '415', '422', '429', '500']),
    );
    expect(operation(document, '/healthz', 'get').security).toEqual([]);
    expect(create.security).toBeUndefined();
    expect(document.security).toEqual([{ apiKey: [] }]);
    expect((document.paths as Json)['/webhooks/sms/twilio']).toBeDefined();
    const idempotency = (create.parameters as { name: string; in: string }[]).find(
      (parameter) => parameter.name === 'idempotency-key',
    );
    expect(idempotency?.in).toBe('header');
  });
});

forEachDatabase('real answers match the OpenAPI document', (getDatabase) => {
  let api: TestApp;
  let document: Json;
  let compile: (schema: Json) => ReturnType<InstanceType<typeof Ajv2020>['compile']>;
  beforeAll(async () => {
    api = await createTestApp(getDatabase());
    document = (await (await api.call('/openapi.json')).json()) as Json;
    compile = validatorFor(document);
  });

  async function expectConforms(
    response: Response,
    path: string,
    method: string,
  ): Promise<unknown> {
    const { schema, contentType } = responseSchema(document, path, method, response.status);
    expect(response.headers.get('content-type')).toContain(contentType);
    const body = await response.json();
    const validate = compile(schema);
    expect({
      path,
      status: response.status,
      valid: validate(body),
      errors: validate.errors ?? null,
    }).toEqual({
      path,
      status: response.status,
      valid: true,
      errors: null,
    });
    return body;
  }

  it('for create, status, staff get, list, categories, confirm, stats, keys, health and problems', async () => {
    const created = await api.call('/v1/reports', {
      method: 'POST',
      key: api.keys.integration,
      json: {
        categoryCode: 'restaurant_hygiene',
        description: 'Food stored on the floor',
        attributes: { establishment_name: 'Al Baik' },
        location: { lat: 21.4133, lng: 39.8933, address: 'Ibrahim Al Khalil St' },
        reporter: { phone: '+966512345678', name: 'Omar', language: 'ur' },
        channel: 'app',
        language: 'ur',
        externalId: 'app-42',
      },
    });
    const receipt = (await expectConforms(created, '/v1/reports', 'post')) as {
      id: string;
      number: string;
      trackingToken: string;
    };
    await expectConforms(
      await api.call(`/v1/reports/${receipt.number}?token=${receipt.trackingToken}`, {
        key: api.keys.integration,
      }),
      '/v1/reports/{ref}',
      'get',
    );
    await resolve(api, receipt.id);
    await expectConforms(
      await api.call(`/v1/reports/${receipt.id}`, { key: api.keys.agent }),
      '/v1/reports/{ref}',
      'get',
    );
    await expectConforms(
      await api.call('/v1/reports?limit=5', { key: api.keys.supervisor }),
      '/v1/reports',
      'get',
    );
    await expectConforms(
      await api.call('/v1/categories?lang=ar', { key: api.keys.integration }),
      '/v1/categories',
      'get',
    );
    await expectConforms(
      await api.call(`/v1/reports/${receipt.number}/confirm`, {
        method: 'POST',
        key: api.keys.integration,
        json: { token: receipt.trackingToken, code: await api.closureCodeOf(receipt.id) },
      }),
      '/v1/reports/{ref}/confirm',
      'post',
    );
    await expectConforms(
      await api.call('/v1/stats', { key: api.keys.supervisor }),
      '/v1/stats',
      'get',
    );
    await expectConforms(
      await api.call('/v1/api-keys', { key: api.keys.admin }),
      '/v1/api-keys',
      'get',
    );
    await expectConforms(await api.call('/healthz'), '/healthz', 'get');
    await expectConforms(
      await api.call('/v1/reports', {
        method: 'POST',
        key: api.keys.integration,
        json: { categoryCode: 'nope' },
      }),
      '/v1/reports',
      'post',
    );
    await expectConforms(
      await api.call('/v1/reports/1448-000001-0?token=x', { key: api.keys.integration }),
      '/v1/reports/{ref}',
      'get',
    );
  });

  it('refuses, through the document, a status that leaks the reporter', async () => {
    const { schema } = responseSchema(document, '/v1/reports/{ref}', 'get', 200);
    const publicStatus = compile({ $ref: '#/components/schemas/PublicReportStatus' });
    const receipt = await api.createReport();
    const status = (await (
      await api.call(`/v1/reports/${receipt.number}?token=${receipt.trackingToken}`, {
        key: api.keys.integration,
      })
    ).json()) as Json;
    expect(publicStatus(status)).toBe(true);
    expect(publicStatus({ ...status, reporter: { phone: '+966512345678' } })).toBe(false);
    expect(schema).toBeDefined();
  });
});
