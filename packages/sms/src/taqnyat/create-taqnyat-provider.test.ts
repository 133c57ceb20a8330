import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  answerJson,
  captureRequests,
  deliveryReportRequest,
  sendFailure,
  testClock,
  testWebhookSecret,
} from '../../test/support/adapter-test-kit.js';
import { useProviderApi } from '../../test/support/provider-api.js';
import { createTaqnyatProvider } from './create-taqnyat-provider.js';

const endpoint = 'https://api.taqnyat.sa/v1/messages';
const server = useProviderApi();
const provider = createTaqnyatProvider({
  bearerToken: 'test-bearer-token',
  sender: 'Makkah-Amanah',
  webhookSecret: testWebhookSecret,
  clock: testClock,
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

describe('createTaqnyatProvider', () => {
  it('posts JSON with a bearer token and reads the message id and segments', async () => {
    const sent = captureRequests(server, endpoint, () =>
      HttpResponse.json(acceptedAnswer, { status: 201 }),
    );
    await expect(provider.send(message)).resolves.toEqual({
      providerMessageId: '5452899970',
      segments: 1,
    });
    const received = sent.at(-1);
    expect({
      body: JSON.parse(received?.body ?? 'null'),
      authorization: received?.headers.get('authorization'),
    }).toEqual({
      body: { recipients: ['966512345678'], body: message.body, sender: 'Makkah-Amanah' },
      authorization: 'Bearer test-bearer-token',
    });
  });

  it('treats a rejected recipient as permanent', async () => {
    answerJson(
      server,
      endpoint,
      { ...acceptedAnswer, accepted: '[]', rejected: '[966512345678,]' },
      { status: 201 },
    );
    expect(await sendFailure(provider, message)).toMatchObject({
      retryable: false,
      details: { reason: 'invalid_number' },
    });
  });

  it('treats bad credentials as permanent and throttling or server errors as retryable', async () => {
    const taqnyatError = (status: number, text: string) =>
      answerJson(server, endpoint, { statusCode: status, message: text }, { status });
    taqnyatError(401, 'invalid credentials information');
    expect(await sendFailure(provider, message)).toMatchObject({
      retryable: false,
      details: { reason: 'authentication' },
    });
    taqnyatError(429, 'Too many requests');
    expect(await sendFailure(provider, message)).toMatchObject({
      retryable: true,
      details: { reason: 'throttled' },
    });
    taqnyatError(500, 'error');
    expect(await sendFailure(provider, message)).toMatchObject({ retryable: true });
    taqnyatError(400, 'sender is not active');
    expect(await sendFailure(provider, message)).toMatchObject({ retryable: false });
  });

  it('reads a batch of delivery reports guarded by the shared secret', async () => {
    const request = deliveryReportRequest(
      'taqnyat',
      JSON.stringify([
        { messageId: 5452899970, status: 'delivered', timestamp: '2026-11-27 13:00:02' },
        { msgId: '5452899971', status: 'UNDELIV', errorCode: '1' },
      ]),
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
    const unsigned = deliveryReportRequest(
      'taqnyat',
      JSON.stringify({ messageId: 1, status: 'delivered' }),
      { query: '' },
    );
    await expect(provider.parseDeliveryReceipt?.(unsigned)).rejects.toMatchObject({
      code: 'INVALID_SIGNATURE',
    });
    const malformed = deliveryReportRequest('taqnyat', '{"messageId": ');
    await expect(provider.parseDeliveryReceipt?.(malformed)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
