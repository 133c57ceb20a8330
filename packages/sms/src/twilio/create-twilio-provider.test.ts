import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import createResponse from '../../test/fixtures/twilio-message-create-response.json';
import {
  answerJson,
  captureRequests,
  sendFailure,
  testClock,
} from '../../test/support/adapter-test-kit.js';
import { useProviderApi } from '../../test/support/provider-api.js';
import {
  inboundParameters,
  twilioAuthToken,
  twilioWebhookRequest,
  twilioWebhookUrl,
} from '../../test/support/twilio-webhook-request.js';
import { createTwilioProvider } from './create-twilio-provider.js';

const accountSid = 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const messagesUrl = `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Messages.json`;
const server = useProviderApi();

const provider = createTwilioProvider({
  accountSid,
  authToken: twilioAuthToken,
  from: '+14155552345',
  statusCallbackUrl: twilioWebhookUrl,
  timeoutMs: 200,
  clock: testClock,
});
const message = {
  to: '+966512345678',
  body: 'استلمنا بلاغك رقم 1448-000123-7',
  idempotencyKey: 'n-1',
};

function twilioError(
  status: number,
  code: number,
  text: string,
  headers: Record<string, string> = {},
) {
  answerJson(
    server,
    messagesUrl,
    { code, message: text, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
    { status, headers },
  );
}

/** Answers sends as Twilio does when it takes a message; the last one posted is `received()`. */
function acceptSends() {
  const sent = captureRequests(server, messagesUrl, () =>
    HttpResponse.json(createResponse, { status: 201 }),
  );
  return () => {
    const last = sent.at(-1);
    return {
      form: new URLSearchParams(last?.body),
      authorization: last?.headers.get('authorization'),
    };
  };
}

describe('createTwilioProvider', () => {
  it('posts a form-encoded message with basic auth and reads the SID from Twilio’s answer', async () => {
    const received = acceptSends();
    await expect(provider.send(message)).resolves.toEqual({
      providerMessageId: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      segments: 1,
    });
    expect(Object.fromEntries(received().form)).toEqual({
      To: '+966512345678',
      Body: message.body,
      From: '+14155552345',
      StatusCallback: twilioWebhookUrl,
    });
    expect(received().authorization).toBe(`Basic ${btoa(`${accountSid}:${twilioAuthToken}`)}`);
  });

  it('sends from a Messaging Service, or authenticates with an API key, when configured so', async () => {
    const received = acceptSends();
    const viaService = createTwilioProvider({
      accountSid,
      authToken: twilioAuthToken,
      messagingServiceSid: 'MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      apiKey: { sid: 'SKkey', secret: 'key-secret' },
    });
    await viaService.send(message);
    expect(received().form.get('MessagingServiceSid')).toBe('MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect(received().form.has('From')).toBe(false);
    expect(received().authorization).toBe(`Basic ${btoa('SKkey:key-secret')}`);
  });

  it('refuses to be created without a sender', () => {
    expect(() => createTwilioProvider({ accountSid, authToken: twilioAuthToken })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('treats an invalid number as permanent and keeps the number out of the error', async () => {
    twilioError(400, 21211, "The 'To' number +966512345678 is not a valid phone number.");
    const error = await sendFailure(provider, message);
    expect(error.retryable).toBe(false);
    expect(error.details).toMatchObject({
      provider: 'twilio',
      status: 400,
      providerCode: '21211',
      reason: 'invalid_number',
    });
    expect(error.message).not.toContain('512345678');
    expect(error.message).toContain('+9665•••••678');
  });

  it('treats an opted-out recipient and bad credentials as permanent', async () => {
    twilioError(400, 21610, 'Attempt to send to unsubscribed recipient');
    expect(await sendFailure(provider, message)).toMatchObject({
      retryable: false,
      details: { reason: 'blocked' },
    });
    twilioError(401, 20003, 'Authenticate');
    expect(await sendFailure(provider, message)).toMatchObject({
      retryable: false,
      details: { reason: 'authentication' },
    });
  });

  it('retries when Twilio throttles, honouring Retry-After', async () => {
    twilioError(429, 20429, 'Too Many Requests', { 'retry-after': '30' });
    expect(await sendFailure(provider, message)).toMatchObject({
      retryable: true,
      retryAfterMs: 30_000,
      details: { reason: 'throttled' },
    });
    twilioError(400, 14107, 'SMS rate limit exceeded');
    expect(await sendFailure(provider, message)).toMatchObject({ retryable: true });
  });

  it('retries on a 5xx, a network failure and a timeout', async () => {
    twilioError(503, 20500, 'Service Unavailable');
    expect(await sendFailure(provider, message)).toMatchObject({ retryable: true });
    server.use(http.post(messagesUrl, () => HttpResponse.error()));
    expect(await sendFailure(provider, message)).toMatchObject({
      retryable: true,
      details: { reason: 'network' },
    });
    server.use(
      http.post(messagesUrl, async () => {
        await delay(1_000);
        return HttpResponse.json(createResponse, { status: 201 });
      }),
    );
    expect(await sendFailure(provider, message)).toMatchObject({
      retryable: true,
      details: { reason: 'timeout' },
    });
  });

  it('reads a signed status callback as a delivery receipt', async () => {
    const request = await twilioWebhookRequest({
      SmsSid: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      SmsStatus: 'undelivered',
      MessageStatus: 'undelivered',
      To: '+966512345678',
      MessageSid: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      AccountSid: accountSid,
      From: '+14155552345',
      ApiVersion: '2010-04-01',
      ErrorCode: '30003',
    });
    await expect(provider.parseInbound?.(request.clone())).resolves.toBeUndefined();
    await expect(provider.parseDeliveryReceipt?.(request)).resolves.toEqual([
      {
        providerMessageId: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        status: 'undelivered',
        errorCode: '30003',
        at: '2026-11-27T10:00:00.000Z',
      },
    ]);
  });

  it('reads a signed inbound message and finds no receipt in it', async () => {
    const parameters = inboundParameters('تأكيد ٤٨٢ ٩١٥-١', {
      messageSid: 'SMcccccccccccccccccccccccccccccccc',
    });
    const request = await twilioWebhookRequest(parameters);
    await expect(provider.parseDeliveryReceipt?.(request.clone())).resolves.toEqual([]);
    await expect(provider.parseInbound?.(request)).resolves.toEqual({
      from: '+966512345678',
      to: '+14155552345',
      text: 'تأكيد ٤٨٢ ٩١٥-١',
      providerMessageId: 'SMcccccccccccccccccccccccccccccccc',
    });
  });

  it('checks the signature against the public URL when a proxy changed the one received', async () => {
    const request = await twilioWebhookRequest(inboundParameters('4829151'), {
      requestUrl: 'http://10.0.0.7:3000/webhooks/sms/twilio',
    });
    await expect(provider.parseInbound?.(request.clone())).rejects.toMatchObject({
      code: 'INVALID_SIGNATURE',
    });
    await expect(
      provider.parseInbound?.(request, { publicUrl: twilioWebhookUrl }),
    ).resolves.toMatchObject({
      text: '4829151',
    });
  });

  it('refuses a call with a missing or forged signature', async () => {
    const unsigned = await twilioWebhookRequest(inboundParameters('4829151'), { signature: null });
    await expect(provider.parseInbound?.(unsigned)).rejects.toMatchObject({
      code: 'INVALID_SIGNATURE',
    });
    const forged = await twilioWebhookRequest(inboundParameters('4829151'), {
      authToken: 'another-token',
    });
    await expect(provider.parseDeliveryReceipt?.(forged)).rejects.toMatchObject({
      code: 'INVALID_SIGNATURE',
    });
  });

  it('answers webhooks with TwiML, escaping the reply', async () => {
    const response = provider.webhookResponse?.('Code <482 915-1> & "thanks"');
    expect(response?.headers.get('content-type')).toContain('text/xml');
    expect(await response?.text()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Code &lt;482 915-1&gt; &amp; &quot;thanks&quot;</Message></Response>',
    );
    expect(await provider.webhookResponse?.().text()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response/>',
    );
  });
});
