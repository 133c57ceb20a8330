import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createClosureKeyring,
  defaultTaxonomy,
  generateClosureSecret,
  normalizeClosureCodeInput,
} from '@balagh/core';
import {
  createHttpApp,
  createOutboxDispatcher,
  createReportService,
  createStorage,
  type HttpApp,
  type OutboxDispatcher,
  type ReportService,
  type Storage,
  silentHttpLogger,
} from '@balagh/server';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSmsNotifier } from '../src/notifier/create-sms-notifier.js';
import { createTwilioProvider } from '../src/twilio/create-twilio-provider.js';
import { createSmsWebhookHandler } from '../src/webhook/create-sms-webhook-handler.js';
import createResponse from './fixtures/twilio-message-create-response.json';
import { useProviderApi } from './support/provider-api.js';
import {
  inboundParameters,
  twilioAuthToken,
  twilioWebhookRequest,
  twilioWebhookUrl,
} from './support/twilio-webhook-request.js';

const accountSid = 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const messagesUrl = `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Messages.json`;
const reporterPhone = '+966512345678';

/** Twilio as the tests see it: every message it was asked to send, and how it answers. */
const twilioApi = {
  sent: [] as URLSearchParams[],
  answer: 'accept' as 'accept' | 'unavailable' | 'invalid',
};
useProviderApi(
  http.post(messagesUrl, async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    twilioApi.sent.push(form);
    if (twilioApi.answer === 'unavailable') {
      return HttpResponse.json(
        { code: 20500, message: 'Service unavailable', status: 503 },
        { status: 503 },
      );
    }
    if (twilioApi.answer === 'invalid') {
      return HttpResponse.json(
        {
          code: 21211,
          message: `The 'To' number ${form.get('To')} is not a valid phone number.`,
          status: 400,
        },
        { status: 400 },
      );
    }
    return HttpResponse.json(
      { ...createResponse, sid: `SM${String(twilioApi.sent.length).padStart(32, '0')}` },
      { status: 201 },
    );
  }),
);

interface Service {
  readonly app: HttpApp;
  readonly service: ReportService;
  readonly storage: Storage;
  readonly dispatcher: OutboxDispatcher;
  readonly keys: { readonly integration: string; readonly agent: string };
}

let directory: string;
let running: Service;

async function startService(): Promise<Service> {
  const storage = await createStorage({ url: join(directory, 'balagh.db') });
  const service = createReportService({
    storage,
    taxonomy: defaultTaxonomy,
    closureKeyring: createClosureKeyring({
      currentKeyId: 'k1',
      keys: { k1: generateClosureSecret() },
    }),
    mediaDirectory: join(directory, 'media'),
  });
  const twilio = createTwilioProvider({
    accountSid,
    authToken: twilioAuthToken,
    from: '+14155552345',
    statusCallbackUrl: twilioWebhookUrl,
  });
  const app = createHttpApp({
    service,
    rateLimit: false,
    logger: silentHttpLogger,
    webhooks: {
      'sms/twilio': createSmsWebhookHandler({
        provider: twilio,
        intake: service.forActor({ keyId: 'sms-channel', role: 'agent' }),
        publicUrl: twilioWebhookUrl,
      }),
    },
  });
  const dispatcher = createOutboxDispatcher({
    storage,
    notifier: createSmsNotifier({
      provider: twilio,
      trackingUrlBase: 'https://balagh.example.org/track',
    }),
    maxAttempts: 3,
    // No jitter: a failed delivery is due again at once, so the test can drive every attempt.
    random: () => 0,
    logger: silentHttpLogger,
  });
  const key = async (role: 'integration' | 'agent') =>
    (await service.createApiKey({ name: role, role })).key;
  return {
    app,
    service,
    storage,
    dispatcher,
    keys: { integration: await key('integration'), agent: await key('agent') },
  };
}

async function call(path: string, key: string, json?: unknown): Promise<Response> {
  return await running.app.request(path, {
    method: json === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
}

async function createReport(): Promise<{ id: string; number: string }> {
  const response = await call('/v1/reports', running.keys.integration, {
    categoryCode: 'street_lighting',
    description: 'عمود الإنارة مطفأ عند باب الملك فهد',
    location: { lat: 21.4225, lng: 39.8262, landmark: 'King Fahd Gate' },
    reporter: { phone: reporterPhone },
    channel: 'sms',
    language: 'ar',
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; number: string };
}

async function resolveReport(id: string): Promise<void> {
  for (const body of [
    { to: 'assigned', departmentCode: 'lighting' },
    { to: 'in_progress' },
    { to: 'resolved' },
  ]) {
    const response = await call(`/v1/reports/${id}/transition`, running.keys.agent, body);
    expect(response.status, `transition to ${body.to}`).toBe(200);
  }
}

/** Runs the dispatcher until nothing is due. */
async function drainOutbox(): Promise<void> {
  while ((await running.dispatcher.dispatchOnce()) > 0) {
    // Keep going: a delivery may have enqueued nothing, but a batch may not hold everything.
  }
}

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'balagh-sms-e2e-'));
  twilioApi.sent.length = 0;
  twilioApi.answer = 'accept';
  running = await startService();
});

afterEach(async () => {
  await running.dispatcher.stop();
  await running.storage.close();
  await rm(directory, { recursive: true, force: true });
});

describe('SMS through the intake service', () => {
  it('sends the number once, then the closure code, and closes as confirmed on a signed reply', async () => {
    const report = await createReport();
    await drainOutbox();
    await drainOutbox();
    expect(twilioApi.sent).toHaveLength(1);
    expect(twilioApi.sent[0]?.get('To')).toBe(reporterPhone);
    expect(twilioApi.sent[0]?.get('Body')).toContain(report.number);

    await resolveReport(report.id);
    await drainOutbox();
    expect(twilioApi.sent).toHaveLength(2);
    const resolvedBody = twilioApi.sent[1]?.get('Body') ?? '';
    expect(resolvedBody).toContain(report.number);
    expect(resolvedBody).toContain(`https://balagh.example.org/track/${report.number}`);
    const printed = /(\d{3})[\s\u00A0](\d{3})-(\d)/.exec(resolvedBody);
    const code = normalizeClosureCodeInput(printed?.[0] ?? '');
    expect(code).toBeDefined();

    // The reporter answers from their phone with the code in Arabic-Indic digits.
    const arabicCode = `تأكيد ${(code ?? '').replace(/\d/g, (digit) => '٠١٢٣٤٥٦٧٨٩'[Number(digit)] ?? digit)}`;
    const reply = await twilioWebhookRequest(
      inboundParameters(arabicCode, { from: reporterPhone }),
      {
        requestUrl: 'http://localhost/webhooks/sms/twilio',
      },
    );
    const answer = await running.app.request('/webhooks/sms/twilio', {
      method: 'POST',
      headers: Object.fromEntries(reply.headers),
      body: await reply.text(),
    });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');

    const staffView = await call(`/v1/reports/${report.id}`, running.keys.agent);
    expect(await staffView.json()).toMatchObject({ status: 'closed', closedHow: 'confirmed' });

    // The service tells the reporter the report is closed: one more SMS, not two.
    await drainOutbox();
    expect(twilioApi.sent).toHaveLength(3);
    expect(twilioApi.sent[2]?.get('Body')).toContain(report.number);
  });

  it('refuses an unsigned reply and leaves the report resolved', async () => {
    const report = await createReport();
    await resolveReport(report.id);
    const answer = await running.app.request('/webhooks/sms/twilio', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(inboundParameters('4829151', { from: reporterPhone })).toString(),
    });
    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({ code: 'INVALID_SIGNATURE' });
    const staffView = await call(`/v1/reports/${report.id}`, running.keys.agent);
    expect(await staffView.json()).toMatchObject({ status: 'resolved' });
  });

  it('retries a delivery Twilio cannot take, then marks it dead', async () => {
    twilioApi.answer = 'unavailable';
    await createReport();
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await running.dispatcher.dispatchOnce(), `attempt ${attempt}`).toBe(1);
    }
    expect(await running.dispatcher.dispatchOnce()).toBe(0);
    expect(twilioApi.sent).toHaveLength(3);
    expect(await running.storage.outboxCounts()).toEqual({ pending: 0, dead: 1 });
  });

  it('marks a message to an invalid number dead at once', async () => {
    twilioApi.answer = 'invalid';
    await createReport();
    await drainOutbox();
    expect(twilioApi.sent).toHaveLength(1);
    expect(await running.storage.outboxCounts()).toEqual({ pending: 0, dead: 1 });
  });
});
