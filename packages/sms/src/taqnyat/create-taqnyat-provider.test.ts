import { isBalaghError, type NotificationError } from '@balagh/core';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { useProviderApi } from '../../test/support/provider-api.js';
import { createTaqnyatProvider } from './create-taqnyat-provider.js';

const endpoint = 'https://api.taqnyat.sa/v1/messages';
const server = useProviderApi();
const provider = createTaqnyatProvider({
  bearerToken: 'test-bearer-token',
  sender: 'Makkah-Amanah',
  webhookSecret: 'dlr-secret',
  clock: () => Date.parse('2026-11-27T10:00:00.000Z'),
});
const message = {
  to: '+966512345678',
  body: 'Your report 1448-000123-7 was received.',
  idempotencyKey: 'n-7',
};

// The shapes Taqnyat answers with (dev.taqnyat.sa, message send resource).
const acceptedAnswer = {
  statusCode: 201,
  messageId: 5452899970,
  cost: 0.026,
  currency: 'SAR',
  totalCount: 1,
  msgLength: 1,
  accepted: '[966512345678,]',
  rejected: '[]',
};

async function sendFailure(): Promise<NotificationError> {
  try {
    await provider.send(message);
  } catch (error) {
    if (isBalaghError(error, 'PROVIDER_ERROR')) return error as NotificationError;
    throw error;
  }
  throw new Error('expected the send to fail');
}

describe('createTaqnyatProvider', () => {
  it('posts JSON with a bearer token and reads the message id and segments', async () => {
    let received: { body: unknown; authorization: string | null } | undefined;
    server.use(
      http.post(endpoint, async ({ request }) => {
        received = {
          body: await request.json(),
          authorization: request.headers.get('authorization'),
        };
        return HttpResponse.json(acceptedAnswer, { status: 201 });
      }),
    );
    await expect(provider.send(message)).resolves.toEqual({
      providerMessageId: '5452899970',
      segments: 1,
    });
    expect(received).toEqual({
      body: { recipients: ['966512345678'], body: message.body, sender: 'Makkah-Amanah' },
      authorization: 'Bearer test-bearer-token',
    });
  });

  it('treats a rejected recipient as permanent', async () => {
    server.use(
      http.post(endpoint, () =>
        HttpResponse.json(
          { ...acceptedAnswer, accepted: '[]', rejected: '[966512345678,]' },
          { status: 201 },
        ),
      ),
    );
    expect(await sendFailure()).toMatchObject({
      retryable: false,
      details: { reason: 'invalid_number' },
    });
  });

  it('treats bad credentials as permanent and throttling or server errors as retryable', async () => {
    server.use(
      http.post(endpoint, () =>
        HttpResponse.json(
          { statusCode: 401, message: 'invalid credentials information' },
          { status: 401 },
        ),
      ),
    );
    expect(await sendFailure()).toMatchObject({
      retryable: false,
      details: { reason: 'authentication' },
    });
    server.use(
      http.post(endpoint, () =>
        HttpResponse.json({ statusCode: 429, message: 'Too many requests' }, { status: 429 }),
      ),
    );
    expect(await sendFailure()).toMatchObject({
      retryable: true,
      details: { reason: 'throttled' },
    });
    server.use(
      http.post(endpoint, () =>
        HttpResponse.json({ statusCode: 500, message: 'error' }, { status: 500 }),
      ),
    );
    expect(await sendFailure()).toMatchObject({ retryable: true });
    server.use(
      http.post(endpoint, () =>
        HttpResponse.json({ statusCode: 400, message: 'sender is not active' }, { status: 400 }),
      ),
    );
    expect(await sendFailure()).toMatchObject({ retryable: false });
  });

  it('reads a batch of delivery reports guarded by the shared secret', async () => {
    const request = new Request(
      'https://balagh.example.org/webhooks/sms/taqnyat?token=dlr-secret',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([
          { messageId: 5452899970, status: 'delivered', timestamp: '2026-11-27 13:00:02' },
          { msgId: '5452899971', status: 'UNDELIV', errorCode: '1' },
        ]),
      },
    );
    await expect(provider.parseDeliveryReceipt?.(request)).resolves.toEqual([
      { providerMessageId: '5452899970', status: 'delivered', at: '2026-11-27T10:00:02.000Z' },
      {
        providerMessageId: '5452899971',
        status: 'undelivered',
        errorCode: '1',
        at: '2026-11-27T10:00:00.000Z',
      },
    ]);
  });

  it('refuses a delivery report without the secret and a malformed one with it', async () => {
    const unsigned = new Request('https://balagh.example.org/webhooks/sms/taqnyat', {
      method: 'POST',
      body: JSON.stringify({ messageId: 1, status: 'delivered' }),
    });
    await expect(provider.parseDeliveryReceipt?.(unsigned)).rejects.toMatchObject({
      code: 'INVALID_SIGNATURE',
    });
    const malformed = new Request(
      'https://balagh.example.org/webhooks/sms/taqnyat?token=dlr-secret',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"messageId": ',
      },
    );
    await expect(provider.parseDeliveryReceipt?.(malformed)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
