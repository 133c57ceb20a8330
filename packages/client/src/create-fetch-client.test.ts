import { createFetchClient as fromEntry } from '@balagh/client/fetch';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { stubBaseUrl, useIntakeApiStub } from '../test/intake-api-stub.js';
import type { BalaghClient } from './create-client.js';
import { createClient } from './create-client.js';
import { createFetchClient } from './create-fetch-client.js';

const stub = useIntakeApiStub();
const reportRef = { number: '1448-000123-7', token: 'tok_abc' };

/** Calls every kind of operation once: reads with queries, JSON bodies, a photo, a delete. */
async function callEveryKind(client: BalaghClient): Promise<void> {
  await client.categories('ur');
  await client.createReport(
    { categoryCode: 'street_lighting', description: 'Dark', channel: 'web', language: 'en' },
    { idempotencyKey: 'offline-queue-1' },
  );
  await client.getReportStatus(reportRef);
  await client.confirmClosure(reportRef, '482 915-1');
  await client.uploadMedia(new Uint8Array([0xff, 0xd8, 0xff]), 'image/jpeg');
  await client.listReportsPage({ status: ['received', 'assigned'], limit: 2 });
  await client.stats({ from: new Date('2026-11-01T00:00:00.000Z') });
  await client.revokeApiKey('key 1');
}

async function requestsOf(client: BalaghClient) {
  stub.use(
    http.delete(`${stubBaseUrl}/v1/*`, () => new HttpResponse(null, { status: 204 })),
    http.all(`${stubBaseUrl}/v1/*`, () => HttpResponse.json({ items: [], categories: [] })),
  );
  await callEveryKind(client);
  // Let the stub finish reading the last body.
  await new Promise((resolve) => setTimeout(resolve, 10));
  const sent = stub.requests.map(({ method, url, headers, body }) => ({
    method,
    url: url.href,
    headers: Object.fromEntries(
      ['accept', 'authorization', 'content-type', 'idempotency-key', 'x-trace'].map((name) => [
        name,
        headers.get(name),
      ]),
    ),
    body,
  }));
  stub.requests.length = 0;
  return sent;
}

describe('createFetchClient', () => {
  it('sends every operation as the very request createClient sends over ky', async () => {
    const options = { baseUrl: stubBaseUrl, apiKey: 'blg_k_s', headers: { 'x-trace': 't-1' } };
    const overKy = await requestsOf(createClient(options));
    const overFetch = await requestsOf(createFetchClient(options));
    expect(overFetch).toHaveLength(8);
    expect(overFetch).toEqual(overKy);
    expect(overFetch[0]).toEqual({
      method: 'GET',
      url: `${stubBaseUrl}/v1/categories?lang=ur`,
      headers: {
        accept: 'application/json',
        authorization: 'Bearer blg_k_s',
        'content-type': null,
        'idempotency-key': null,
        'x-trace': 't-1',
      },
      body: '',
    });
    expect(overFetch[1]).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'offline-queue-1' },
    });
    expect(overFetch[4]?.headers['content-type']).toBe('image/jpeg');
    expect(overFetch[5]?.url).toBe(
      `${stubBaseUrl}/v1/reports?status=received&status=assigned&limit=2`,
    );
  });

  it('is the export of @balagh/client/fetch, with the errors of @balagh/client', async () => {
    const entry = await import('@balagh/client/fetch');
    const main = await import('@balagh/client');
    expect(fromEntry).toBe(createFetchClient);
    expect(entry.BalaghApiError).toBe(main.BalaghApiError);
    expect(entry.BalaghNetworkError).toBe(main.BalaghNetworkError);
    expect(entry.BalaghTimeoutError).toBe(main.BalaghTimeoutError);
    expect(Object.keys(entry)).not.toContain('createClient');
  });
});
