import { errorCodes } from '@balagh/core';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from '../support/for-each-database.js';
import {
  createTestApp,
  type Receipt,
  type TestApp,
  validReportInput,
} from './support/create-test-app.js';

type Json = Record<string, unknown>;

/** What a fuzzed request may answer: a created report, or a 4xx problem with a known code. */
async function expectCreatedOrClientProblem(response: Response): Promise<number> {
  const text = await response.text();
  if (response.status === 201) return 201;
  expect({ status: response.status, text }).toMatchObject({ status: expect.any(Number) });
  expect(response.status, text).toBeGreaterThanOrEqual(400);
  expect(response.status, text).toBeLessThan(500);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(text) as { code: string; status: number };
  expect(errorCodes).toContain(problem.code);
  expect(problem.status).toBe(response.status);
  return response.status;
}

/** The stored part of a staff view: what no other request may change. */
function storedPart(report: Json): Json {
  const { sla: _sla, closureCode: _closureCode, likelyDuplicates: _duplicates, ...stored } = report;
  return stored;
}

const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    '\udfff',
    '\u200f\u202e',
    '🕋👨‍👩‍👧',
    'e\u0301',
    'ﷺ',
    '\uFEFF',
    'a'.repeat(5000),
  ),
);

const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('delete' as const),
    key: fc.constantFrom(...Object.keys(validReportInput())),
  }),
  fc.record({
    kind: fc.constant('set' as const),
    key: fc.constantFrom(
      ...Object.keys(validReportInput()),
      'mediaIds',
      'attributes',
      'externalId',
      'submittedAt',
      'extra',
    ),
    value: fc.jsonValue(),
  }),
  fc.record({
    kind: fc.constant('text' as const),
    key: fc.constantFrom('description', 'categoryCode', 'channel', 'language', 'externalId'),
    value: anyText,
  }),
  fc.record({
    kind: fc.constant('location' as const),
    key: fc.constantFrom('lat', 'lng', 'landmark', 'address', 'accuracyMeters', 'areaCode', 'x'),
    value: fc.oneof(fc.jsonValue(), anyText, fc.double()),
  }),
  fc.record({
    kind: fc.constant('reporter' as const),
    key: fc.constantFrom('phone', 'name', 'whatsappUserId', 'language', 'channel', 'email'),
    value: fc.oneof(fc.jsonValue(), anyText),
  }),
);

function mutate(base: Json, mutations: readonly Json[]): Json {
  const body: Json = structuredClone(base);
  for (const change of mutations) {
    const key = change.key as string;
    if (change.kind === 'delete') delete body[key];
    else if (change.kind === 'set' || change.kind === 'text') body[key] = change.value;
    else {
      const target = (
        typeof body[change.kind as string] === 'object' && body[change.kind as string] !== null
          ? body[change.kind as string]
          : {}
      ) as Json;
      target[key] = change.value;
      body[change.kind as string] = target;
    }
  }
  return body;
}

forEachDatabase('POST /v1/reports under fuzzing', (getDatabase) => {
  let api: TestApp;
  let sentinel: Receipt;
  let sentinelBefore: { staff: Json; status: string };

  const readSentinel = async () => ({
    staff: storedPart(
      (await (
        await api.call(`/v1/reports/${sentinel.id}`, { key: api.keys.agent })
      ).json()) as Json,
    ),
    status: await (
      await api.call(`/v1/reports/${sentinel.number}?token=${sentinel.trackingToken}`, {
        key: api.keys.integration,
      })
    ).text(),
  });

  beforeAll(async () => {
    api = await createTestApp(getDatabase());
    sentinel = await api.createReport({
      description: 'The report that must not change',
      externalId: 'sentinel',
    });
    await api.call(`/v1/reports/${sentinel.id}/assign`, {
      method: 'POST',
      key: api.keys.agent,
      json: { departmentCode: 'lighting' },
    });
    sentinelBefore = await readSentinel();
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    api.call('/v1/reports', {
      method: 'POST',
      key: api.keys.integration,
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('answers any JSON value with a 4xx problem of a known code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const response = await post(JSON.stringify(value));
        expect(response.status).not.toBe(201);
        await expectCreatedOrClientProblem(response);
      }),
      { numRuns: 150 },
    );
  });

  it('answers mutations of a valid body with a receipt or a 4xx problem, never a 5xx', async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const body = mutate(validReportInput() as unknown as Json, mutations as unknown as Json[]);
        statuses.add(await expectCreatedOrClientProblem(await post(JSON.stringify(body))));
      }),
      { numRuns: 200 },
    );
    // Both outcomes happened, or the mutations would not be exploring the boundary.
    expect(statuses.has(201)).toBe(true);
    expect([...statuses].some((status) => status >= 400)).toBe(true);
  });

  it('answers arbitrary bytes and idempotency keys with a receipt or a 4xx problem', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc
            .string({ unit: 'binary', maxLength: 300 })
            .map((text) => new TextEncoder().encode(text)),
        ),
        fc.option(
          fc.string({
            unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
            maxLength: 300,
          }),
          {
            nil: undefined,
          },
        ),
        async (bytes, idempotencyKey) => {
          const response = await api.call('/v1/reports', {
            method: 'POST',
            key: api.keys.integration,
            body: bytes,
            headers: {
              'content-type': 'application/json',
              ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }),
            },
          });
          await expectCreatedOrClientProblem(response);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('left the report stored before the fuzzing exactly as it was', async () => {
    const after = await readSentinel();
    expect(after.staff).toEqual(sentinelBefore.staff);
    expect(after.status).toBe(sentinelBefore.status);
  });
});
