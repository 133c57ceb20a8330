import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../test/support/fixtures.js';
import {
  graphBaseUrl,
  testAccessToken,
  testPhoneNumberId,
  useGraphApi,
} from '../../test/support/graph-api.js';
import { createMemoryIntake } from '../../test/support/memory-intake.js';
import {
  createFakeMediaDownloader,
  createRecordingSender,
} from '../../test/support/recording-sender.js';
import {
  inboundMessage,
  signedRequest,
  type TestMessageContent,
  type TestReporter,
  testAppSecret,
  testVerifyToken,
  webhookPayload,
  webhookUrl,
} from '../../test/support/webhook-requests.js';
import { renderPrompt } from '../prompts/render-prompt.js';
import { createWhatsAppSender } from '../send/create-whatsapp-sender.js';
import type { WhatsAppMediaDownloader, WhatsAppMessageSender } from '../send/whatsapp-sender.js';
import { createMemoryConversationStore } from '../stores/create-memory-conversation-store.js';
import { createWindowStore } from '../stores/create-window-store.js';
import {
  createWhatsAppWebhookHandler,
  type WhatsAppWebhookHandlerOptions,
} from './create-whatsapp-webhook-handler.js';

const server = useGraphApi();
const start = Date.UTC(2026, 10, 27, 9, 0, 0);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]);

function setUp(
  options: Partial<WhatsAppWebhookHandlerOptions> & { sender?: WhatsAppMessageSender } = {},
) {
  let now = start;
  const intake = createMemoryIntake();
  const recording = createRecordingSender();
  const conversations = createMemoryConversationStore({ clock: () => now });
  const errors: unknown[] = [];
  const handlerOptions: WhatsAppWebhookHandlerOptions = {
    appSecret: testAppSecret,
    verifyToken: testVerifyToken,
    intake,
    sender: recording,
    conversations,
    clock: () => now,
    onError: (error) => errors.push(error),
    ...options,
  };
  let handler = createWhatsAppWebhookHandler(handlerOptions);
  return {
    intake,
    sender: recording,
    conversations,
    errors,
    advance(milliseconds: number) {
      now += milliseconds;
    },
    /** A new handler on the same stores, as after a restart. */
    restart() {
      handler = createWhatsAppWebhookHandler(handlerOptions);
    },
    handle(request: Request) {
      return handler(request);
    },
    /** The reporter sends one message; the clock moves on a minute. */
    async send(reporter: TestReporter, content: TestMessageContent, id?: string) {
      now += 60_000;
      const body = JSON.stringify(
        webhookPayload(reporter, [
          inboundMessage(reporter, content, id === undefined ? {} : { id }),
        ]),
      );
      const response = await handler(await signedRequest(body));
      expect(response.status).toBe(200);
      return response;
    },
  };
}

type Harness = ReturnType<typeof setUp>;

function lastBody(harness: Harness): string {
  const last = harness.sender.sent.at(-1)?.message;
  if (last === undefined) return '';
  return last.type === 'template' ? last.name : last.body;
}

function lastRowIds(harness: Harness): string[] {
  const last = harness.sender.sent.at(-1)?.message;
  return last?.type === 'list'
    ? last.sections.flatMap((section) => section.rows.map((row) => row.id))
    : [];
}

const saudi: TestReporter = { waId: '966512345678', name: 'عبدالله' };
const pakistani: TestReporter = { waId: '923001234567', name: 'احمد' };
const indonesian: TestReporter = { waId: '6281234567890', name: 'Siti' };

describe('createWhatsAppWebhookHandler', () => {
  describe('the subscription handshake', () => {
    it('answers the challenge when the verify token matches', async () => {
      const { handle } = setUp();
      const url = `${webhookUrl}?hub.mode=subscribe&hub.verify_token=${testVerifyToken}&hub.challenge=1158201444`;
      const response = await handle(new Request(url));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('1158201444');
    });

    it('refuses a wrong verify token', async () => {
      const { handle } = setUp();
      const response = await handle(
        new Request(`${webhookUrl}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1`),
      );
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    });
  });

  describe('signatures', () => {
    it('answers 403 INVALID_SIGNATURE to a missing or wrong signature, and changes nothing', async () => {
      const harness = setUp();
      const body = JSON.stringify(
        webhookPayload(saudi, [inboundMessage(saudi, { text: 'الإنارة مطفية' })]),
      );
      for (const request of [
        await signedRequest(body, { signature: null }),
        await signedRequest(body, { appSecret: 'someone-else' }),
        await signedRequest(body, { signature: 'sha256=0000' }),
      ]) {
        const response = await harness.handle(request);
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ code: 'INVALID_SIGNATURE', status: 403 });
      }
      expect(harness.sender.sent).toEqual([]);
      expect(await harness.conversations.get('966512345678')).toBeUndefined();
    });

    it('accepts a published payload signed over its bytes exactly as received', async () => {
      const harness = setUp();
      const response = await harness.handle(await signedRequest(fixtureBytes('whatsapp-text')));
      expect(response.status).toBe(200);
      expect(harness.sender.sent).toHaveLength(1);
      expect(harness.sender.sent[0]?.to).toEqual({ phone: '16505551234' });
      expect(lastBody(harness)).toBe(renderPrompt('greeting', 'en'));
    });

    it('reads \\u-escaped Arabic as Meta sends it, from the signed bytes', async () => {
      const harness = setUp();
      const raw = JSON.stringify(
        webhookPayload(saudi, [inboundMessage(saudi, { text: 'الإنارة مطفية' })]),
      ).replace(
        /[\u0080-\uffff]/g,
        (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      expect(raw).not.toMatch(/[\u0080-\uffff]/);
      const response = await harness.handle(await signedRequest(raw));
      expect(response.status).toBe(200);
      expect(lastBody(harness)).toBe(renderPrompt('greeting', 'ar'));
    });

    it('answers 400 to an authentic body that is not JSON, and 405 to other methods', async () => {
      const { handle } = setUp();
      expect((await handle(await signedRequest('{not json'))).status).toBe(400);
      expect((await handle(new Request(webhookUrl, { method: 'PUT', body: '{}' }))).status).toBe(
        405,
      );
    });
  });

  it('takes a report in Arabic from the first message to the report number', async () => {
    const harness = setUp();
    await harness.send(saudi, { text: 'السلام عليكم، الإنارة مطفية في شارع إبراهيم الخليل' });
    expect(lastBody(harness)).toBe(renderPrompt('greeting', 'ar'));
    await harness.send(saudi, { listReply: 'lang:ar' });
    expect(lastRowIds(harness)).toContain('cat:street_lighting');
    await harness.send(saudi, { listReply: 'cat:street_lighting' });
    expect(lastBody(harness)).toContain('التصنيف:');
    await harness.send(saudi, { text: 'ثلاثة أعمدة إنارة مطفأة منذ يومين' });
    expect(lastBody(harness)).toBe(renderPrompt('location_prompt', 'ar'));
    await harness.send(saudi, { text: 'مخيم ٤٢ منى' });
    expect(lastBody(harness)).toContain(
      renderPrompt('confirm_summary', 'ar', {
        category: 'إنارة الشوارع',
        description: 'ثلاثة أعمدة إنارة مطفأة منذ يومين',
        location: 'مخيم ٤٢ منى',
        photo: renderPrompt('photo_none', 'ar'),
      }).slice(0, 20),
    );
    await harness.send(saudi, { buttonReply: 'confirm:send' });

    expect(harness.intake.reports).toHaveLength(1);
    const [report] = harness.intake.reports;
    expect(report?.input).toMatchObject({
      categoryCode: 'street_lighting',
      description: 'ثلاثة أعمدة إنارة مطفأة منذ يومين',
      location: { landmark: 'مخيم ٤٢ منى' },
      language: 'ar',
      channel: 'whatsapp',
      reporter: {
        whatsappUserId: '966512345678',
        phone: '+966512345678',
        name: 'عبدالله',
        language: 'ar',
      },
    });
    expect(lastBody(harness)).toContain(report!.number);
    expect(lastBody(harness)).toContain('https://balagh.example.org/track/');
    expect(harness.errors).toEqual([]);
  });

  it('takes a report in Urdu with a photo downloaded through the Graph API', async () => {
    const posted: Record<string, unknown>[] = [];
    server.use(
      http.post(`${graphBaseUrl}/v23.0/${testPhoneNumberId}/messages`, async ({ request }) => {
        posted.push((await request.json()) as Record<string, unknown>);
        return HttpResponse.json({
          messaging_product: 'whatsapp',
          messages: [{ id: `wamid.out${posted.length}` }],
        });
      }),
      http.get(`${graphBaseUrl}/v23.0/1003383421387256`, () =>
        HttpResponse.json({
          url: 'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1003383421387256',
          mime_type: 'image/jpeg',
          file_size: jpeg.byteLength,
          id: '1003383421387256',
        }),
      ),
      http.get('https://lookaside.fbsbx.com/whatsapp_business/attachments/', ({ request }) =>
        request.headers.get('authorization') === `Bearer ${testAccessToken}`
          ? new HttpResponse(jpeg, { headers: { 'content-type': 'image/jpeg' } })
          : new HttpResponse(null, { status: 401 }),
      ),
    );
    const sender = createWhatsAppSender({
      phoneNumberId: testPhoneNumberId,
      accessToken: testAccessToken,
    });
    const harness = setUp({ sender });
    const texts = () =>
      posted.map((body) => {
        const text = body.text as { body: string } | undefined;
        const interactive = body.interactive as { body: { text: string } } | undefined;
        return text?.body ?? interactive?.body.text ?? '';
      });

    await harness.send(pakistani, { text: 'سڑک پر کچرا پڑا ہے' });
    expect(texts().at(-1)).toBe(renderPrompt('greeting', 'ur'));
    await harness.send(pakistani, { listReply: 'lang:ur' });
    await harness.send(pakistani, { listReply: 'cat:street_cleanliness' });
    await harness.send(pakistani, { text: 'کیمپ کے باہر کچرے کے ڈھیر لگے ہیں' });
    await harness.send(pakistani, { text: 'منیٰ کیمپ ۴۲' });
    expect(texts().at(-1)).toBe(renderPrompt('photo_prompt', 'ur'));
    await harness.send(pakistani, { image: { id: '1003383421387256', caption: 'کچرا' } });
    expect(texts().slice(-2)[0]).toBe(renderPrompt('photo_received', 'ur'));
    expect(texts().at(-1)).toContain(renderPrompt('photo_attached', 'ur'));
    await harness.send(pakistani, { buttonReply: 'confirm:send' });

    expect(harness.intake.media).toEqual([
      { mediaId: 'media-1', bytes: jpeg, contentType: 'image/jpeg' },
    ]);
    expect(harness.intake.reports[0]?.input).toMatchObject({
      categoryCode: 'street_cleanliness',
      location: { landmark: 'منیٰ کیمپ ۴۲' },
      mediaIds: ['media-1'],
      language: 'ur',
      reporter: { phone: '+923001234567' },
    });
    expect(texts().at(-1)).toContain(harness.intake.reports[0]!.number);
    expect(posted.every((body) => body.to === '923001234567')).toBe(true);
    expect(harness.errors).toEqual([]);
  });

  it("takes a report in Indonesian, the category suggested from the reporter's own words", async () => {
    const harness = setUp({ mediaDownloader: createFakeMediaDownloader({}) });
    await harness.send(indonesian, { text: 'Selamat pagi' });
    expect(lastBody(harness)).toBe(renderPrompt('greeting', 'id'));
    await harness.send(indonesian, { text: 'sampah menumpuk di jalan dekat tenda' });
    const suggested = lastRowIds(harness);
    expect(suggested).toContain('cat:street_cleanliness');
    await harness.send(indonesian, { listReply: 'cat:street_cleanliness' });
    await harness.send(indonesian, { text: 'Sampah menumpuk sejak kemarin, baunya busuk' });
    await harness.send(indonesian, {
      location: { latitude: 21.4133, longitude: 39.8933, name: 'Tenda Mina 42' },
    });
    await harness.send(indonesian, { text: 'lewati' });
    expect(lastBody(harness)).toContain('Kategori:');
    await harness.send(indonesian, { text: 'kirim' });
    expect(harness.intake.reports[0]?.input).toMatchObject({
      categoryCode: 'street_cleanliness',
      location: { lat: 21.4133, lng: 39.8933, address: 'Tenda Mina 42' },
      language: 'id',
    });
    expect(lastBody(harness)).toContain('Nomor laporan');
  });

  it('makes one report when the same webhook is delivered twice, even at once', async () => {
    const harness = setUp();
    await harness.send(saudi, { text: 'السلام عليكم' });
    await harness.send(saudi, { listReply: 'lang:ar' });
    await harness.send(saudi, { listReply: 'cat:street_lighting' });
    await harness.send(saudi, { text: 'الإنارة مطفية في الشارع' });
    await harness.send(saudi, { text: 'بوابة الملك فهد' });
    const sentBefore = harness.sender.sent.length;
    const body = JSON.stringify(
      webhookPayload(saudi, [
        inboundMessage(saudi, { buttonReply: 'confirm:send' }, { id: 'wamid.CONFIRM' }),
      ]),
    );
    const deliveries = await Promise.all([
      harness.handle(await signedRequest(body)),
      harness.handle(await signedRequest(body)),
    ]);
    const again = await harness.handle(await signedRequest(body));
    expect([...deliveries, again].map((response) => response.status)).toEqual([200, 200, 200]);
    expect(harness.intake.reports).toHaveLength(1);
    expect(harness.sender.sent.length - sentBefore).toBe(1);
  });

  it('makes one report when the reporter sends again after a lost answer', async () => {
    const harness = setUp();
    const submit = harness.intake.submitReport.bind(harness.intake);
    let calls = 0;
    harness.intake.submitReport = async (input, options) => {
      const receipt = await submit(input, options);
      calls += 1;
      if (calls === 1) throw new Error('socket hang up');
      return receipt;
    };
    await harness.send(saudi, { text: 'السلام عليكم' });
    await harness.send(saudi, { listReply: 'lang:ar' });
    await harness.send(saudi, { listReply: 'cat:street_lighting' });
    await harness.send(saudi, { text: 'الإنارة مطفية في الشارع' });
    await harness.send(saudi, { text: 'بوابة الملك فهد' });
    await harness.send(saudi, { buttonReply: 'confirm:send' });
    expect(lastBody(harness)).toBe(renderPrompt('unavailable', 'ar'));
    await harness.send(saudi, { buttonReply: 'confirm:send' });
    expect(harness.intake.reports).toHaveLength(1);
    expect(
      new Set(harness.intake.submissions.map((submission) => submission.idempotencyKey)).size,
    ).toBe(1);
    expect(lastBody(harness)).toContain(harness.intake.reports[0]!.number);
  });

  it('serves a reporter known only by a business-scoped user id, with no phone and so no SMS fallback', async () => {
    const harness = setUp();
    const hidden: TestReporter = { userId: 'SA.13491208655302741918', name: 'حاج' };
    await harness.send(hidden, { text: 'النظافة سيئة عند البوابة' });
    await harness.send(hidden, { listReply: 'lang:ar' });
    await harness.send(hidden, { listReply: 'cat:street_cleanliness' });
    await harness.send(hidden, { text: 'نفايات متراكمة عند البوابة' });
    await harness.send(hidden, { text: 'باب الملك عبدالعزيز' });
    await harness.send(hidden, { buttonReply: 'confirm:send' });
    const reporter = harness.intake.reports[0]?.input.reporter;
    expect(reporter).toMatchObject({ whatsappUserId: 'SA.13491208655302741918' });
    expect(reporter?.phone).toBeUndefined();
    expect(
      harness.sender.sent.every(
        (sent) => sent.to.userId === 'SA.13491208655302741918' && sent.to.phone === undefined,
      ),
    ).toBe(true);

    await harness.send(hidden, { text: 'حالة البلاغ' });
    expect(lastBody(harness)).toContain(harness.intake.reports[0]!.number);
  });

  it('picks a conversation up again after a restart', async () => {
    const harness = setUp();
    await harness.send(saudi, { text: 'السلام عليكم' });
    await harness.send(saudi, { listReply: 'lang:ar' });
    await harness.send(saudi, { listReply: 'cat:street_lighting' });
    harness.restart();
    await harness.send(saudi, { text: 'الإنارة مطفية في الشارع' });
    expect(lastBody(harness)).toBe(renderPrompt('location_prompt', 'ar'));
  });

  it('discards an unfinished report after the configured silence', async () => {
    const harness = setUp({ conversationTimeoutMs: 10 * 60_000 });
    await harness.send(saudi, { text: 'السلام عليكم' });
    await harness.send(saudi, { listReply: 'lang:ar' });
    harness.advance(11 * 60_000);
    await harness.send(saudi, { listReply: 'cat:street_lighting' });
    const bodies = harness.sender.bodies();
    expect(bodies).toContain(renderPrompt('timed_out', 'ar'));
  });

  it('answers the status of a report, and confirms its closure with the code', async () => {
    const harness = setUp();
    const receipt = await harness.intake.submitReport({
      categoryCode: 'street_lighting',
      description: 'الإنارة مطفية',
      channel: 'whatsapp',
      language: 'ar',
      reporter: { whatsappUserId: '966512345678', phone: '+966512345678' },
    });
    const digits = receipt.number.replace(/\d/g, (digit) =>
      String.fromCharCode(0x0660 + Number(digit)),
    );
    await harness.send(saudi, { text: `حالة البلاغ ${digits}` });
    expect(lastBody(harness)).toContain(receipt.number);
    expect(lastBody(harness)).toContain(renderPrompt('status_received', 'ar'));

    harness.intake.resolve(receipt.number, '4829151');
    await harness.send(saudi, { text: '482 915-6' });
    expect(lastBody(harness)).toBe(renderPrompt('code_malformed', 'ar'));
    await harness.send(saudi, { text: '٤٨٢ ٩١٥-١' });
    expect(harness.intake.reports[0]?.status).toBe('closed');
  });

  it("looks a reporter's report up by phone when it was made by SMS", async () => {
    const harness = setUp();
    const receipt = await harness.intake.submitReport({
      categoryCode: 'street_lighting',
      description: 'Lamp off',
      channel: 'sms',
      language: 'en',
      reporter: { phone: '+966512345678' },
    });
    await harness.send(saudi, { text: receipt.number });
    expect(lastBody(harness)).toContain(receipt.number);
    await harness.send(saudi, { text: '1448-999999-0' });
    expect(lastBody(harness)).toMatch(
      new RegExp(
        `${renderPrompt('report_not_found', 'ar')}|${renderPrompt('invalid_report_number', 'ar')}`,
      ),
    );
  });

  it('handles a batch of messages in the order they were sent', async () => {
    const harness = setUp();
    const body = JSON.stringify(
      webhookPayload(saudi, [
        inboundMessage(saudi, { listReply: 'lang:en' }, { timestamp: 1_795_000_002 }),
        inboundMessage(saudi, { text: 'hello' }, { timestamp: 1_795_000_001 }),
      ]),
    );
    await harness.handle(await signedRequest(body));
    expect(harness.sender.sent.map((sent) => sent.message.type)).toEqual(['list', 'list']);
    expect(lastRowIds(harness).some((id) => id.startsWith('grp:') || id.startsWith('cat:'))).toBe(
      true,
    );
  });

  it("records when the reporter wrote, for the notifier's customer-service window", async () => {
    const conversations = createMemoryConversationStore({ clock: () => start });
    const windowStore = createWindowStore(conversations);
    const harness = setUp({ conversations, windowStore });
    const sentAt = start / 1000 - 5;
    const body = JSON.stringify(
      webhookPayload(saudi, [inboundMessage(saudi, { text: 'hello' }, { timestamp: sentAt })]),
    );
    await harness.handle(await signedRequest(body));
    expect(await windowStore.lastInboundAt('966512345678')).toBe(sentAt * 1000);
  });

  it('answers at once with waitUntil and finishes the work after', async () => {
    const pending: Promise<unknown>[] = [];
    const harness = setUp({ waitUntil: (work) => pending.push(work) });
    const body = JSON.stringify(webhookPayload(saudi, [inboundMessage(saudi, { text: 'hello' })]));
    const response = await harness.handle(await signedRequest(body));
    expect(response.status).toBe(200);
    expect(pending).toHaveLength(1);
    await Promise.all(pending);
    expect(harness.sender.sent).toHaveLength(1);
  });

  it('passes delivery statuses on, and ignores messages to another business number', async () => {
    const statuses: unknown[] = [];
    const harness = setUp({
      onStatus: (status) => void statuses.push(status),
      phoneNumberId: 'another-number',
    });
    await harness.handle(await signedRequest(fixtureBytes('whatsapp-text')));
    await harness.handle(await signedRequest(fixtureBytes('whatsapp-status-failed')));
    expect(harness.sender.sent).toEqual([]);
    expect(statuses).toEqual([]);
    const listening = setUp({ onStatus: (status) => void statuses.push(status) });
    await listening.handle(await signedRequest(fixtureBytes('whatsapp-status-failed')));
    expect(statuses).toMatchObject([{ status: 'failed', errors: [{ code: 131049 }] }]);
  });

  it('tells the reporter the service is unavailable when the intake fails, and reports the error', async () => {
    const harness = setUp();
    harness.intake.getReportStatus = async () => {
      throw new Error('database is down');
    };
    await harness.send(saudi, { text: 'حالة البلاغ' });
    expect(lastBody(harness)).toBe(renderPrompt('unavailable', 'ar'));
    expect(harness.errors).toHaveLength(1);
  });

  it('keeps going when a reply cannot be sent', async () => {
    const failing: WhatsAppMessageSender & WhatsAppMediaDownloader = {
      async send() {
        throw new Error('WhatsApp is down');
      },
      async downloadMedia() {
        throw new Error('WhatsApp is down');
      },
    };
    const harness = setUp({ sender: failing });
    await harness.send(saudi, { text: 'السلام عليكم' });
    expect(harness.errors).toHaveLength(1);
    expect(await harness.conversations.get('966512345678')).toMatchObject({ step: 'language' });
  });
});
