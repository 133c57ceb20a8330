import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase } from '../support/for-each-database.js';
import {
  createTestApp,
  reporterPhone,
  type TestApp,
  validReportInput,
} from './support/create-test-app.js';
import { expectProblem } from './support/expect-problem.js';

/** Starts the app on 127.0.0.1 on a free port. */
async function listen(api: TestApp): Promise<{ server: ServerType; base: string }> {
  return new Promise((resolvePromise) => {
    const server = serve(
      { fetch: api.app.fetch, port: 0, hostname: '127.0.0.1' },
      (info: AddressInfo) => {
        resolvePromise({ server, base: `http://127.0.0.1:${info.port}` });
      },
    );
  });
}

async function close(server: ServerType): Promise<void> {
  await new Promise<void>((resolvePromise) => {
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    server.close(() => resolvePromise());
  });
}

/**
 * Streams a body of up to `totalBytes` with chunked transfer encoding, as fast as the server
 * takes it, and stops as soon as an answer arrives. Answers the status and how many bytes were
 * written before it.
 */
function streamUntilAnswered(
  url: string,
  headers: Record<string, string>,
  totalBytes: number,
): Promise<{ status: number; body: string; bytesWritten: number }> {
  return new Promise((resolvePromise, reject) => {
    let bytesWritten = 0;
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const request = httpRequest(url, { method: 'POST', headers }, (response) => {
      answered = true;
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => {
        resolvePromise({
          status: response.statusCode ?? 0,
          body: Buffer.concat(parts).toString('utf8'),
          bytesWritten,
        });
        request.destroy();
      });
    });
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    const write = () => {
      while (!answered && bytesWritten < totalBytes) {
        bytesWritten += chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', write);
          return;
        }
      }
      if (!answered) request.end();
    };
    write();
  });
}

forEachDatabase('HTTP API on a listening server', (getDatabase) => {
  let api: TestApp;
  let server: ServerType;
  let base: string;
  const received: { hash: string; method: string; contentType: string | null }[] = [];

  beforeAll(async () => {
    api = await createTestApp(getDatabase(), {
      rateLimit: { perKey: false, perAddress: { capacity: 3, refillPerSecond: 0.01 } },
      webhooks: {
        'sms/local': async (request) => {
          const bytes = new Uint8Array(await request.arrayBuffer());
          received.push({
            hash: createHash('sha256').update(bytes).digest('hex'),
            method: request.method,
            contentType: request.headers.get('content-type'),
          });
          return new Response('ok', { status: 200 });
        },
      },
    });
    ({ server, base } = await listen(api));
  });
  afterAll(async () => {
    await close(server);
  });

  const authorized = (key: string, extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${key}`,
    ...extra,
  });

  it('creates a report over real HTTP and reads its public status without the phone', async () => {
    const created = await fetch(`${base}/v1/reports`, {
      method: 'POST',
      headers: authorized(api.keys.agent, { 'content-type': 'application/json; charset=utf-8' }),
      body: JSON.stringify(validReportInput({ channel: 'field_officer' })),
    });
    expect(created.status).toBe(201);
    const receipt = (await created.json()) as { number: string; trackingToken: string };
    expect(created.headers.get('location')).toBe(`/v1/reports/${receipt.number}`);
    const status = await fetch(
      `${base}/v1/reports/${receipt.number}?token=${encodeURIComponent(receipt.trackingToken)}`,
      {
        headers: authorized(api.keys.integration),
      },
    );
    expect(status.status).toBe(200);
    expect(await status.text()).not.toContain(reporterPhone.slice(1));
    await expectProblem(await fetch(`${base}/v1/nothing`), 404, 'NOT_FOUND');
    await expectProblem(
      await fetch(`${base}/v1/reports`, { method: 'PATCH', headers: authorized(api.keys.agent) }),
      405,
      'METHOD_NOT_ALLOWED',
    );
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('answers 413 to a chunked body past the limit long before the client has sent it all', async () => {
    const total = 256 * 1024 * 1024;
    const answer = await streamUntilAnswered(
      `${base}/v1/reports`,
      authorized(api.keys.agent, { 'content-type': 'application/json' }),
      total,
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(answer.bytesWritten).toBeLessThan(32 * 1024 * 1024);
  });

  it('answers 413 at once to a Content-Length past the limit, before any body arrives', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolvePromise, reject) => {
      const request = httpRequest(
        `${base}/v1/media`,
        {
          method: 'POST',
          headers: authorized(api.keys.integration, {
            'content-type': 'image/png',
            'content-length': String(1024 ** 3),
          }),
        },
        (response) => {
          const parts: Buffer[] = [];
          response.on('data', (part: Buffer) => parts.push(part));
          response.on('end', () => {
            resolvePromise({
              status: response.statusCode ?? 0,
              body: Buffer.concat(parts).toString('utf8'),
            });
            request.destroy();
          });
        },
      );
      request.on('error', reject);
      request.write(Buffer.alloc(1024));
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
  });

  it('passes the raw bytes of a webhook through untouched, chunked or not', async () => {
    const bytes = Buffer.from([
      0xff,
      0xfe,
      0x00,
      0x7b,
      0x22,
      0xd8,
      0x00,
      ...Buffer.from('{"text":"مرحبا 🕋"}'),
    ]);
    const expected = createHash('sha256').update(bytes).digest('hex');
    const plain = await fetch(`${base}/webhooks/sms/local`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: bytes,
    });
    expect(plain.status).toBe(200);
    const chunked = await fetch(`${base}/webhooks/sms/local`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(bytes.subarray(0, 3));
          controller.enqueue(bytes.subarray(3));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(200);
    expect(received.slice(-2)).toEqual([
      { hash: expected, method: 'POST', contentType: 'application/x-www-form-urlencoded' },
      { hash: expected, method: 'POST', contentType: 'application/json' },
    ]);
  });

  describe('rate limiting by socket address', () => {
    it('limits the client by its socket address and ignores X-Forwarded-For without a trusted proxy', async () => {
      const post = (forwardedFor: string) =>
        fetch(`${base}/v1/reports`, {
          method: 'POST',
          headers: authorized(api.keys.integration, {
            'content-type': 'application/json',
            'x-forwarded-for': forwardedFor,
          }),
          body: JSON.stringify(validReportInput()),
        });
      const statuses: number[] = [];
      for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4'])
        statuses.push((await post(address)).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
      const refused = await post('203.0.113.5');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      await expectProblem(refused, 429, 'RATE_LIMITED');
    });
  });
});
