import { BalaghError } from '@balagh/core';
import type { ReportService } from '../../service/report-service.js';
import type { HttpLogger } from '../http-logger.js';
import {
  type Metrics,
  type MetricsGauges,
  prometheusContentType,
} from '../metrics/create-metrics.js';
import { type AnyRouteSpec, defineRoute, named, reply } from '../route-spec.js';
import { healthSchema } from '../schemas/response-schemas.js';

/** What {@link operationRoutes} needs. */
export interface OperationRoutesOptions {
  readonly service: ReportService;
  readonly metrics: Metrics;
  readonly logger: HttpLogger;
  /** The OpenAPI document, built once all routes are known. */
  readonly openApiDocument: () => unknown;
  /** How long `/healthz` waits for the database, in milliseconds. */
  readonly healthTimeoutMs: number;
}

/** `/healthz`, `/metrics` and `/openapi.json`: no key needed. */
export function operationRoutes(options: OperationRoutesOptions): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/healthz',
      operationId: 'health',
      summary: 'Tell whether the service and its database answer',
      tags: ['operations'],
      access: 'none',
      responses: { 200: { description: 'All is well.', schema: named('Health', healthSchema) } },
      problems: [503],
      handle: async () => {
        try {
          await withTimeout(options.service.checkHealth(), options.healthTimeoutMs);
        } catch (error) {
          options.logger.warn(
            { check: 'database', error: error instanceof Error ? error.name : 'unknown' },
            'health check failed',
          );
          throw new BalaghError('SERVICE_UNAVAILABLE', 'The database does not answer.', {
            cause: error,
            details: { retryAfter: 5 },
          });
        }
        return reply(200, { status: 'ok', database: 'ok' } as const);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/metrics',
      operationId: 'metrics',
      summary: 'Prometheus metrics',
      description: 'Text exposition format 0.0.4. Fence it at the proxy if counts are not public.',
      tags: ['operations'],
      access: 'none',
      responses: { 200: { description: 'The metrics.', contentType: 'text/plain' } },
      problems: [],
      handle: async () => {
        let gauges: MetricsGauges = {};
        try {
          const counts = await withTimeout(options.service.outboxCounts(), options.healthTimeoutMs);
          gauges = { outboxPending: counts.pending, outboxDead: counts.dead };
        } catch (error) {
          options.logger.warn(
            { metric: 'outbox', error: error instanceof Error ? error.name : 'unknown' },
            'outbox counts unavailable',
          );
        }
        return new Response(options.metrics.render(gauges), {
          status: 200,
          headers: { 'content-type': prometheusContentType },
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      operationId: 'openApiDocument',
      summary: 'This API as an OpenAPI 3.1 document',
      tags: ['operations'],
      access: 'none',
      responses: { 200: { description: 'The document.', contentType: 'application/json' } },
      problems: [],
      handle: async () =>
        new Response(JSON.stringify(options.openApiDocument()), {
          status: 200,
          headers: { 'content-type': 'application/json; charset=utf-8' },
        }),
    }),
  ];
}

async function withTimeout<T>(promise: Promise<T>, milliseconds: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new BalaghError('TIMEOUT', 'No answer in time.')),
          milliseconds,
        );
      }),
    ]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
