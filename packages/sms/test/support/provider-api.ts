import type { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/**
 * Stands msw in for the providers' HTTP APIs for the tests of one file: the handlers given
 * here answer by default, `server.use(...)` adds per-test ones, and any request nobody handles
 * fails the test. Only third-party APIs are stubbed this way, never Balagh's own server.
 */
export function useProviderApi(...handlers: RequestHandler[]) {
  const server = setupServer(...handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}
