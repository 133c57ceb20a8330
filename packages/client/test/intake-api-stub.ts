import type { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** Where the stubbed intake API answers. */
export const stubBaseUrl = 'https://intake.balagh.test';

/** A request the stub received, read before the handler answered. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: string;
}

/**
 * Stubs the intake API with msw for the HTTP behaviour under faults (retries, Retry-After,
 * timeouts, aborts, error bodies, validation): the one place the client's unit tests touch msw.
 * Requests nobody handles fail the test. Everything else runs against the real server in
 * `test/contract.test.ts`.
 *
 * @returns `use(...handlers)` for one test's handlers, and the requests received so far.
 */
export function useIntakeApiStub() {
  const server = setupServer();
  const requests: RecordedRequest[] = [];
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
  });
  afterAll(() => server.close());
  server.events.on('request:start', ({ request }) => {
    const recorded = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: '',
    };
    requests.push(recorded);
    void request
      .clone()
      .text()
      .then((body) => {
        recorded.body = body;
      });
  });
  return {
    use: (...handlers: RequestHandler[]) => server.use(...handlers),
    requests,
  };
}

/** A problem+json answer as the intake API writes it. */
export function problem(
  status: number,
  members: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return new Response(JSON.stringify({ status, ...members }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}
