import type { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** The Graph API origin the tests' sender talks to. */
export const graphBaseUrl = 'https://graph.facebook.com';

/** The business phone number id of the tests' WhatsApp app. */
export const testPhoneNumberId = '106540352242922';

/** The access token of the tests' WhatsApp app. */
export const testAccessToken = 'EAAG-test-token';

/**
 * Stands msw in for the WhatsApp Graph API for the tests of one file: the handlers given here
 * answer by default, `server.use(...)` adds per-test ones, and any request nobody handles fails
 * the test. Only Meta's API is stubbed this way, never Balagh's own server.
 */
export function useGraphApi(...handlers: RequestHandler[]) {
  const server = setupServer(...handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}
