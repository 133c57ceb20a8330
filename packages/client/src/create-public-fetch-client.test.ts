import {
  createPublicFetchClient as fromEntry,
  randomUuid as randomUuidFromEntry,
} from '@balagh/client/fetch';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { stubBaseUrl, useIntakeApiStub } from '../test/intake-api-stub.js';
import type { BalaghPublicClient } from './create-client.js';
import { createFetchClient } from './create-fetch-client.js';
import { createPublicFetchClient } from './create-public-fetch-client.js';
import { randomUuid } from './random-uuid.js';

const stub = useIntakeApiStub();
const tokenRef = { number: '1448-000123-7', token: 'tok_abc' };
const contactRef = { contact: { phone: '+966512345678' } };

/** Calls every public operation, with a ref by token and by contact where one is taken. */
async function requestsOf(client: BalaghPublicClient) {
  stub.use(http.all(`${stubBaseUrl}/v1/*`, () => HttpResponse.json({ categories: [] })));
  await client.listCategories('hi');
  await client.submitReport(
    { categoryCode: 'street_lighting', description: 'Dark', channel: 'web', language: 'en' },
    { idempotencyKey: 'offline-queue-1' },
  );
  await client.uploadMedia(new Uint8Array([0xff, 0xd8, 0xff]), 'image/jpeg');
  for (const ref of [tokenRef, contactRef]) {
    await client.getReportStatus(ref);
    await client.confirmClosure(ref, '482 915-1');
    await client.reopenReport(ref, 'Still dark');
  }
  // Let the stub finish reading the last body.
  await new Promise((resolve) => setTimeout(resolve, 10));
  const sent = stub.requests.map(({ method, url, headers, body }) => ({
    method,
    url: url.href,
    headers: Object.fromEntries(
      ['authorization', 'content-type', 'idempotency-key'].map((name) => [name, headers.get(name)]),
    ),
    body,
  }));
  stub.requests.length = 0;
  return sent;
}

describe('createPublicFetchClient', () => {
  it('sends each public operation as the very request createFetchClient sends', async () => {
    const options = { baseUrl: stubBaseUrl, apiKey: 'blg_k_s' };
    const full = await requestsOf(createFetchClient(options));
    const publicOnly = await requestsOf(createPublicFetchClient(options));
    expect(publicOnly).toHaveLength(9);
    expect(publicOnly).toEqual(full);
    expect(
      publicOnly.map(({ method, url }) => `${method} ${url.slice(stubBaseUrl.length)}`),
    ).toEqual([
      'GET /v1/categories?lang=hi',
      'POST /v1/reports',
      'POST /v1/media',
      'GET /v1/reports/1448-000123-7?token=tok_abc',
      'POST /v1/reports/1448-000123-7/confirm',
      'POST /v1/reports/1448-000123-7/reopen',
      'POST /v1/reporter/status',
      'POST /v1/reporter/confirm',
      'POST /v1/reporter/reopen',
    ]);
  });

  it('answers the public operations only, those an integration key may call', () => {
    const client = createPublicFetchClient({ baseUrl: stubBaseUrl });
    expect(Object.keys(client).sort()).toEqual([
      'categories',
      'confirmClosure',
      'createReport',
      'getReportStatus',
      'listCategories',
      'reopenReport',
      'submitReport',
      'uploadMedia',
    ]);
  });

  it('is an export of @balagh/client/fetch, with randomUuid for idempotency keys', () => {
    expect(fromEntry).toBe(createPublicFetchClient);
    expect(randomUuidFromEntry).toBe(randomUuid);
  });
});
