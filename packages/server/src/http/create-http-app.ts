import { BalaghError, type Language } from '@balagh/core';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { methodNotAllowed } from 'hono/method-not-allowed';
import type { ReportService } from '../service/report-service.js';
import type { TrustProxy } from './client-address.js';
import { createCorsMiddleware } from './create-cors-middleware.js';
import type { HttpEnv } from './http-env.js';
import { type HttpLogger, redactForLog, silentHttpLogger } from './http-logger.js';
import { createMetrics, type Metrics } from './metrics/create-metrics.js';
import {
  createOpenApiDocument,
  type JsonObject,
  type OpenApiDocumentOptions,
} from './openapi/create-openapi-document.js';
import { problemBody, problemResponse, toProblem } from './problem/to-problem.js';
import {
  createRateLimiter,
  type RateLimiter,
  type RateLimitOptions,
} from './rate-limit/create-rate-limiter.js';
import { registerRoutes } from './register-routes.js';
import type { AnyRouteSpec } from './route-spec.js';
import { adminRoutes } from './routes/admin-routes.js';
import { operationRoutes } from './routes/operation-routes.js';
import { publicRoutes } from './routes/public-routes.js';
import { reporterRoutes } from './routes/reporter-routes.js';
import { staffRoutes } from './routes/staff-routes.js';

/** A web-standard request handler a channel mounts under `/webhooks/` (it checks its own signature). */
export type WebhookHandler = (request: Request) => Promise<Response>;

/** Options of {@link createHttpApp}. */
export interface HttpAppOptions {
  /** The intake service every route calls. */
  readonly service: ReportService;
  /** A pino-compatible logger; nothing is logged without one. */
  readonly logger?: HttpLogger;
  /**
   * Limits of report creation by `integration` keys (per key and per client address), a limiter
   * of your own, or `false` to turn limiting off. Default: {@link createRateLimiter}'s defaults.
   */
  readonly rateLimit?: RateLimitOptions | RateLimiter | false;
  /** Where request latency is recorded and `/metrics` reads from; a new registry by default. */
  readonly metrics?: Metrics;
  /**
   * Channel webhooks by path under `/webhooks/`: `{ whatsapp: handler, 'sms/twilio': handler }`.
   * Each gets the raw `Request`, every method, its bytes untouched.
   */
  readonly webhooks?: Readonly<Record<string, WebhookHandler>>;
  /** Largest JSON body, in bytes; 64 KiB by default. */
  readonly maxBodyBytes?: number;
  /** Largest media upload, in bytes; 5 MiB by default. */
  readonly maxMediaBytes?: number;
  /** Largest webhook body, in bytes; 1 MiB by default. */
  readonly maxWebhookBodyBytes?: number;
  /** Whether to believe `X-Forwarded-For` for the client's address (see {@link TrustProxy}); `false` by default. */
  readonly trustProxy?: TrustProxy;
  /** Language of the categories when a request names none the service speaks; `ar` by default. */
  readonly defaultLanguage?: Language;
  /**
   * Cross-origin access for browser callers (the widget on a third-party site). Default: any
   * origin, which is safe because credentials are bearer keys, never cookies; `false` turns it off.
   */
  readonly cors?: false | { readonly origin: string | readonly string[] };
  /** `info` and `servers` of `/openapi.json`. */
  readonly openApi?: OpenApiDocumentOptions;
  /** How long `/healthz` and `/metrics` wait for the database, in milliseconds; 5,000 by default. */
  readonly healthTimeoutMs?: number;
}

/** The Hono app {@link createHttpApp} builds, with the routes it serves. */
export type HttpApp = Hono<HttpEnv> & {
  /**
   * Every route the app serves, as declared (for tooling and tests).
   * @internal
   */
  readonly routeSpecs: readonly AnyRouteSpec[];
  /** The OpenAPI 3.1 document served at `/openapi.json`. */
  openApiDocument(): JsonObject;
};

const webhookPathPattern = /^[a-z0-9][a-z0-9-]{0,63}(?:\/[a-z0-9][a-z0-9-]{0,63})?$/;

/**
 * Builds the HTTP API of docs/api.md on Hono 4: the public, reporter, staff and admin routes,
 * `/healthz`, `/metrics`, `/openapi.json` and the channel webhooks. Every error is an RFC 9457
 * problem+json with a stable `code`; each request writes one log line (method, route pattern,
 * status, milliseconds) and one latency sample.
 *
 * Serve it with @hono/node-server (`serve({ fetch: app.fetch, port })`) or any web-standard
 * runtime; test it with `app.request()`.
 *
 * @throws `Error` when a webhook path is not `name` or `name/provider` in lower case.
 * @example
 * ```ts
 * import { serve } from '@hono/node-server';
 * import pino from 'pino';
 *
 * const app = createHttpApp({ service, logger: pino(), webhooks: { whatsapp: whatsapp.handle } });
 * serve({ fetch: app.fetch, port: 8080 });
 * ```
 */
export function createHttpApp(options: HttpAppOptions): HttpApp {
  const logger = options.logger ?? silentHttpLogger;
  const metrics = options.metrics ?? createMetrics();
  const rateLimiter =
    options.rateLimit === false
      ? undefined
      : options.rateLimit !== undefined && 'take' in options.rateLimit
        ? options.rateLimit
        : createRateLimiter(options.rateLimit ?? {});
  const webhooks = Object.entries(options.webhooks ?? {});
  for (const [path] of webhooks) {
    if (!webhookPathPattern.test(path))
      throw new Error(`A webhook path must look like "whatsapp" or "sms/twilio", not "${path}".`);
  }

  const app = new Hono<HttpEnv>();

  app.use('*', async (context, next) => {
    const started = performance.now();
    await next();
    const milliseconds = Math.round((performance.now() - started) * 10) / 10;
    const route = context.get('routePattern') ?? 'unmatched';
    const status = context.res.status;
    logger.info({ method: context.req.method, route, status, ms: milliseconds }, 'request');
    metrics.observeRequest({
      method: context.req.method,
      route,
      status,
      durationSeconds: milliseconds / 1000,
    });
  });
  if (options.cors !== false) {
    app.use(
      '*',
      createCorsMiddleware(options.cors === undefined ? {} : { origin: options.cors.origin }),
    );
  }
  app.use(
    '*',
    methodNotAllowed({
      app,
      onMethodNotAllowed: (context, methods) => {
        const allow = methods.join(', ');
        return problemResponse({
          status: 405,
          headers: { allow },
          body: problemBody(
            'METHOD_NOT_ALLOWED',
            405,
            `${context.req.method} is not allowed here; use ${allow}.`,
            {
              allow: methods,
            },
          ),
        });
      },
    }),
  );

  let document: JsonObject | undefined;
  const routes: AnyRouteSpec[] = [
    ...operationRoutes({
      service: options.service,
      metrics,
      logger,
      healthTimeoutMs: options.healthTimeoutMs ?? 5000,
      openApiDocument: () => openApiDocument(),
    }),
    ...publicRoutes({
      defaultLanguage: options.defaultLanguage ?? 'ar',
      maxMediaBytes: options.maxMediaBytes ?? 5 * 1024 * 1024,
    }),
    ...reporterRoutes(),
    ...staffRoutes(),
    ...adminRoutes(),
  ];
  registerRoutes(app, routes, {
    service: options.service,
    rateLimiter,
    trustProxy: options.trustProxy ?? false,
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024,
  });

  const maxWebhookBodyBytes = options.maxWebhookBodyBytes ?? 1024 * 1024;
  for (const [path, handler] of webhooks) {
    const pattern = `/webhooks/${path}`;
    app.all(
      pattern,
      async (context, next) => {
        context.set('routePattern', pattern);
        await next();
      },
      bodyLimit({
        maxSize: maxWebhookBodyBytes,
        onError: () => {
          throw new BalaghError(
            'PAYLOAD_TOO_LARGE',
            `The body is larger than ${maxWebhookBodyBytes} bytes.`,
          );
        },
      }),
      (context) => handler(context.req.raw),
    );
  }

  app.notFound((context) =>
    problemResponse({
      status: 404,
      headers: {},
      body: problemBody(
        'NOT_FOUND',
        404,
        `No route ${context.req.method} ${context.req.path}.`,
        {},
      ),
    }),
  );
  app.onError((error, context) => {
    const answer = toProblem(error);
    if (answer.unexpected) {
      logger.error(
        {
          method: context.req.method,
          route: context.get('routePattern') ?? 'unmatched',
          error: describeError(error),
        },
        'unexpected error',
      );
    }
    return problemResponse(answer);
  });

  function openApiDocument(): JsonObject {
    document ??= withWebhooks(
      createOpenApiDocument(routes, options.openApi ?? {}),
      webhooks.map(([path]) => path),
    );
    return document;
  }

  return Object.assign(app, { routeSpecs: routes, openApiDocument });
}

function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: redactForLog(error.message),
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.stack === undefined ? {} : { stack: redactForLog(error.stack) }),
  };
}

function withWebhooks(document: JsonObject, paths: readonly string[]): JsonObject {
  const documentPaths = document.paths as Record<string, unknown>;
  for (const path of paths) {
    const operation = (method: string) => ({
      operationId: `webhook_${method}_${path.replace(/[^a-z0-9]+/g, '_')}`,
      summary: `Webhook of ${path}, verified by its provider's signature`,
      tags: ['webhooks'],
      security: [],
      responses: {
        default: {
          description:
            "The channel's answer; `403 INVALID_SIGNATURE` when the signature does not match.",
        },
      },
    });
    documentPaths[`/webhooks/${path}`] = { get: operation('get'), post: operation('post') };
  }
  return document;
}
