import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase } from '../support/for-each-database.js';
import {
  createTestApp,
  reporterPhone,
  type TestApp,
  validReportInput,
} from './support/create-test-app.js';
import { expectProblem } from './support/expect-problem.js';

forEachDatabase('HTTP admin and operations', (getDatabase) => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp(getDatabase());
  });

  describe('API keys', () => {
    it('creates a key shown once, lists keys without secrets, and revokes', async () => {
      const created = await api.call('/v1/api-keys', {
        method: 'POST',
        key: api.keys.admin,
        json: { name: 'Lighting tablet', role: 'department', departmentCode: 'lighting' },
      });
      expect(created.status).toBe(201);
      const key = (await created.json()) as {
        id: string;
        key: string;
        role: string;
        departmentCode: string;
      };
      expect(key).toMatchObject({ role: 'department', departmentCode: 'lighting' });
      expect(key.key).toMatch(/^blg_/);
      // blg_<id>_<secret>: the secret is base64url and may itself contain "_".
      const secret = key.key.slice(`blg_${key.id}_`.length);
      expect(secret.length).toBeGreaterThanOrEqual(32);

      expect((await api.call('/v1/reports', { key: key.key })).status).toBe(200);
      const list = await api.call('/v1/api-keys', { key: api.keys.admin });
      const text = await list.text();
      expect(list.status).toBe(200);
      expect(text).not.toContain(secret);
      expect(
        (JSON.parse(text) as { items: { id: string }[] }).items.map((item) => item.id),
      ).toContain(key.id);

      const revoked = await api.call(`/v1/api-keys/${key.id}`, {
        method: 'DELETE',
        key: api.keys.admin,
      });
      expect(revoked.status).toBe(204);
      expect(await revoked.text()).toBe('');
      await expectProblem(await api.call('/v1/reports', { key: key.key }), 401, 'UNAUTHENTICATED');
      await expectProblem(
        await api.call('/v1/api-keys/nope', { method: 'DELETE', key: api.keys.admin }),
        404,
        'NOT_FOUND',
      );
    });

    it('is for admins only, and refuses roles it does not know', async () => {
      await expectProblem(
        await api.call('/v1/api-keys', { key: api.keys.supervisor }),
        403,
        'FORBIDDEN',
      );
      await expectProblem(
        await api.call('/v1/api-keys', {
          method: 'POST',
          key: api.keys.admin,
          json: { name: 'x', role: 'root' },
        }),
        400,
        'VALIDATION_FAILED',
      );
      await expectProblem(
        await api.call('/v1/api-keys', {
          method: 'POST',
          key: api.keys.admin,
          json: { name: 'x', role: 'department' },
        }),
        400,
        'VALIDATION_FAILED',
      );
    });
  });

  describe('routing', () => {
    it('answers an unknown route with a 404 problem and another method with 405 and Allow', async () => {
      await expectProblem(await api.call('/v2/reports'), 404, 'NOT_FOUND');
      const wrongMethod = await api.call('/v1/categories', {
        method: 'POST',
        key: api.keys.integration,
        json: {},
      });
      expect(wrongMethod.headers.get('allow')).toContain('GET');
      await expectProblem(wrongMethod, 405, 'METHOD_NOT_ALLOWED');
      await expectProblem(
        await api.call('/v1/api-keys/x', { method: 'GET', key: api.keys.admin }),
        405,
        'METHOD_NOT_ALLOWED',
      );
    });

    it('answers a CORS preflight for the widget on another origin', async () => {
      const response = await api.call('/v1/reports', {
        method: 'OPTIONS',
        headers: {
          origin: 'https://hajj.example.org',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type, idempotency-key',
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
        'idempotency-key',
      );
    });
  });

  describe('operations', () => {
    it('answers /healthz without a key', async () => {
      const response = await api.call('/healthz');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
    });

    it('exposes reports created by channel, transitions, outbox gauges and latency by route pattern', async () => {
      const receipt = await api.createReport({ channel: 'app' });
      await api.call(`/v1/reports/${receipt.id}/assign`, {
        method: 'POST',
        key: api.keys.agent,
        json: { departmentCode: 'lighting' },
      });
      await api.call(`/v1/reports/${receipt.number}?token=${receipt.trackingToken}`, {
        key: api.keys.integration,
      });
      const response = await api.call('/metrics');
      expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
      const text = await response.text();
      expect(text).toMatch(/^balagh_reports_created_total\{channel="app"\} [1-9]/m);
      expect(text).toMatch(/^balagh_report_transitions_total\{to="assigned"\} [1-9]/m);
      expect(text).toMatch(/^balagh_outbox_pending \d+$/m);
      expect(text).toMatch(/^balagh_outbox_dead \d+$/m);
      expect(text).toContain('route="/v1/reports",status_class="2xx"');
      expect(text).toContain('route="/v1/reports/{ref}",status_class="2xx"');
      expect(text).not.toContain(receipt.number);
    });

    it('serves its OpenAPI 3.1 document', async () => {
      const response = await api.call('/openapi.json');
      expect(response.status).toBe(200);
      const document = (await response.json()) as {
        openapi: string;
        paths: Record<string, unknown>;
      };
      expect(document.openapi).toBe('3.1.0');
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining([
          '/v1/reports',
          '/v1/reports/{ref}',
          '/v1/reporter/confirm',
          '/v1/api-keys/{id}',
          '/healthz',
        ]),
      );
    });
  });

  describe('logging', () => {
    it('writes one line per request with the route pattern, and never a key, token, phone or body', async () => {
      const before = api.logLines.length;
      const receipt = await api.createReport({ description: 'secret-description-text' });
      await api.call(`/v1/reports/${receipt.number}?token=${receipt.trackingToken}`, {
        key: api.keys.integration,
      });
      await api.call('/v1/reporter/status', {
        method: 'POST',
        key: api.keys.agent,
        json: { ref: { contact: { phone: reporterPhone } } },
      });
      await api.call('/v1/reports', {
        method: 'POST',
        key: 'blg_unknown_key',
        json: validReportInput(),
      });
      const lines = api.logLines.slice(before);
      expect(lines.map((line) => `${line.method} ${line.route} ${line.status}`)).toEqual([
        'POST /v1/reports 201',
        'GET /v1/reports/{ref} 200',
        'POST /v1/reporter/status 200',
        'POST /v1/reports 401',
      ]);
      for (const line of lines) expect(typeof line.ms).toBe('number');
      const written = JSON.stringify(api.logLines);
      for (const secret of [
        receipt.trackingToken,
        '512345678',
        'secret-description-text',
        'blg_',
        receipt.number,
      ]) {
        expect(written).not.toContain(secret);
      }
    });
  });

  describe('rate limiting', () => {
    it('answers 429 with Retry-After past the per-key limit, for integration keys only', async () => {
      const limited = await createTestApp(getDatabase(), {
        rateLimit: { perKey: { capacity: 2, refillPerSecond: 0.01 }, perAddress: false },
      });
      const post = (key: string) =>
        limited.call('/v1/reports', { method: 'POST', key, json: validReportInput() });
      expect((await post(limited.keys.integration)).status).toBe(201);
      expect((await post(limited.keys.integration)).status).toBe(201);
      const refused = await post(limited.keys.integration);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const problem = await expectProblem(refused, 429, 'RATE_LIMITED');
      expect(problem.retryAfter).toBe(Number(refused.headers.get('retry-after')));
      expect((await post(limited.keys.otherIntegration)).status).toBe(201);
      for (let index = 0; index < 3; index += 1)
        expect((await post(limited.keys.agent)).status).toBe(201);
      // Reading is not limited.
      expect((await limited.call('/v1/categories', { key: limited.keys.integration })).status).toBe(
        200,
      );
    });

    it('limits each client address on its own, from X-Forwarded-For only behind a trusted proxy', async () => {
      const limited = await createTestApp(getDatabase(), {
        rateLimit: { perKey: false, perAddress: { capacity: 1, refillPerSecond: 0.01 } },
        trustProxy: true,
      });
      const post = (forwardedFor: string) =>
        limited.call('/v1/reports', {
          method: 'POST',
          key: limited.keys.integration,
          headers: { 'x-forwarded-for': forwardedFor },
          json: validReportInput(),
        });
      expect((await post('203.0.113.1')).status).toBe(201);
      await expectProblem(await post('203.0.113.1'), 429, 'RATE_LIMITED');
      // A client cannot escape by writing its own first entry: the proxy's entry counts.
      await expectProblem(await post('198.51.100.7, 203.0.113.1'), 429, 'RATE_LIMITED');
      expect((await post('203.0.113.2')).status).toBe(201);
    });
  });
});
