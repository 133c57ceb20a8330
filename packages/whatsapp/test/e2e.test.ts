import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClosureKeyring, defaultTaxonomy, generateClosureSecret } from '@balagh/core';
import {
  type Actor,
  createHttpApp,
  createOutboxDispatcher,
  createReportService,
  createStorage,
  type ReportService,
  type Storage,
  systemActor,
} from '@balagh/server';
import { HttpResponse, http } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWhatsAppNotifier } from '../src/notifier/create-whatsapp-notifier.js';
import { renderPrompt } from '../src/prompts/render-prompt.js';
import { createWhatsAppSender } from '../src/send/create-whatsapp-sender.js';
import type { ConversationStore } from '../src/stores/conversation-store.js';
import { createWindowStore } from '../src/stores/create-window-store.js';
import { createWhatsAppWebhookHandler } from '../src/webhook/create-whatsapp-webhook-handler.js';
import {
  graphBaseUrl,
  testAccessToken,
  testPhoneNumberId,
  useGraphApi,
} from './support/graph-api.js';
import {
  inboundMessage,
  signedRequest,
  type TestMessageContent,
  type TestReporter,
  testAppSecret,
  testVerifyToken,
  webhookPayload,
  webhookUrl,
} from './support/webhook-requests.js';

/*
 * The WhatsApp channel against the real intake server: signed webhook POSTs through the
 * server's HTTP app, reports in its SQLite database, replies and notifications sent to the
 * (stubbed) Graph API, the outbox delivering through the WhatsApp notifier.
 */

/** Every message posted to the Graph API, by recipient. */
const posted: {
  to: string | undefined;
  recipient: string | undefined;
  text: string;
  type: string;
}[] = [];

useGraphApi(
  http.post(`${graphBaseUrl}/v23.0/${testPhoneNumberId}/messages`, async ({ request }) => {
    const body = (await request.json()) as {
      to?: string;
      recipient?: string;
      type: string;
      text?: { body: string };
      interactive?: { body: { text: string } };
    };
    posted.push({
      to: body.to,
      recipient: body.recipient,
      type: body.type,
      text: body.text?.body ?? body.interactive?.body.text ?? '',
    });
    return HttpResponse.json({
      messaging_product: 'whatsapp',
      messages: [{ id: `wamid.out-${posted.length}` }],
    });
  }),
);

const channelActor: Actor = { keyId: 'whatsapp', role: 'system' };
let now = Date.parse('2026-11-29T07:00:00.000Z');
const clock = () => now;

let directory: string;
let storage: Storage;
let service: ReportService;
let app: ReturnType<typeof createHttpApp>;
let conversations: ConversationStore;
/** What the handler reported as unexpected: must stay empty. */
const errors: unknown[] = [];

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'balagh-whatsapp-e2e-'));
  storage = await createStorage({ url: join(directory, 'balagh.sqlite') });
  service = createReportService({
    storage,
    taxonomy: defaultTaxonomy,
    closureKeyring: createClosureKeyring({
      currentKeyId: 'e2e',
      keys: { e2e: generateClosureSecret() },
    }),
    clock,
    publicBaseUrl: 'https://balagh.example.org',
    mediaDirectory: join(directory, 'media'),
  });
  // The server's conversations table, behind the channel's port (as the example wires it).
  conversations = {
    get: async (key) => (await service.getConversation('whatsapp', key))?.state,
    put: (key, state, expiresAt) =>
      service.putConversation('whatsapp', key, state, Math.max(1, expiresAt - clock())),
    delete: (key) => service.deleteConversation('whatsapp', key),
  };
  const handler = createWhatsAppWebhookHandler({
    appSecret: testAppSecret,
    verifyToken: testVerifyToken,
    intake: service.forActor(channelActor),
    sender: createWhatsAppSender({
      phoneNumberId: testPhoneNumberId,
      accessToken: testAccessToken,
    }),
    conversations,
    windowStore: createWindowStore(conversations),
    taxonomy: defaultTaxonomy,
    clock,
    onError: (error) => errors.push(error),
  });
  app = createHttpApp({ service, webhooks: { whatsapp: handler }, rateLimit: false });
});

afterAll(async () => {
  await storage?.close();
  await rm(directory, { recursive: true, force: true });
});

async function deliver(body: string): Promise<Response> {
  return app.request(await signedRequest(body));
}

async function say(
  reporter: TestReporter,
  content: TestMessageContent,
  id?: string,
): Promise<void> {
  now += 60_000;
  const body = JSON.stringify(
    webhookPayload(reporter, [
      inboundMessage(reporter, content, {
        timestamp: Math.floor(now / 1000),
        ...(id === undefined ? {} : { id }),
      }),
    ]),
  );
  const response = await deliver(body);
  expect(response.status).toBe(200);
}

const lastText = () => posted.at(-1)?.text ?? '';

describe('WhatsApp through the intake server', () => {
  const pilgrim: TestReporter = { waId: '966512345678', name: 'عبدالله' };

  it('answers the subscription handshake at /webhooks/whatsapp', async () => {
    const response = await app.request(
      `${webhookUrl}?hub.mode=subscribe&hub.verify_token=${testVerifyToken}&hub.challenge=424242`,
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('424242');
  });

  it('refuses an unsigned webhook with 403 INVALID_SIGNATURE', async () => {
    const body = JSON.stringify(
      webhookPayload(pilgrim, [inboundMessage(pilgrim, { text: 'hello' })]),
    );
    const response = await app.request(await signedRequest(body, { signature: null }));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'INVALID_SIGNATURE' });
    expect(posted).toEqual([]);
  });

  it('takes an Arabic report into the database once, however often Meta delivers it, and replies with its number', async () => {
    await say(pilgrim, { text: 'السلام عليكم، الإنارة مطفية' });
    expect(lastText()).toBe(renderPrompt('greeting', 'ar'));
    await say(pilgrim, { listReply: 'lang:ar' });
    await say(pilgrim, { listReply: 'cat:street_lighting' });
    await say(pilgrim, { text: 'ثلاثة أعمدة إنارة مطفأة عند بوابة الملك فهد' });
    await say(pilgrim, {
      location: { latitude: 21.4225, longitude: 39.8262, name: 'بوابة الملك فهد' },
    });
    expect(lastText()).toBe(renderPrompt('photo_prompt', 'ar'));
    await say(pilgrim, { buttonReply: 'photo:skip' });
    const confirm = JSON.stringify(
      webhookPayload(pilgrim, [
        inboundMessage(
          pilgrim,
          { buttonReply: 'confirm:send' },
          { id: 'wamid.E2E-CONFIRM', timestamp: Math.floor(now / 1000) },
        ),
      ]),
    );
    const responses = await Promise.all([deliver(confirm), deliver(confirm)]);
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    expect((await deliver(confirm)).status).toBe(200);

    expect(errors).toEqual([]);
    const staff = service.forActor(systemActor);
    const { items } = await staff.listReports();
    expect(items).toHaveLength(1);
    const [report] = items;
    expect(report).toMatchObject({
      categoryCode: 'street_lighting',
      description: 'ثلاثة أعمدة إنارة مطفأة عند بوابة الملك فهد',
      channel: 'whatsapp',
      language: 'ar',
      location: { lat: 21.4225, lng: 39.8262 },
      reporter: { whatsappUserId: '966512345678', phone: '+966512345678' },
    });
    const numberReplies = posted.filter((message) => message.text.includes(report!.number));
    expect(numberReplies).toHaveLength(1);
    expect(numberReplies[0]?.text).toContain(
      `https://balagh.example.org/track/${report!.number}?token=`,
    );
    expect(posted.every((message) => message.to === '966512345678')).toBe(true);
    expect(await conversations.get('966512345678')).toMatchObject({ step: 'idle', language: 'ar' });
  });

  it('notifies through the outbox on WhatsApp, and closes the report with the code the reporter sends back', async () => {
    const staff = service.forActor(systemActor);
    const [report] = (await staff.listReports()).items;
    const whatsapp = createWhatsAppNotifier({
      sender: createWhatsAppSender({
        phoneNumberId: testPhoneNumberId,
        accessToken: testAccessToken,
      }),
      templates: {},
      windowStore: createWindowStore(conversations),
      clock,
    });
    const dispatcher = createOutboxDispatcher({
      storage,
      notifier: whatsapp,
      clock,
      random: () => 0,
    });

    const before = posted.length;
    await dispatcher.dispatchOnce();
    // The conversation already gave the number: the `received` notification sends nothing more.
    expect(posted.length).toBe(before);

    now += 60_000;
    const agent = service.forActor({ keyId: 'agent-1', role: 'agent' });
    await agent.assignReport(report!.id, { departmentCode: 'lighting' });
    await agent.transitionReport(report!.id, { to: 'in_progress' });
    await agent.transitionReport(report!.id, { to: 'resolved', note: 'Lamps replaced' });
    await dispatcher.dispatchOnce();
    const resolved = posted.at(-1);
    expect(resolved?.type).toBe('text');
    expect(resolved?.text).toContain(report!.number);
    const code = /(?<!\d)(\d{3}[ \u00A0]\d{3}-\d)(?!\d)/.exec(resolved?.text ?? '')?.[1];
    expect(code).toBeDefined();

    await say(pilgrim, { text: code!.replace('\u00A0', ' ') });
    expect((await staff.getReport(report!.id)).status).toBe('closed');
    expect((await staff.getReport(report!.id)).closedHow).toBe('confirmed');
  });

  it('answers a status request by number in Arabic-Indic digits', async () => {
    const [report] = (await service.forActor(systemActor).listReports()).items;
    const digits = report!.number.replace(/\d/g, (digit) =>
      String.fromCharCode(0x0660 + Number(digit)),
    );
    await say(pilgrim, { text: `حالة البلاغ ${digits}` });
    expect(lastText()).toContain(report!.number);
    expect(lastText()).toContain(renderPrompt('status_closed', 'ar'));
  });

  it('takes a report from a reporter known only by a business-scoped id, replying to that id', async () => {
    const hidden: TestReporter = { userId: 'SA.13491208655302741918', name: 'Siti' };
    await say(hidden, { text: 'sampah menumpuk di jalan' });
    await say(hidden, { listReply: 'lang:id' });
    await say(hidden, { listReply: 'cat:street_cleanliness' });
    await say(hidden, { text: 'Sampah menumpuk sejak kemarin di dekat tenda' });
    await say(hidden, { text: 'Tenda Mina 42' });
    await say(hidden, { text: 'lewati' });
    await say(hidden, { buttonReply: 'confirm:send' });
    const reports = (await service.forActor(systemActor).listReports()).items;
    const mine = reports.find(
      (report) => report.reporter?.whatsappUserId === 'SA.13491208655302741918',
    );
    expect(mine).toMatchObject({ language: 'id', location: { landmark: 'Tenda Mina 42' } });
    expect(mine?.reporter?.phone).toBeUndefined();
    expect(posted.at(-1)).toMatchObject({ recipient: 'SA.13491208655302741918', to: undefined });
    expect(lastText()).toContain(mine!.number);
    expect(errors).toEqual([]);
  });
});
