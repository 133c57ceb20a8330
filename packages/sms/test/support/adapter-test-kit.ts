import { isBalaghError, type NotificationError } from '@balagh/core';
import { HttpResponse, http, type JsonBodyType } from 'msw';
import type { SetupServer } from 'msw/node';
import type { SmsMessage, SmsProvider } from '../../src/provider/sms-provider.js';

/** The clock of the adapters' tests: 2026-11-27 10:00 UTC, 13:00 in Makkah. */
export const testClock = (): number => Date.parse('2026-11-27T10:00:00.000Z');

/** The shared secret the tests' Unifonic and Taqnyat accounts put in their webhook URLs. */
export const testWebhookSecret = 'dlr-secret';

/**
 * Sends `message` and answers the `NotificationError` the send failed with; any other outcome
 * (a success, another error) fails the test.
 */
export async function sendFailure(
  provider: SmsProvider,
  message: SmsMessage,
): Promise<NotificationError> {
  try {
    await provider.send(message);
  } catch (error) {
    if (isBalaghError(error, 'PROVIDER_ERROR')) return error as NotificationError;
    throw error;
  }
  throw new Error('expected the send to fail');
}

/** A request a provider's API received in a test: its body as text and its headers. */
export interface CapturedRequest {
  readonly body: string;
  readonly headers: Headers;
}

/** Answers every POST to `url` with `answer()` until the handlers reset, keeping each request. */
export function captureRequests(
  server: SetupServer,
  url: string,
  answer: () => Response,
): readonly CapturedRequest[] {
  const captured: CapturedRequest[] = [];
  server.use(
    http.post(url, async ({ request }) => {
      captured.push({ body: await request.text(), headers: request.headers });
      return answer();
    }),
  );
  return captured;
}

/** Answers every POST to `url` with `body` as JSON until the handlers reset. */
export function answerJson(
  server: SetupServer,
  url: string,
  body: JsonBodyType,
  init?: ResponseInit,
): void {
  server.use(http.post(url, () => HttpResponse.json(body, init)));
}

/**
 * A delivery report as a provider that signs nothing posts it to
 * `https://balagh.example.org/webhooks/sms/{provider}`: by default with the shared secret in the
 * query string (`query: ''` leaves it out), form-encoded or JSON as the body looks; `headers`
 * add to or override that.
 */
export function deliveryReportRequest(
  provider: string,
  body: string,
  options: { query?: string; headers?: Record<string, string> } = {},
): Request {
  const contentType = /^[[{]/.test(body) ? 'application/json' : 'application/x-www-form-urlencoded';
  return new Request(
    `https://balagh.example.org/webhooks/sms/${provider}${options.query ?? `?token=${testWebhookSecret}`}`,
    {
      method: 'POST',
      headers: { 'content-type': contentType, ...options.headers },
      body,
    },
  );
}
