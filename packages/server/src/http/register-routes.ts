import { BalaghError, parseInput } from '@balagh/core';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type * as z from 'zod/mini';
import type { Actor, ApiKeyRole, ReportService } from '../service/report-service.js';
import { clientAddressOf, type TrustProxy } from './client-address.js';
import type { HttpEnv } from './http-env.js';
import type { RateLimiter } from './rate-limit/create-rate-limiter.js';
import { isJsonContentType, readJsonBody, unsupportedMediaType } from './read-json-body.js';
import type { AnyRouteReply, AnyRouteSpec, RouteAccess, RouteBody } from './route-spec.js';

/** What {@link registerRoutes} needs besides the routes. */
export interface RouteDependencies {
  readonly service: ReportService;
  /** Limits public report creation; `undefined` turns rate limiting off. */
  readonly rateLimiter: RateLimiter | undefined;
  readonly trustProxy: TrustProxy;
  /** Largest JSON body accepted, in bytes. */
  readonly maxBodyBytes: number;
}

const bearerPattern = /^Bearer[ \t]+([\x21-\x7e]{1,512})[ \t]*$/i;

/**
 * Mounts routes on a Hono app, each as one handler that authenticates the caller, checks its
 * role, applies the rate limit, checks the media type and size of the body before reading it,
 * parses the path, query, headers and body with the route's schemas, and writes the reply.
 * Every failure is thrown as a `BalaghError` for the app's error handler to turn into a problem.
 */
export function registerRoutes(
  app: Hono<HttpEnv>,
  routes: readonly AnyRouteSpec[],
  dependencies: RouteDependencies,
): void {
  for (const spec of routes) {
    const honoPath = spec.path.replace(/\{([^}]+)\}/g, ':$1');
    const limitBody =
      spec.body === undefined ? undefined : bodyLimiter(spec.body, dependencies.maxBodyBytes);
    app.on(spec.method.toUpperCase(), honoPath, async (context) => {
      context.set('routePattern', spec.path);
      let actor: Actor | undefined;
      if (spec.access !== 'none') {
        actor = await authenticate(context, dependencies.service);
        context.set('actor', actor);
        authorize(actor, spec.access, spec);
      }
      if (
        spec.rateLimited === true &&
        actor?.role === 'integration' &&
        dependencies.rateLimiter !== undefined
      ) {
        const decision = dependencies.rateLimiter.take(
          actor.keyId,
          clientAddressOf(context, dependencies.trustProxy),
        );
        if (!decision.allowed) {
          throw new BalaghError(
            'RATE_LIMITED',
            `Too many reports from this ${decision.limitedBy}; try again later.`,
            {
              details: { retryAfter: decision.retryAfterSeconds },
            },
          );
        }
      }
      const params =
        spec.params === undefined
          ? undefined
          : parseInput(spec.params, context.req.param(), 'path');
      const query =
        spec.query === undefined
          ? undefined
          : parseInput(spec.query, queryObject(context, spec.queryArrays ?? []), 'query');
      const headers =
        spec.headers === undefined
          ? undefined
          : parseInput(spec.headers, headerObject(context, spec.headers), 'headers');
      let body: unknown;
      if (spec.body !== undefined && limitBody !== undefined) {
        checkContentType(context, spec.body);
        // A Content-Length is checked here, and the body then read straight from the socket;
        // only a chunked body goes through Hono's limiter, which streams it.
        if (!withinDeclaredLength(context, spec.body, dependencies.maxBodyBytes)) {
          await limitBody(context, async () => {});
        }
        body = await readBody(context.req.raw, spec.body);
      }
      const reply: AnyRouteReply = await spec.handle({
        context,
        actor,
        service: actor === undefined ? undefined : dependencies.service.forActor(actor),
        params,
        query,
        headers,
        body: body as never,
      });
      if (reply instanceof Response) return reply;
      // A plain header object keeps @hono/node-server's fast path (no Headers, no stream).
      const replyHeaders: Record<string, string> = { ...reply.headers };
      if (reply.body === undefined)
        return new Response(null, { status: reply.status, headers: replyHeaders });
      replyHeaders['content-type'] = 'application/json; charset=utf-8';
      return new Response(JSON.stringify(reply.body), {
        status: reply.status,
        headers: replyHeaders,
      });
    });
  }
}

/**
 * Reads the caller's API key from `Authorization: Bearer <key>` and asks the service who it is.
 *
 * @throws `BalaghError` `UNAUTHENTICATED` when the header is missing, malformed or names an
 * unknown or revoked key.
 */
export async function authenticate(context: Context, service: ReportService): Promise<Actor> {
  const header = context.req.header('authorization');
  if (header === undefined) {
    throw new BalaghError('UNAUTHENTICATED', 'Send an API key: Authorization: Bearer <key>.');
  }
  const presented = bearerPattern.exec(header)?.[1];
  if (presented === undefined) {
    throw new BalaghError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <key>".');
  }
  const actor = await service.verifyApiKey(presented);
  if (actor === undefined) throw new BalaghError('UNAUTHENTICATED', 'Unknown or revoked API key.');
  return actor;
}

function authorize(actor: Actor, access: RouteAccess, spec: AnyRouteSpec): void {
  if (access === 'any' || access === 'none') return;
  if (actor.role !== 'system' && (access as readonly ApiKeyRole[]).includes(actor.role)) return;
  throw new BalaghError(
    'FORBIDDEN',
    `A key of role ${actor.role} may not call ${spec.method.toUpperCase()} ${spec.path}.`,
    { details: { role: actor.role } },
  );
}

function queryObject(
  context: Context,
  arrayParameters: readonly string[],
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, values] of Object.entries(context.req.queries())) {
    if (arrayParameters.includes(name)) result[name] = values.flatMap((value) => value.split(','));
    else result[name] = values.length === 1 ? values[0] : values;
  }
  return result;
}

function headerObject(context: Context, schema: z.ZodMiniObject): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of Object.keys(schema.shape)) {
    const value = context.req.header(name);
    if (value !== undefined) result[name] = value;
  }
  return result;
}

function checkContentType(context: Context, body: RouteBody): void {
  const header = context.req.header('content-type');
  if (body.kind === 'json') {
    if (!isJsonContentType(header)) throw unsupportedMediaType('application/json');
    return;
  }
  const mediaType = header?.split(';', 1)[0]?.trim().toLowerCase();
  if (mediaType === undefined || !body.contentTypes.includes(mediaType)) {
    throw unsupportedMediaType(body.contentTypes.join(', '));
  }
}

/**
 * Checks a body's declared `Content-Length` against the route's limit without touching the
 * body. Answers `false` when there is no usable `Content-Length` (a chunked body), for the
 * streaming limiter to check.
 *
 * @throws `BalaghError` `PAYLOAD_TOO_LARGE` when the declared length is over the limit.
 */
function withinDeclaredLength(context: Context, body: RouteBody, maxBodyBytes: number): boolean {
  if (context.req.header('transfer-encoding') !== undefined) return false;
  const declared = context.req.header('content-length');
  if (declared === undefined || !/^\d{1,15}$/.test(declared)) return false;
  const maxSize = body.kind === 'json' ? maxBodyBytes : body.maxBytes;
  if (Number(declared) > maxSize) {
    throw new BalaghError('PAYLOAD_TOO_LARGE', `The body is larger than ${maxSize} bytes.`, {
      details: { maxBytes: maxSize },
    });
  }
  return true;
}

function bodyLimiter(body: RouteBody, maxBodyBytes: number) {
  const maxSize = body.kind === 'json' ? maxBodyBytes : body.maxBytes;
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new BalaghError('PAYLOAD_TOO_LARGE', `The body is larger than ${maxSize} bytes.`, {
        details: { maxBytes: maxSize },
      });
    },
  });
}

async function readBody(request: Request, body: RouteBody): Promise<unknown> {
  if (body.kind === 'json') {
    return parseInput(
      body.schema.schema,
      await readJsonBody(request),
      describedAs(body.schema.name),
    );
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength === 0) {
    throw new BalaghError('VALIDATION_FAILED', 'The body is empty; send the image bytes.');
  }
  const contentType =
    request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return { bytes, contentType };
}

/** `ReportInput` → `report input`, for error messages. */
function wordsOf(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

const descriptions = new Map<string, string>();

/** {@link wordsOf}, computed once per schema name rather than on every request. */
function describedAs(name: string): string {
  let words = descriptions.get(name);
  if (words === undefined) {
    words = wordsOf(name);
    descriptions.set(name, words);
  }
  return words;
}
