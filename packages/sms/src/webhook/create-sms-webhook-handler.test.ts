import { BalaghError, type IntakePort } from '@balagh/core';
import { describe, expect, it } from 'vitest';
import { createInMemoryIntake, type FakeReport } from '../../test/support/in-memory-intake.js';
import { createRecordingProvider } from '../../test/support/recording-provider.js';
import {
  inboundParameters,
  twilioAuthToken,
  twilioWebhookRequest,
  twilioWebhookUrl,
} from '../../test/support/twilio-webhook-request.js';
import type { DeliveryReceipt, SmsProvider } from '../provider/sms-provider.js';
import { createTwilioProvider } from '../twilio/create-twilio-provider.js';
import { createUnifonicProvider } from '../unifonic/create-unifonic-provider.js';
import {
  createSmsWebhookHandler,
  type SmsWebhookHandlerOptions,
} from './create-sms-webhook-handler.js';

const twilio = createTwilioProvider({
  accountSid: 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  authToken: twilioAuthToken,
  from: '+14155552345',
  clock: () => Date.parse('2026-11-27T10:00:00.000Z'),
});

function resolvedReport(overrides: Partial<FakeReport> = {}): FakeReport {
  return {
    number: '1448-000123-7',
    phone: '+966512345678',
    language: 'ar',
    status: 'resolved',
    code: '4829151',
    attemptsLeft: 5,
    ...overrides,
  };
}

function setUp(
  reports: FakeReport[] = [resolvedReport()],
  options: Partial<SmsWebhookHandlerOptions> = {},
) {
  const { intake, calls, reports: stored } = createInMemoryIntake(reports);
  const receipts: DeliveryReceipt[] = [];
  const errors: unknown[] = [];
  const handler = createSmsWebhookHandler({
    provider: twilio,
    intake,
    publicUrl: twilioWebhookUrl,
    onDeliveryReceipt: (receipt) => {
      receipts.push(receipt);
    },
    onError: (error) => errors.push(error),
    ...options,
  });
  return { handler, calls, stored, receipts, errors };
}

/** The text of the TwiML reply, or `undefined` for an empty response. */
async function twimlReply(response: Response): Promise<string | undefined> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/xml');
  const xml = await response.text();
  const match = /<Message>([\s\S]*)<\/Message>/.exec(xml);
  return match?.[1]?.replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
}

describe('createSmsWebhookHandler', () => {
  it('closes the report as confirmed when the reporter replies with the code, and lets the service say so', async () => {
    const { handler, calls, stored } = setUp();
    const response = await handler(
      await twilioWebhookRequest(inboundParameters('تأكيد ٤٨٢ ٩١٥-١')),
    );
    expect(await twimlReply(response)).toBeUndefined();
    expect(calls).toEqual([
      {
        method: 'confirmClosure',
        ref: { contact: { phone: '+966512345678' } },
        argument: '4829151',
      },
    ]);
    expect(stored.get('1448-000123-7')).toMatchObject({ status: 'closed', closedHow: 'confirmed' });
  });

  it('acknowledges a confirmation itself in the report’s language when asked to', async () => {
    const { handler } = setUp([resolvedReport()], { acknowledgeSuccess: true });
    const response = await handler(
      await twilioWebhookRequest(inboundParameters('confirm 482 915-1')),
    );
    expect(await twimlReply(response)).toBe('أُغلق بلاغك 1448-000123-7 بعد تأكيدك. شكراً لك.');
  });

  it('tells the reporter in their language that a code is wrong, and how many attempts are left', async () => {
    const { handler, stored } = setUp([resolvedReport({ language: 'en', code: '1234566' })]);
    const wrong = await handler(await twilioWebhookRequest(inboundParameters('4829151')));
    expect(await twimlReply(wrong)).toBe(
      'That closure code is not right. Please check it and send it again (4 attempts left).',
    );
    expect(stored.get('1448-000123-7')).toMatchObject({ status: 'resolved', attemptsLeft: 4 });
  });

  it('asks the reporter to check a mistyped code', async () => {
    const { handler, stored } = setUp([resolvedReport({ language: 'id' })]);
    const response = await handler(await twilioWebhookRequest(inboundParameters('482 915-2')));
    expect(await twimlReply(response)).toContain('Itu bukan kode penutupan yang sah');
    expect(stored.get('1448-000123-7')).toMatchObject({ status: 'resolved', attemptsLeft: 5 });
  });

  it('reopens the report when the reporter says it is not fixed', async () => {
    const { handler, calls, stored } = setUp([resolvedReport({ language: 'ur' })], {
      acknowledgeSuccess: true,
    });
    const response = await handler(await twilioWebhookRequest(inboundParameters('نہیں ہوا')));
    expect(calls).toEqual([
      {
        method: 'reopenReport',
        ref: { contact: { phone: '+966512345678' } },
        argument: 'The reporter replied by SMS that it is not fixed.',
      },
    ]);
    expect(stored.get('1448-000123-7')?.status).toBe('in_progress');
    expect(await twimlReply(response)).toContain('1448-000123-7');
  });

  it('passes on the report number the reporter wrote', async () => {
    const { handler, calls } = setUp([
      resolvedReport(),
      resolvedReport({ number: '1448-000124-5', code: '1234566' }),
    ]);
    await handler(await twilioWebhookRequest(inboundParameters('1448-000123-7 لم يتم الإصلاح')));
    expect(calls[0]?.ref).toEqual({ contact: { phone: '+966512345678' }, number: '1448-000123-7' });
  });

  it('explains itself when the reply is not understood, in the report’s language', async () => {
    const { handler } = setUp([resolvedReport({ language: 'hi' })]);
    const response = await handler(await twilioWebhookRequest(inboundParameters('thanks')));
    expect(await twimlReply(response)).toContain('क्षमा करें, हम आपका उत्तर नहीं समझ पाए');
  });

  it('points a reporter who sends details for a report awaiting information to the tracking link', async () => {
    const { handler, calls } = setUp([resolvedReport({ status: 'awaiting_info', language: 'ms' })]);
    const response = await handler(
      await twilioWebhookRequest(inboundParameters('Lampu di pintu 79 rosak')),
    );
    expect(await twimlReply(response)).toBe(
      'Terima kasih. Untuk menambah butiran pada aduan anda, sila gunakan pautan dalam mesej kami.',
    );
    expect(calls.map((call) => call.method)).toEqual(['getReportStatus']);
  });

  it('tells a sender with no report awaiting an answer, in the language they wrote', async () => {
    const { handler } = setUp([resolvedReport({ phone: '+966500000000' })]);
    const response = await handler(
      await twilioWebhookRequest(inboundParameters('belum selesai', { from: '+923001234567' })),
    );
    expect(await twimlReply(response)).toBe(
      'Tidak ada laporan Anda yang menunggu jawaban. Pantau laporan Anda lewat tautan di pesan kami.',
    );
  });

  it('asks the reporter to try later when the intake service fails, and reports the failure', async () => {
    const failing: IntakePort = {
      ...createInMemoryIntake([]).intake,
      confirmClosure: async () => {
        throw new BalaghError('SERVICE_UNAVAILABLE', 'database down');
      },
    };
    const { handler, errors } = setUp([], { intake: failing });
    const response = await handler(await twilioWebhookRequest(inboundParameters('4829151')));
    expect(await twimlReply(response)).toBe('عذراً، تعذّر معالجة ردك الآن. نرجو المحاولة لاحقاً.');
    expect(errors).toEqual([expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' })]);
  });

  it('answers a redelivered inbound message once', async () => {
    const { handler, calls } = setUp();
    const parameters = inboundParameters('4829151', {
      messageSid: 'SMdddddddddddddddddddddddddddddddd',
    });
    await handler(await twilioWebhookRequest(parameters));
    const again = await handler(await twilioWebhookRequest(parameters));
    expect(await twimlReply(again)).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it('refuses a missing or bad signature with a 403 problem and changes nothing', async () => {
    const { handler, calls, stored, receipts } = setUp();
    for (const signature of [null, 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=']) {
      const response = await handler(
        await twilioWebhookRequest(inboundParameters('4829151'), { signature }),
      );
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 403, code: 'INVALID_SIGNATURE' });
    }
    expect(calls).toEqual([]);
    expect(receipts).toEqual([]);
    expect(stored.get('1448-000123-7')?.status).toBe('resolved');
  });

  it('hands signed delivery receipts to onDeliveryReceipt', async () => {
    const { handler, receipts } = setUp();
    const response = await handler(
      await twilioWebhookRequest({
        MessageSid: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        MessageStatus: 'delivered',
        SmsStatus: 'delivered',
        To: '+966512345678',
        From: '+14155552345',
        AccountSid: 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      }),
    );
    expect(response.status).toBe(200);
    expect(receipts).toEqual([
      {
        providerMessageId: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        status: 'delivered',
        at: '2026-11-27T10:00:00.000Z',
      },
    ]);
  });

  it('fails the call when recording a receipt fails, so the provider retries', async () => {
    const { handler, errors } = setUp([], {
      onDeliveryReceipt: () => {
        throw new Error('database down');
      },
    });
    const response = await handler(
      await twilioWebhookRequest({
        MessageSid: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        MessageStatus: 'failed',
        ErrorCode: '30008',
      }),
    );
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ code: 'INTERNAL' });
    expect(errors).toHaveLength(1);
  });

  it('reads Unifonic delivery reports, guarded by the shared secret', async () => {
    const unifonic = createUnifonicProvider({ appSid: 'app', webhookSecret: 'dlr-secret' });
    const { handler, receipts } = setUp([], {
      provider: unifonic,
      publicUrl: 'https://balagh.example.org/webhooks/sms/unifonic',
    });
    const body = new URLSearchParams({
      MessageID: '42000348806924',
      DLR: 'Undeliverable',
      DLRTimestamp: '2026-11-27 13:00:02',
    });
    const forged = await handler(
      new Request('https://balagh.example.org/webhooks/sms/unifonic?token=guess', {
        method: 'POST',
        body,
      }),
    );
    expect(forged.status).toBe(403);
    const genuine = await handler(
      new Request('https://balagh.example.org/webhooks/sms/unifonic?token=dlr-secret', {
        method: 'POST',
        body,
      }),
    );
    expect(genuine.status).toBe(200);
    expect(receipts).toEqual([
      {
        providerMessageId: '42000348806924',
        status: 'undelivered',
        at: '2026-11-27T10:00:02.000Z',
      },
    ]);
  });

  it('sends the answer by SMS when the provider cannot answer in the webhook response', async () => {
    const recording = createRecordingProvider();
    const twoWay: SmsProvider = {
      ...recording,
      parseInbound: async () => ({
        from: '+966512345678',
        to: '+966511111111',
        text: 'hello',
        providerMessageId: 'in-1',
      }),
    };
    const { handler } = setUp([resolvedReport({ language: 'en' })], { provider: twoWay });
    const response = await handler(
      new Request('https://balagh.example.org/webhooks/sms/other', { method: 'POST', body: '' }),
    );
    expect(response.status).toBe(200);
    expect(recording.sent).toEqual([
      {
        to: '+966512345678',
        body: expect.stringContaining('Sorry, we did not understand'),
        idempotencyKey: 'reply-in-1',
      },
    ]);
  });

  it('answers 405 to anything but POST and 404 for a provider without webhooks', async () => {
    const { handler } = setUp();
    expect((await handler(new Request(twilioWebhookUrl))).status).toBe(405);
    const { handler: local } = setUp([], { provider: createRecordingProvider() });
    expect((await local(new Request(twilioWebhookUrl, { method: 'POST' }))).status).toBe(404);
  });
});
