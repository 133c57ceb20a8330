import { BalaghError, isBalaghError } from '@balagh/core';
import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { problem, stubBaseUrl, useIntakeApiStub } from '../test/intake-api-stub.js';
import { transports } from '../test/transports.js';
import { BalaghApiError } from './balagh-api-error.js';
import { BalaghNetworkError } from './balagh-network-error.js';
import { BalaghTimeoutError } from './balagh-timeout-error.js';

const stub = useIntakeApiStub();
const categories = { language: 'en', categories: [] };
const reportRef = { number: '1448-000123-7', token: 'tok_abc' };

function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the call should have failed'),
    (error: unknown) => error,
  );
}

describe.each(transports)('over $name', ({ createClient, timeoutCause }) => {
  describe('errors', () => {
    it('throws a BalaghApiError a caller can switch on by class or code', async () => {
      stub.use(
        http.post(`${stubBaseUrl}/v1/reports/:number/confirm`, () =>
          problem(409, {
            code: 'CLOSURE_CODE_NOT_ISSUED',
            title: 'No closure code issued',
            detail: 'The report is not resolved.',
          }),
        ),
      );
      const error = await caught(
        createClient({ baseUrl: stubBaseUrl }).confirmClosure(reportRef, '482 915-1'),
      );
      expect(error).toBeInstanceOf(BalaghApiError);
      expect(isBalaghError(error, 'CLOSURE_CODE_NOT_ISSUED')).toBe(true);
      expect(error).toMatchObject({
        status: 409,
        title: 'No closure code issued',
        message: 'The report is not resolved.',
      });
    });

    it('never puts the tracking token of a status lookup in the error', async () => {
      stub.use(
        http.get(`${stubBaseUrl}/v1/reports/:number`, () =>
          problem(404, {
            code: 'REPORT_NOT_FOUND',
            title: 'Report not found',
            detail: 'No such report.',
          }),
        ),
      );
      const error = (await caught(
        createClient({ baseUrl: stubBaseUrl }).getReportStatus({
          number: '1448-000123-7',
          token: 'secret-token',
        }),
      )) as BalaghApiError;
      expect(error.code).toBe('REPORT_NOT_FOUND');
      expect(error.details).toEqual({
        status: 404,
        method: 'GET',
        path: '/v1/reports/1448-000123-7',
      });
      expect(`${error.message} ${JSON.stringify(error.details)}`).not.toContain('secret-token');
    });

    it('throws a BalaghNetworkError with the fetch error as its cause when no answer comes', async () => {
      stub.use(http.get(`${stubBaseUrl}/v1/categories`, () => HttpResponse.error()));
      const error = await caught(
        createClient({ baseUrl: stubBaseUrl, retry: false }).categories('en'),
      );
      expect(error).toBeInstanceOf(BalaghNetworkError);
      expect(error).toBeInstanceOf(BalaghError);
      expect((error as BalaghNetworkError).code).toBe('NETWORK_ERROR');
      expect((error as BalaghNetworkError).cause).toBeInstanceOf(TypeError);
    });

    it('throws a BalaghApiError INTERNAL when a success answer is not JSON', async () => {
      stub.use(
        http.get(
          `${stubBaseUrl}/v1/categories`,
          () => new HttpResponse('<html>hello</html>', { status: 200 }),
        ),
      );
      const error = await caught(createClient({ baseUrl: stubBaseUrl }).categories('en'));
      expect(error).toBeInstanceOf(BalaghApiError);
      expect(error).toMatchObject({
        code: 'INTERNAL',
        status: 200,
        message: 'Invalid response: the body is not JSON',
        details: { method: 'GET', path: '/v1/categories' },
      });
      expect((error as BalaghApiError).cause).toBeInstanceOf(SyntaxError);
    });

    it('refuses a base URL that is not an absolute http(s) URL', () => {
      expect(() => createClient({ baseUrl: '/api' })).toThrow(BalaghError);
      expect(() => createClient({ baseUrl: 'ftp://reports.example' })).toThrow(/absolute http/);
    });
  });

  describe('timeouts', () => {
    it('throws a BalaghTimeoutError when an attempt takes longer than the timeout', async () => {
      stub.use(
        http.get(`${stubBaseUrl}/v1/categories`, async () => {
          await delay(1_000);
          return HttpResponse.json(categories);
        }),
      );
      const started = performance.now();
      const error = await caught(
        createClient({ baseUrl: stubBaseUrl, timeout: 50, retry: false }).categories('en'),
      );
      expect(performance.now() - started).toBeLessThan(900);
      expect(error).toBeInstanceOf(BalaghTimeoutError);
      expect(error).toMatchObject({ code: 'TIMEOUT', timeout: 50 });
      expect((error as BalaghTimeoutError).cause).toBeInstanceOf(timeoutCause);
      expect((error as BalaghTimeoutError).cause).toMatchObject({ name: 'TimeoutError' });
    });

    it('times each attempt on its own and retries a read that timed out', async () => {
      let call = 0;
      stub.use(
        http.get(`${stubBaseUrl}/v1/categories`, async () => {
          call += 1;
          if (call === 1) await delay(1_000);
          return HttpResponse.json(categories);
        }),
      );
      const client = createClient({ baseUrl: stubBaseUrl, timeout: 100, retry: { baseDelay: 5 } });
      await expect(client.categories('en')).resolves.toEqual(categories);
      expect(call).toBe(2);
    });

    it('never retries a confirmation that timed out, since the server may have counted the attempt', async () => {
      stub.use(
        http.post(`${stubBaseUrl}/v1/reports/:number/confirm`, async () => {
          await delay(1_000);
          return HttpResponse.json({});
        }),
      );
      const client = createClient({ baseUrl: stubBaseUrl, timeout: 50, retry: { baseDelay: 5 } });
      await expect(client.confirmClosure(reportRef, '482 915-1')).rejects.toBeInstanceOf(
        BalaghTimeoutError,
      );
      expect(stub.requests).toHaveLength(1);
    });

    it('lets one call override the timeout of the client', async () => {
      stub.use(
        http.get(`${stubBaseUrl}/v1/categories`, async () => {
          await delay(200);
          return HttpResponse.json(categories);
        }),
      );
      const client = createClient({ baseUrl: stubBaseUrl, timeout: 50, retry: false });
      await expect(client.categories('en', { timeout: 2_000 })).resolves.toEqual(categories);
    });
  });

  describe('aborts', () => {
    it('rejects with the signal reason, not a BalaghError, when the caller aborts mid-request', async () => {
      stub.use(
        http.get(`${stubBaseUrl}/v1/categories`, async () => {
          await delay(1_000);
          return HttpResponse.json(categories);
        }),
      );
      const controller = new AbortController();
      const call = createClient({ baseUrl: stubBaseUrl }).categories('en', {
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), 20);
      const error = await caught(call);
      expect(error).toBe(controller.signal.reason);
      expect((error as DOMException).name).toBe('AbortError');
      expect(isBalaghError(error)).toBe(false);
    });

    it('rejects with a custom abort reason as given', async () => {
      stub.use(
        http.get(`${stubBaseUrl}/v1/categories`, async () => {
          await delay(1_000);
          return HttpResponse.json(categories);
        }),
      );
      const reason = new Error('the user left the page');
      const controller = new AbortController();
      const call = createClient({ baseUrl: stubBaseUrl }).categories('en', {
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(reason), 20);
      await expect(call).rejects.toBe(reason);
    });

    it('stops waiting for a retry when the caller aborts during the Retry-After wait', async () => {
      stub.use(
        http.get(`${stubBaseUrl}/v1/categories`, () =>
          problem(
            503,
            { code: 'SERVICE_UNAVAILABLE', title: 'x', detail: 'x' },
            { 'retry-after': '30' },
          ),
        ),
      );
      const controller = new AbortController();
      const started = performance.now();
      const call = createClient({ baseUrl: stubBaseUrl }).categories('en', {
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), 100);
      const error = await caught(call);
      expect(error).toBe(controller.signal.reason);
      expect((error as DOMException).name).toBe('AbortError');
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(stub.requests).toHaveLength(1);
    });

    it('sends nothing when the signal is already aborted', async () => {
      const signal = AbortSignal.abort();
      await expect(
        createClient({ baseUrl: stubBaseUrl }).createReport({} as never, { signal }),
      ).rejects.toBe(signal.reason);
      expect(stub.requests).toHaveLength(0);
    });
  });
});
