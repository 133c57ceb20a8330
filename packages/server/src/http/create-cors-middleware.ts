import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/** Options of {@link createCorsMiddleware}. */
export interface CorsOptions {
  /** Origins allowed to call the API from a browser: `'*'` (the default), one, or a list. */
  readonly origin?: string | readonly string[];
}

const allowMethods = ['GET', 'POST', 'DELETE', 'OPTIONS'];
const allowHeaders = ['Authorization', 'Content-Type', 'Idempotency-Key'];
const exposeHeaders = ['Location', 'Retry-After', 'Idempotent-Replayed'];

/**
 * Cross-origin access for browser callers: the same headers as Hono's `cors` middleware, which
 * still answers the preflight (`OPTIONS`). On other requests the headers are set on the
 * finished response instead of on a placeholder before it: Hono then copies every response
 * into a new one whose body it streams, which costs more than the rest of a small request.
 *
 * @example
 * ```ts
 * app.use('*', createCorsMiddleware({ origin: 'https://www.example.gov.sa' }));
 * ```
 */
export function createCorsMiddleware(options: CorsOptions = {}): MiddlewareHandler {
  const origin = options.origin ?? '*';
  const origins = typeof origin === 'string' ? [origin] : [...origin];
  const preflight = cors({
    origin: typeof origin === 'string' ? origin : origins,
    allowMethods,
    allowHeaders,
    exposeHeaders,
    maxAge: 600,
  });
  const exposed = exposeHeaders.join(',');
  return async (context, next) => {
    if (context.req.method === 'OPTIONS') return preflight(context, next);
    await next();
    const requestOrigin = context.req.header('origin') ?? '';
    const allowOrigin =
      origin === '*' ? '*' : origins.includes(requestOrigin) ? requestOrigin : undefined;
    let headers = context.res.headers;
    try {
      if (allowOrigin !== undefined) headers.set('Access-Control-Allow-Origin', allowOrigin);
    } catch {
      // A response with immutable headers (one passed through from fetch): copy it first.
      context.res = new Response(context.res.body, context.res);
      headers = context.res.headers;
      if (allowOrigin !== undefined) headers.set('Access-Control-Allow-Origin', allowOrigin);
    }
    headers.set('Access-Control-Expose-Headers', exposed);
    if (origin !== '*') headers.append('Vary', 'Origin');
  };
}
