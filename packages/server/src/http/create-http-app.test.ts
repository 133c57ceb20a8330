import { BalaghError } from '@balagh/core';
import { describe, expect, it } from 'vitest';
import type { ActorReportService, ReportService } from '../service/report-service.js';
import { createHttpApp } from './create-http-app.js';

/** A service whose every call fails the way a test asks; only what the app touches exists. */
function stubService(
  overrides: Partial<ActorReportService> = {},
  health: () => Promise<void> = async () => {},
): ReportService {
  return {
    verifyApiKey: async (key: string) =>
      key === 'blg_good_key' ? { keyId: 'good', role: 'agent' } : undefined,
    forActor: (actor) => ({ actor, ...overrides }) as ActorReportService,
    checkHealth: health,
    outboxCounts: async () => {
      throw new Error('outbox table missing');
    },
  } as Partial<ReportService> as ReportService;
}

function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  const write = (level: string) => (object: Record<string, unknown>, message?: string) => {
    lines.push({ level, message, ...object });
  };
  return { lines, logger: { info: write('info'), warn: write('warn'), error: write('error') } };
}

const agent = { authorization: 'Bearer blg_good_key' };

describe('createHttpApp', () => {
  it('answers an unexpected failure with 500 INTERNAL, tells the client nothing and logs it redacted', async () => {
    const { lines, logger } = recordingLogger();
    const app = createHttpApp({
      logger,
      service: stubService({
        listCategories: async () => {
          throw new TypeError('row for +966512345678 is null at /srv/storage.js:42');
        },
      }),
    });
    const response = await app.request('/v1/categories', { headers: agent });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ code: 'INTERNAL', status: 500 });
    expect(text).not.toMatch(/966512345678|TypeError|storage\.js/);
    const logged = lines.find((line) => line.level === 'error');
    expect(logged).toMatchObject({ route: '/v1/categories', error: { name: 'TypeError' } });
    expect(JSON.stringify(lines)).not.toContain('966512345678');
    expect(lines.at(-1)).toMatchObject({
      level: 'info',
      method: 'GET',
      route: '/v1/categories',
      status: 500,
    });
  });

  it('answers 503 with Retry-After when the database does not answer, and still serves metrics', async () => {
    const app = createHttpApp({
      service: stubService({}, async () => {
        throw new Error('connect ECONNREFUSED 10.0.0.5:5432');
      }),
    });
    const health = await app.request('/healthz');
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toBe('5');
    const body = await health.text();
    expect(JSON.parse(body)).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(body).not.toContain('10.0.0.5');
    const metrics = await app.request('/metrics');
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('route="/healthz",status_class="5xx"');
  });

  it('answers /healthz 503 when the database hangs past the timeout', async () => {
    const app = createHttpApp({
      service: stubService({}, () => new Promise(() => {})),
      healthTimeoutMs: 20,
    });
    expect((await app.request('/healthz')).status).toBe(503);
  });

  it("turns a webhook's BalaghError into a problem, and leaves its own answers alone", async () => {
    const app = createHttpApp({
      service: stubService(),
      webhooks: {
        whatsapp: async (request) => {
          if (request.headers.get('x-hub-signature-256') !== 'sha256=good') {
            throw new BalaghError('INVALID_SIGNATURE', 'Bad signature.');
          }
          return new Response('EVENT_RECEIVED', { status: 200 });
        },
      },
    });
    const refused = await app.request('/webhooks/whatsapp', { method: 'POST', body: '{}' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'INVALID_SIGNATURE' });
    const accepted = await app.request('/webhooks/whatsapp', {
      method: 'POST',
      body: '{}',
      headers: { 'x-hub-signature-256': 'sha256=good' },
    });
    expect(await accepted.text()).toBe('EVENT_RECEIVED');
    const tooBig = await app.request('/webhooks/whatsapp', {
      method: 'POST',
      body: 'x'.repeat(2 * 1024 * 1024),
      headers: { 'content-length': String(2 * 1024 * 1024) },
    });
    expect(tooBig.status).toBe(413);
  });

  it('refuses a webhook path that is not name or name/provider', () => {
    expect(() =>
      createHttpApp({
        service: stubService(),
        webhooks: { '../admin': async () => new Response() },
      }),
    ).toThrow(/webhook path/);
  });

  it('sets the CORS headers on every answer of an allowed origin, errors included', async () => {
    const app = createHttpApp({
      service: stubService({ listCategories: async () => [] }),
      cors: { origin: ['https://a.example'] },
    });
    const allowed = { origin: 'https://a.example', ...agent };
    const listed = await app.request('/v1/categories', { headers: allowed });
    expect(listed.status).toBe(200);
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://a.example');
    expect(listed.headers.get('access-control-expose-headers')).toContain('Location');
    expect(listed.headers.get('vary')).toContain('Origin');
    const missing = await app.request('/v1/nothing', { headers: allowed });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe('https://a.example');
    const other = await app.request('/v1/categories', {
      headers: { origin: 'https://b.example', ...agent },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const open = createHttpApp({ service: stubService({ listCategories: async () => [] }) });
    const anyOrigin = await app.request('/v1/categories', { headers: agent });
    expect(anyOrigin.headers.get('access-control-allow-origin')).toBeNull();
    expect(
      (await open.request('/v1/categories', { headers: agent })).headers.get(
        'access-control-allow-origin',
      ),
    ).toBe('*');
  });

  it('refuses a JSON body over the limit, whether its length is declared or it is chunked', async () => {
    const app = createHttpApp({ service: stubService(), maxBodyBytes: 1024 });
    const body = JSON.stringify({ description: 'x'.repeat(4096) });
    const headers = { ...agent, 'content-type': 'application/json' };
    const declared = await app.request('/v1/reports', {
      method: 'POST',
      body,
      headers: { ...headers, 'content-length': String(body.length) },
    });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const chunked = await app.request('/v1/reports', {
      method: 'POST',
      body: new Blob([body]).stream(),
      headers,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('answers a preflight only when CORS is on', async () => {
    const preflight = {
      method: 'OPTIONS',
      headers: { origin: 'https://a.example', 'access-control-request-method': 'POST' },
    };
    const open = createHttpApp({ service: stubService(), cors: { origin: ['https://a.example'] } });
    expect(
      (await open.request('/v1/reports', preflight)).headers.get('access-control-allow-origin'),
    ).toBe('https://a.example');
    const closed = createHttpApp({ service: stubService(), cors: false });
    expect((await closed.request('/v1/reports', preflight)).status).toBe(405);
  });
});
