import {
  apiKeyListSchema,
  attachmentSchema,
  BalaghError,
  categoryListSchema,
  confirmClosureResultSchema,
  createdApiKeySchema,
  publicReportStatusSchema,
  reportReceiptSchema,
  ValidationError,
} from '@balagh/core';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { stubBaseUrl, useIntakeApiStub } from '../test/intake-api-stub.js';
import { createClient } from './create-client.js';
import { responseSchemas, validateResponse } from './response-validators.js';

const stub = useIntakeApiStub();
const status = {
  number: '1448-000123-7',
  categoryCode: 'street_lighting',
  status: 'received',
  language: 'en',
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
  awaitingConfirmation: false,
  timeline: [{ at: '2026-11-27T10:00:00.000Z', status: 'received' }],
};
const reportRef = { number: '1448-000123-7', token: 'tok_abc' };

describe('validateResponses', () => {
  it('answers the parsed value when the answer matches its schema', async () => {
    stub.use(http.get(`${stubBaseUrl}/v1/reports/:number`, () => HttpResponse.json(status)));
    const client = createClient({ baseUrl: stubBaseUrl, validateResponses: true });
    await expect(client.getReportStatus(reportRef)).resolves.toEqual(status);
  });

  it('throws a ValidationError with code INTERNAL naming each unexpected member', async () => {
    const broken = { ...status, status: 'lost', phone: '+966512345678' };
    stub.use(http.get(`${stubBaseUrl}/v1/reports/:number`, () => HttpResponse.json(broken)));
    const client = createClient({ baseUrl: stubBaseUrl, validateResponses: true });
    const error = await client.getReportStatus(reportRef).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toBeInstanceOf(BalaghError);
    expect((error as ValidationError).code).toBe('INTERNAL');
    expect((error as ValidationError).message).toMatch(
      /^Invalid response of GET \/v1\/reports\/1448-000123-7\./,
    );
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['status', '']),
    );
  });

  it('trusts the answer as it is when validation is off', async () => {
    const unexpected = { ...status, status: 'lost' };
    stub.use(http.get(`${stubBaseUrl}/v1/reports/:number`, () => HttpResponse.json(unexpected)));
    await expect(
      createClient({ baseUrl: stubBaseUrl }).getReportStatus(reportRef),
    ).resolves.toEqual(unexpected);
  });
});

describe('responseSchemas', () => {
  it('never accepts an API key listing that carries a secret', () => {
    const key = {
      id: 'k1',
      name: 'widget',
      role: 'integration',
      createdAt: '2026-11-27T10:00:00.000Z',
    };
    expect(responseSchemas.apiKeys.safeParse({ items: [key] }).success).toBe(true);
    expect(
      responseSchemas.apiKeys.safeParse({ items: [{ ...key, key: 'blg_k1_secret' }] }).success,
    ).toBe(false);
    expect(responseSchemas.apiKey.safeParse({ ...key, key: 'blg_k1_secret' }).success).toBe(true);
  });

  it("checks every answer with core's schema of it, the one the server documents", () => {
    expect(responseSchemas.categories).toBe(categoryListSchema);
    expect(responseSchemas.receipt).toBe(reportReceiptSchema);
    expect(responseSchemas.status).toBe(publicReportStatusSchema);
    expect(responseSchemas.confirmation).toBe(confirmClosureResultSchema);
    expect(responseSchemas.attachment).toBe(attachmentSchema);
    expect(responseSchemas.apiKeys).toBe(apiKeyListSchema);
    expect(responseSchemas.apiKey).toBe(createdApiKeySchema);
  });

  it('refuses an instant that names no real date', () => {
    const broken = { ...status, updatedAt: '2026-02-30T10:00:00.000Z' };
    expect(() => validateResponse('status', broken, 'GET /v1/reports/x')).toThrow(ValidationError);
  });
});

describe('staff answers', () => {
  it('leaves reports, report pages and stats as the server sent them, even with validation on', async () => {
    const stats = { total: 'many', closureRate: 7 };
    stub.use(http.get(`${stubBaseUrl}/v1/stats`, () => HttpResponse.json(stats)));
    const client = createClient({ baseUrl: stubBaseUrl, validateResponses: true });
    await expect(client.stats()).resolves.toEqual(stats);
  });
});
