import * as z from 'zod/mini';
import { problemTitleByCode } from '../problem/problem-status.js';
import type { AnyRouteSpec, NamedSchema } from '../route-spec.js';
import { problemSchema } from '../schemas/problem-schema.js';

/** A JSON Schema or OpenAPI object, as plain JSON. */
export type JsonObject = { [key: string]: unknown };

/** Options of `createOpenApiDocument`. */
export interface OpenApiDocumentOptions {
  /** `info.title`; "Balagh intake API" by default. */
  readonly title?: string;
  /** `info.version`; "1" by default. */
  readonly version?: string;
  /** Base URL of the server, listed in `servers`. */
  readonly serverUrl?: string;
}

/** The name of the problem+json schema in `components.schemas`. */
export const problemSchemaName = 'Problem';

const componentUri = (id: string): string => `#/components/schemas/${id}`;

/**
 * Builds the OpenAPI 3.1 document of a set of routes from the very schemas that validate their
 * requests: request bodies, path, query and header parameters as zod inputs (`io: 'input'`),
 * answers as zod outputs (`io: 'output'`). Named schemas become `components.schemas`, referred
 * to with `$ref`; every error answer refers to the `Problem` schema.
 *
 * @throws `Error` when two different schemas share a name, or one name is both a request
 * and a response schema (the two would convert differently).
 * @example
 * ```ts
 * const document = createOpenApiDocument(routes, { serverUrl: 'https://reports.example.org' });
 * ```
 */
export function createOpenApiDocument(
  routes: readonly AnyRouteSpec[],
  options: OpenApiDocumentOptions = {},
): JsonObject {
  const inputSchemas = new Map<string, z.ZodMiniType>();
  const outputSchemas = new Map<string, z.ZodMiniType>([[problemSchemaName, problemSchema]]);
  const remember = (
    target: Map<string, z.ZodMiniType>,
    other: Map<string, z.ZodMiniType>,
    named: NamedSchema,
  ) => {
    const known = target.get(named.name);
    if ((known !== undefined && known !== named.schema) || other.has(named.name)) {
      throw new Error(`Two OpenAPI schemas are named ${named.name}.`);
    }
    target.set(named.name, named.schema);
  };
  for (const route of routes) {
    if (route.body?.kind === 'json') remember(inputSchemas, outputSchemas, route.body.schema);
    for (const response of Object.values(route.responses)) {
      if (response.schema !== undefined) remember(outputSchemas, inputSchemas, response.schema);
    }
  }

  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of routes) {
    const pathItem = paths[route.path] ?? {};
    paths[route.path] = pathItem;
    pathItem[route.method] = operationOf(route);
  }

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: options.title ?? 'Balagh intake API',
      version: options.version ?? '1',
      description:
        'The intake API of Balagh: citizen reports to the municipality. Errors are RFC 9457 problem+json ' +
        'documents with a stable `code`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    ...(options.serverUrl === undefined ? {} : { servers: [{ url: options.serverUrl }] }),
    security: [{ apiKey: [] }],
    tags: [...new Set(routes.flatMap((route) => route.tags))].map((name) => ({ name })),
    paths,
    components: {
      schemas: {
        ...componentsOf(inputSchemas, 'input'),
        ...componentsOf(outputSchemas, 'output'),
      },
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key, `blg_<keyId>_<secret>`, in `Authorization: Bearer <key>`.',
        },
      },
    },
  };
}

function componentsOf(
  schemas: Map<string, z.ZodMiniType>,
  io: 'input' | 'output',
): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of schemas) registry.add(schema, { id });
  const converted = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    uri: componentUri,
    unrepresentable: 'any',
  });
  const result: Record<string, JsonObject> = {};
  for (const [id, schema] of Object.entries(converted.schemas)) {
    const { $schema: _dialect, $id: _id, ...rest } = schema as JsonObject;
    result[id] = rest;
  }
  return result;
}

function operationOf(route: AnyRouteSpec): JsonObject {
  const parameters = [
    ...parametersOf(route.params, 'path'),
    ...parametersOf(route.query, 'query', route.queryArrays ?? []),
    ...parametersOf(route.headers, 'header'),
  ];
  const responses: Record<string, JsonObject> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    const headers = Object.fromEntries(
      Object.entries(response.headers ?? {}).map(([name, header]) => [
        name,
        { description: header.description, schema: inlineSchema(header.schema, 'output') },
      ]),
    );
    const contentType = response.contentType ?? 'application/json';
    responses[status] = {
      description: response.description,
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      ...(response.schema !== undefined
        ? { content: { [contentType]: { schema: { $ref: componentUri(response.schema.name) } } } }
        : response.contentType !== undefined
          ? { content: { [contentType]: { schema: { type: 'string' } } } }
          : {}),
    };
  }
  for (const status of problemStatusesOf(route)) {
    responses[String(status)] ??= {
      description: problemDescriptions[status] ?? 'A problem.',
      ...(status === 429 || status === 503
        ? {
            headers: {
              'retry-after': {
                description: 'Seconds to wait.',
                schema: { type: 'integer', minimum: 0 },
              },
            },
          }
        : {}),
      content: {
        'application/problem+json': { schema: { $ref: componentUri(problemSchemaName) } },
      },
    };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description === undefined ? {} : { description: route.description }),
    tags: [...route.tags],
    ...(route.access === 'none' ? { security: [] } : {}),
    'x-balagh-roles':
      route.access === 'none' ? [] : route.access === 'any' ? ['any'] : [...route.access],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body === undefined ? {} : { requestBody: requestBodyOf(route.body) }),
    responses,
  };
}

const problemDescriptions: Readonly<Record<number, string>> = {
  400: `${problemTitleByCode.VALIDATION_FAILED} (malformed JSON too).`,
  401: problemTitleByCode.UNAUTHENTICATED,
  403: problemTitleByCode.FORBIDDEN,
  404: problemTitleByCode.NOT_FOUND,
  409: problemTitleByCode.CONFLICT,
  413: problemTitleByCode.PAYLOAD_TOO_LARGE,
  415: problemTitleByCode.UNSUPPORTED_MEDIA_TYPE,
  422: 'The input is well formed but refused (unknown category, invalid phone, wrong closure code...).',
  423: problemTitleByCode.CLOSURE_CODE_LOCKED,
  429: problemTitleByCode.RATE_LIMITED,
  500: problemTitleByCode.INTERNAL,
  503: problemTitleByCode.SERVICE_UNAVAILABLE,
};

function problemStatusesOf(route: AnyRouteSpec): number[] {
  const statuses = new Set(route.problems);
  if (
    route.params !== undefined ||
    route.query !== undefined ||
    route.headers !== undefined ||
    route.body !== undefined
  ) {
    statuses.add(400);
  }
  if (route.body !== undefined) {
    statuses.add(413);
    statuses.add(415);
  }
  if (route.access !== 'none') {
    statuses.add(401);
    if (route.access !== 'any') statuses.add(403);
  }
  if (route.rateLimited === true) statuses.add(429);
  statuses.add(500);
  return [...statuses].sort((a, b) => a - b);
}

function requestBodyOf(body: NonNullable<AnyRouteSpec['body']>): JsonObject {
  if (body.kind === 'json') {
    return {
      required: true,
      description: body.description,
      content: { 'application/json': { schema: { $ref: componentUri(body.schema.name) } } },
    };
  }
  return {
    required: true,
    description: `${body.description} At most ${body.maxBytes} bytes.`,
    content: Object.fromEntries(
      body.contentTypes.map((type) => [type, { schema: { contentMediaType: type } }]),
    ),
  };
}

function parametersOf(
  schema: z.ZodMiniObject | undefined,
  location: 'path' | 'query' | 'header',
  arrays: readonly string[] = [],
): JsonObject[] {
  if (schema === undefined) return [];
  const converted = inlineSchema(schema, 'input');
  const properties = (converted.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((converted.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: location,
      required: location === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      ...(arrays.includes(name) ? { style: 'form', explode: true } : {}),
      schema: propertySchema,
    };
  });
}

function inlineSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as JsonObject;
  if (JSON.stringify(rest).includes('"$ref"')) {
    // A $ref here would point into this fragment's own $defs, which means nothing once the
    // fragment is placed inside the document.
    throw new Error(
      'A parameter schema must not contain references; name and register it instead.',
    );
  }
  return rest;
}
