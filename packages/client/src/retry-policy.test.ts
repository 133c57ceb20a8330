import fc from 'fast-check';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { problem, stubBaseUrl, useIntakeApiStub } from '../test/intake-api-stub.js';
import { transports } from '../test/transports.js';
import { BalaghApiError } from './balagh-api-error.js';
import { BalaghNetworkError } from './balagh-network-error.js';
import { retryDelay } from './retry-policy.js';

const stub = useIntakeApiStub();
const categories = { language: 'en', categories: [] };
const receipt = {
  id: '019a6f5e-8c1b-7d2e-9f3a-4b5c6d7e8f90',
  number: '1448-000123-7',
  trackingToken: 'tok_abc',
  status: 'received',
  categoryCode: 'street_lighting',
  departmentCode: 'lighting',
  createdAt: '2026-11-27T10:00:00.000Z',
};
const input = {
  categoryCode: 'street_lighting',
  description: 'The lamp post at gate 79 is dark',
  channel: 'web',
  language: 'en',
} as const;
const reportRef = { number: '1448-000123-7', token: 'tok_abc' };

/** Answers each response in turn, then the last one forever. */
function inTurn(...answers: (() => Response)[]) {
  let call = 0;
  return () => {
    const answer = answers[Math.min(call, answers.length - 1)];
    call += 1;
    return answer ? answer() : HttpResponse.error();
  };
}

const unavailable = () =>
  problem(503, { code: 'SERVICE_UNAVAILABLE', title: 'Service unavailable', detail: 'Busy.' });

describe.each(transports)('over $name', ({ createClient }) => {
  function fastClient(retry: object = {}) {
    return createClient({
      baseUrl: stubBaseUrl,
      apiKey: 'blg_k_s',
      retry: { baseDelay: 5, ...retry },
    });
  }

  describe('retries', () => {
    it.each([408, 429, 500, 502, 503, 504])('retries a read after a %i answer', async (status) => {
      stub.use(
        http.get(
          `${stubBaseUrl}/v1/categories`,
          inTurn(
            () => problem(status, { title: 'x', detail: 'x' }),
            () => HttpResponse.json(categories),
          ),
        ),
      );
      await expect(fastClient().categories('en')).resolves.toEqual(categories);
      expect(stub.requests).toHaveLength(2);
    });

    it.each([400, 401, 403, 404, 409, 413, 422, 501])(
      'never retries a %i answer',
      async (status) => {
        stub.use(
          http.get(`${stubBaseUrl}/v1/categories`, () =>
            problem(status, { title: 'x', detail: 'x' }),
          ),
        );
        const error = await fastClient()
          .categories('en')
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(BalaghApiError);
        expect((error as BalaghApiError).status).toBe(status);
        expect(stub.requests).toHaveLength(1);
      },
    );

    it('retries a read after a network error', async () => {
      stub.use(
        http.get(
          `${stubBaseUrl}/v1/categories`,
          inTurn(
            () => HttpResponse.error(),
            () => HttpResponse.json(categories),
          ),
        ),
      );
      await expect(fastClient().categories('en')).resolves.toEqual(categories);
      expect(stub.requests).toHaveLength(2);
    });

    it('stops after the retry limit and throws the last error', async () => {
      stub.use(http.get(`${stubBaseUrl}/v1/categories`, unavailable));
      const error = await fastClient({ limit: 3 })
        .categories('en')
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(BalaghApiError);
      expect((error as BalaghApiError).code).toBe('SERVICE_UNAVAILABLE');
      expect(stub.requests).toHaveLength(4);
    });

    it('never retries when retry is false', async () => {
      stub.use(http.get(`${stubBaseUrl}/v1/categories`, unavailable));
      const client = createClient({ baseUrl: stubBaseUrl, retry: false });
      await expect(client.categories('en')).rejects.toBeInstanceOf(BalaghApiError);
      expect(stub.requests).toHaveLength(1);
    });

    it('sends a create again with the same Idempotency-Key after a network error', async () => {
      stub.use(
        http.post(
          `${stubBaseUrl}/v1/reports`,
          inTurn(
            () => HttpResponse.error(),
            unavailable,
            () => HttpResponse.json(receipt, { status: 201 }),
          ),
        ),
      );
      await expect(fastClient().createReport(input)).resolves.toEqual(receipt);
      const keys = stub.requests.map((request) => request.headers.get('idempotency-key'));
      expect(keys).toHaveLength(3);
      expect(keys[0]).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(new Set(keys).size).toBe(1);
    });

    it("uses the caller's Idempotency-Key, and a new one for each create otherwise", async () => {
      stub.use(
        http.post(`${stubBaseUrl}/v1/reports`, () => HttpResponse.json(receipt, { status: 201 })),
      );
      const client = fastClient();
      await client.createReport(input, { idempotencyKey: 'offline-queue-42' });
      await client.createReport(input);
      await client.submitReport(input);
      const [given, first, second] = stub.requests.map((request) =>
        request.headers.get('idempotency-key'),
      );
      expect(given).toBe('offline-queue-42');
      expect(first).not.toBe(second);
    });

    it('never sends a closure-code confirmation twice after a network error', async () => {
      stub.use(http.post(`${stubBaseUrl}/v1/reports/:number/confirm`, () => HttpResponse.error()));
      await expect(fastClient().confirmClosure(reportRef, '482 915-1')).rejects.toBeInstanceOf(
        BalaghNetworkError,
      );
      expect(stub.requests).toHaveLength(1);
    });

    it('never sends a closure-code confirmation twice after a 500, which may follow the attempt', async () => {
      stub.use(
        http.post(`${stubBaseUrl}/v1/reports/:number/confirm`, () =>
          problem(500, { code: 'INTERNAL', title: 'x', detail: 'x' }),
        ),
      );
      await expect(fastClient().confirmClosure(reportRef, '482 915-1')).rejects.toMatchObject({
        code: 'INTERNAL',
      });
      expect(stub.requests).toHaveLength(1);
    });

    it.each([408, 429, 503])(
      'sends a confirmation again after a %i, which proves it was not processed',
      async (status) => {
        const result = { outcome: 'valid', report: {} };
        stub.use(
          http.post(
            `${stubBaseUrl}/v1/reports/:number/confirm`,
            inTurn(
              () => problem(status, { title: 'x', detail: 'x' }),
              () => HttpResponse.json(result),
            ),
          ),
        );
        await expect(fastClient().confirmClosure(reportRef, '482 915-1')).resolves.toEqual(result);
        expect(stub.requests).toHaveLength(2);
      },
    );

    it('never repeats a transition, a close or a key creation after a network error', async () => {
      stub.use(http.post(`${stubBaseUrl}/v1/*`, () => HttpResponse.error()));
      const client = fastClient();
      await expect(client.transition('id', { to: 'in_progress' })).rejects.toBeInstanceOf(
        BalaghNetworkError,
      );
      await expect(client.close('id', '482 915-1')).rejects.toBeInstanceOf(BalaghNetworkError);
      await expect(client.createApiKey({ name: 'x', role: 'agent' })).rejects.toBeInstanceOf(
        BalaghNetworkError,
      );
      await expect(client.reopenReport(reportRef, 'still dark')).rejects.toBeInstanceOf(
        BalaghNetworkError,
      );
      expect(stub.requests).toHaveLength(4);
    });
  });

  describe('Retry-After', () => {
    it('waits the seconds Retry-After asks before retrying', async () => {
      stub.use(
        http.get(
          `${stubBaseUrl}/v1/categories`,
          inTurn(
            () =>
              problem(
                429,
                { code: 'RATE_LIMITED', title: 'x', detail: 'x', retryAfter: 1 },
                { 'retry-after': '1' },
              ),
            () => HttpResponse.json(categories),
          ),
        ),
      );
      const started = performance.now();
      await fastClient().categories('en');
      expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    });

    it('waits until the HTTP date Retry-After names', async () => {
      const inTwoSeconds = new Date(Math.ceil((Date.now() + 1500) / 1000) * 1000);
      stub.use(
        http.get(
          `${stubBaseUrl}/v1/categories`,
          inTurn(
            () =>
              problem(
                503,
                { title: 'x', detail: 'x' },
                { 'retry-after': inTwoSeconds.toUTCString() },
              ),
            () => HttpResponse.json(categories),
          ),
        ),
      );
      await fastClient().categories('en');
      expect(Date.now()).toBeGreaterThanOrEqual(inTwoSeconds.getTime() - 20);
    });

    it('gives up at once when Retry-After exceeds maxRetryAfter, telling the caller when to come back', async () => {
      stub.use(
        http.post(`${stubBaseUrl}/v1/reports`, () =>
          problem(
            429,
            { code: 'RATE_LIMITED', title: 'Too many requests', detail: 'x', retryAfter: 120 },
            { 'retry-after': '120' },
          ),
        ),
      );
      const started = performance.now();
      const error = await fastClient({ maxRetryAfter: 5_000 })
        .createReport(input)
        .catch((caught: unknown) => caught);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfter: 120 });
      expect(stub.requests).toHaveLength(1);
    });
  });
});

describe('retryDelay', () => {
  const answer = (status: number, headers: Record<string, string> = {}) =>
    new Response(null, { status, headers });

  it('waits a random share of a backoff that doubles on each retry, under a ceiling', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 1_000 }),
        fc.integer({ min: 1, max: 60_000 }),
        (retries, baseDelay, backoffLimit) => {
          const options = { limit: 21, baseDelay, backoffLimit };
          const wait = retryDelay(undefined, retries, true, options);
          expect(wait).toBeGreaterThanOrEqual(0);
          expect(wait).toBeLessThanOrEqual(Math.min(backoffLimit, baseDelay * 2 ** retries));
        },
      ),
    );
  });

  it('spreads the waits of many clients over the whole backoff (full jitter)', () => {
    const waits = Array.from(
      { length: 500 },
      () => retryDelay(answer(503), 3, true, { limit: 5, baseDelay: 100 }) ?? Number.NaN,
    );
    expect(Math.min(...waits)).toBeLessThan(200);
    expect(Math.max(...waits)).toBeGreaterThan(600);
  });

  it('waits exactly what Retry-After asks, up to maxRetryAfter', () => {
    const limited = answer(429, { 'retry-after': '7' });
    expect(retryDelay(limited, 0, false, {})).toBe(7_000);
    expect(retryDelay(limited, 0, true, { maxRetryAfter: 6_999 })).toBeUndefined();
  });

  it('defaults to 2 retries, and stops at the limit', () => {
    // `undefined`: no answer came (a network error, a timeout).
    expect(retryDelay(undefined, 1, true, {})).toBeTypeOf('number');
    expect(retryDelay(undefined, 2, true, {})).toBeUndefined();
    expect(retryDelay(undefined, 4, true, { limit: 5 })).toBeTypeOf('number');
    expect(retryDelay(undefined, 0, true, { limit: 0 })).toBeUndefined();
  });

  it('retries what may have been processed only when the operation is repeatable', () => {
    for (const failure of [undefined, answer(500), answer(504)]) {
      expect(retryDelay(failure, 0, true, {})).toBeTypeOf('number');
      expect(retryDelay(failure, 0, false, {})).toBeUndefined();
    }
    expect(retryDelay(answer(404), 0, true, {})).toBeUndefined();
  });
});
