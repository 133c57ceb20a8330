import { HttpResponse, http } from 'msw';
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
import { createUnifonicProvider } from './create-unifonic-provider.js';

const endpoint = 'https://el.cloud.unifonic.com/rest/SMS/messages';
const server = useProviderApi();
const provider = createUnifonicProvider({
  appSid: 'test-app-sid',
  senderId: 'Makkah-Amanah',
  webhookSecret: testWebhookSecret,
  clock: testClock,
});
const message = {
  to: '+966512345678',
  body: 'استلمنا بلاغك رقم 1448-000123-7',
  idempotencyKey: 'notification-42',
};

// The success and failure answers printed in Unifonic's API reference (docs.unifonic.com/reference/sms-api).
const acceptedAnswer = {
  success: true,
  message: '',
  errorCode: 'ER-00',
  data: {
    MessageID: 42000348806924,
    CorrelationID: 'CorrelationID',
    Status: 'Sent',
    NumberOfUnits: 0,
    Cost: 0,
    Balance: 0,
    Recipient: '9660000000000',
    TimeCreated: '2022-09-06 14:06:25.979',
    CurrencyCode: '',
  },
};
const tooShortAnswer = {
  success: false,
  message: 'Dest num is too short',
  errorCode: 'ER-04',
  data: {},
};

function dlrRequest(
  body: string,
  options: { query?: string; headers?: Record<string, string> } = {},
) {
  return deliveryReportRequest('unifonic', body, options);
}

describe('createUnifonicProvider', () => {
  it('posts AppSid, SenderID, the recipient without +, the body and the idempotency key as CorrelationID', async () => {
    const sent = captureRequests(server, endpoint, () => HttpResponse.json(acceptedAnswer));
    await expect(provider.send(message)).resolves.toEqual({ providerMessageId: '42000348806924' });
    const form = sent.at(-1)?.body;
    expect(Object.fromEntries(new URLSearchParams(form))).toEqual({
      AppSid: 'test-app-sid',
      SenderID: 'Makkah-Amanah',
      Recipient: '966512345678',
      Body: message.body,
      responseType: 'JSON',
      CorrelationID: 'notification-42',
    });
  });

  it('treats an invalid destination as permanent', async () => {
    answerJson(server, endpoint, tooShortAnswer);
    expect(await sendFailure(provider, message)).toMatchObject({
      retryable: false,
      details: { provider: 'unifonic', providerCode: 'ER-04', reason: 'invalid_number' },
    });
    answerJson(
      server,
      endpoint,
      { success: false, message: 'Invalid dest num', errorCode: 'ER-02' },
      { status: 482 },
    );
    expect(await sendFailure(provider, message)).toMatchObject({
      retryable: false,
      details: { reason: 'invalid_number' },
    });
  });

  it('treats an unregistered sender, filtered content, a duplicate and bad credentials as permanent', async () => {
    for (const [status, errorCode, reason] of [
      [200, 'ER-08', 'blocked'],
      [200, 'ER-07', 'blocked'],
      [200, 'ER-09', 'duplicate'],
      [401, 'ER-00', 'authentication'],
    ] as const) {
      answerJson(server, endpoint, { success: false, message: 'refused', errorCode }, { status });
      expect(await sendFailure(provider, message)).toMatchObject({
        retryable: false,
        details: { reason },
      });
    }
  });

  it('treats a refusal answered with HTTP 200 and an unknown code as permanent', async () => {
    answerJson(server, endpoint, { success: false, message: 'refused', errorCode: 'ER-10' });
    expect(await sendFailure(provider, message)).toMatchObject({
      retryable: false,
      details: { status: 200, providerCode: 'ER-10', reason: 'rejected' },
    });
  });

  it('retries a lack of balance, throttling and server errors', async () => {
    answerJson(server, endpoint, {
      success: false,
      message: 'No rate found or insufficient funds',
      errorCode: 'ER-01',
    });
    expect(await sendFailure(provider, message)).toMatchObject({
      retryable: true,
      details: { reason: 'insufficient_balance' },
    });
    answerJson(
      server,
      endpoint,
      { success: false, message: 'Too many requests' },
      { status: 429, headers: { 'retry-after': '5' } },
    );
    expect(await sendFailure(provider, message)).toMatchObject({
      retryable: true,
      retryAfterMs: 5_000,
    });
    server.use(http.post(endpoint, () => HttpResponse.text('upstream failure', { status: 502 })));
    expect(await sendFailure(provider, message)).toMatchObject({ retryable: true });
    server.use(http.post(endpoint, () => HttpResponse.error()));
    expect(await sendFailure(provider, message)).toMatchObject({
      retryable: true,
      details: { reason: 'network' },
    });
  });

  it('reads a delivery report carrying the shared secret, at the account’s UTC+3', async () => {
    const request = dlrRequest(
      new URLSearchParams({
        MessageID: '42000348806924',
        DLR: 'Delivered',
        Recipient: '966512345678',
        TimeCreated: '2026-11-27 12:59:58',
        SCTS: '2026-11-27 13:00:01',
        DLRTimestamp: '2026-11-27 13:00:02',
      }).toString(),
    );
    await expect(provider.parseDeliveryReceipt?.(request)).resolves.toEqual([
      { providerMessageId: '42000348806924', status: 'delivered', at: '2026-11-27T10:00:02.000Z' },
    ]);
  });

  it('reads an undeliverable report sent as JSON with the secret in a header', async () => {
    const request = dlrRequest(
      JSON.stringify({ MessageID: 42000348806925, DLR: 'Undeliverable', ErrorCode: 'ER-05' }),
      {
        query: '',
        headers: { 'content-type': 'application/json', 'x-balagh-webhook-token': 'dlr-secret' },
      },
    );
    await expect(provider.parseDeliveryReceipt?.(request)).resolves.toEqual([
      {
        providerMessageId: '42000348806925',
        status: 'undelivered',
        errorCode: 'ER-05',
        at: '2026-11-27T10:00:00.000Z',
      },
    ]);
  });

  it('refuses a delivery report without the right secret, and every one when no secret is set', async () => {
    const body = 'MessageID=1&DLR=Delivered';
    await expect(
      provider.parseDeliveryReceipt?.(dlrRequest(body, { query: '' })),
    ).rejects.toMatchObject({ code: 'INVALID_SIGNATURE' });
    await expect(
      provider.parseDeliveryReceipt?.(dlrRequest(body, { query: '?token=dlr-secreT' })),
    ).rejects.toMatchObject({
      code: 'INVALID_SIGNATURE',
    });
    const unguarded = createUnifonicProvider({ appSid: 'test-app-sid' });
    await expect(unguarded.parseDeliveryReceipt?.(dlrRequest(body))).rejects.toMatchObject({
      code: 'INVALID_SIGNATURE',
    });
  });

  it('has no inbound parser: Saudi alphanumeric senders cannot receive replies', () => {
    expect(provider.parseInbound).toBeUndefined();
  });
});
