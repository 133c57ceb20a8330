import { isBalaghError, NotificationError } from '@balagh/core';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/support/fixtures.js';
import {
  graphBaseUrl,
  testAccessToken,
  testPhoneNumberId,
  useGraphApi,
} from '../../test/support/graph-api.js';
import type { OutgoingMessage } from '../outgoing/outgoing-message.js';
import { createWhatsAppSender } from './create-whatsapp-sender.js';

const messagesUrl = `${graphBaseUrl}/v23.0/${testPhoneNumberId}/messages`;
const received: { body: unknown; authorization: string | null }[] = [];

const server = useGraphApi(
  http.post(messagesUrl, async ({ request }) => {
    received.push({
      body: await request.json(),
      authorization: request.headers.get('authorization'),
    });
    return HttpResponse.json(fixture('whatsapp-send-response') as Record<string, unknown>);
  }),
);

function sender() {
  received.length = 0;
  return createWhatsAppSender({ phoneNumberId: testPhoneNumberId, accessToken: testAccessToken });
}

function graphError(status: number, code: number, details = 'details') {
  return http.post(messagesUrl, () =>
    HttpResponse.json(
      {
        error: {
          message: `(#${code}) message`,
          type: 'OAuthException',
          code,
          error_data: { messaging_product: 'whatsapp', details },
          fbtrace_id: 'Az8or2yhqkZfEZ-_4Qn_Bam',
        },
      },
      { status },
    ),
  );
}

async function failure(promise: Promise<unknown>): Promise<NotificationError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof NotificationError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('createWhatsAppSender', () => {
  it('writes an interactive list exactly as the Cloud API documents it, and reads the answer', async () => {
    const list: OutgoingMessage = {
      type: 'list',
      header: 'Choose Shipping Option',
      body: 'Which shipping option do you prefer?',
      footer: 'Lucky Shrub: Your gateway to succulents™',
      button: 'Shipping Options',
      sections: [
        {
          title: 'I want it ASAP!',
          rows: [
            {
              id: 'priority_express',
              title: 'Priority Mail Express',
              description: 'Next Day to 2 Days',
            },
            { id: 'priority_mail', title: 'Priority Mail', description: '1–3 Days' },
          ],
        },
        {
          title: 'I can wait a bit',
          rows: [
            {
              id: 'usps_ground_advantage',
              title: 'USPS Ground Advantage',
              description: '2–5 Days',
            },
            { id: 'media_mail', title: 'Media Mail', description: '2–8 Days' },
          ],
        },
      ],
    };
    const result = await sender().send({ phone: '+16505551234' }, list);
    expect(received[0]?.body).toEqual(fixture('whatsapp-send-list-request'));
    expect(received[0]?.authorization).toBe(`Bearer ${testAccessToken}`);
    expect(result).toEqual({
      messageId: 'wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA',
      waId: '16505551234',
    });
  });

  it('sends to a business-scoped user id as `recipient`, without `to`', async () => {
    await sender().sendText({ userId: 'SA.13491208655302741918' }, 'مرحباً');
    expect(received[0]?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      recipient: 'SA.13491208655302741918',
      type: 'text',
      text: { body: 'مرحباً' },
    });
  });

  it('sends reply buttons and templates with their parameters in order', async () => {
    const whatsapp = sender();
    await whatsapp.send(
      { phone: '966512345678' },
      {
        type: 'buttons',
        body: 'إرسال؟',
        buttons: [
          { id: 'confirm:send', title: 'إرسال البلاغ' },
          { id: 'confirm:cancel', title: 'إلغاء' },
        ],
      },
    );
    await whatsapp.sendTemplate(
      { phone: '966512345678' },
      {
        name: 'balagh_report_resolved',
        languageCode: 'ar',
        bodyParameters: ['1448-000123-7', { text: '482 915-1', name: 'code' }],
      },
    );
    expect(received[0]?.body).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'إرسال؟' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'confirm:send', title: 'إرسال البلاغ' } },
            { type: 'reply', reply: { id: 'confirm:cancel', title: 'إلغاء' } },
          ],
        },
      },
    });
    expect(received[1]?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '966512345678',
      type: 'template',
      template: {
        name: 'balagh_report_resolved',
        language: { code: 'ar' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: '1448-000123-7' },
              { type: 'text', parameter_name: 'code', text: '482 915-1' },
            ],
          },
        ],
      },
    });
  });

  it('refuses a message beyond WhatsApp limits before sending anything', async () => {
    const whatsapp = sender();
    await expect(
      whatsapp.send(
        { phone: '966512345678' },
        {
          type: 'buttons',
          body: 'ok?',
          buttons: [{ id: 'a', title: 'A title far too long for a button' }],
        },
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(whatsapp.sendText({}, 'hello')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(received).toEqual([]);
  });

  it.each([
    [429, 130429],
    [400, 131048],
    [400, 131056],
    [400, 80007],
    [500, 131000],
    [503, 133004],
  ])('marks a %i with Graph error %i retryable', async (status, code) => {
    server.use(graphError(status, code));
    const error = await failure(sender().sendText({ phone: '966512345678' }, 'hi'));
    expect(error.retryable).toBe(true);
    expect(error.code).toBe('PROVIDER_ERROR');
    expect(error.details).toMatchObject({
      graphErrorCode: code,
      httpStatus: status,
      fbtraceId: 'Az8or2yhqkZfEZ-_4Qn_Bam',
    });
  });

  it.each([
    [400, 131026],
    [400, 131047],
    [400, 100],
    [404, 132001],
    [401, 190],
    [400, 131062],
  ])('marks a %i with Graph error %i permanent', async (status, code) => {
    server.use(graphError(status, code));
    const error = await failure(sender().sendText({ phone: '966512345678' }, 'hi'));
    expect(error.retryable).toBe(false);
    expect(error.details).toMatchObject({ graphErrorCode: code });
    expect(error.message).not.toContain('966512345678');
  });

  it('marks a 5xx without a Graph error, and a network failure, retryable', async () => {
    server.use(
      http.post(messagesUrl, () => new HttpResponse('<html>Bad gateway</html>', { status: 502 })),
    );
    expect((await failure(sender().sendText({ phone: '966512345678' }, 'hi'))).retryable).toBe(
      true,
    );
    server.use(http.post(messagesUrl, () => HttpResponse.error()));
    const network = await failure(sender().sendText({ phone: '966512345678' }, 'hi'));
    expect(network.retryable).toBe(true);
    expect(network.details).toEqual({ reason: 'network' });
  });

  it('passes on a Retry-After hint', async () => {
    server.use(
      http.post(messagesUrl, () =>
        HttpResponse.json(
          { error: { code: 130429, message: 'Rate limit hit' } },
          { status: 429, headers: { 'retry-after': '30' } },
        ),
      ),
    );
    expect((await failure(sender().sendText({ phone: '966512345678' }, 'hi'))).retryAfterMs).toBe(
      30_000,
    );
  });

  describe('downloadMedia', () => {
    const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    const mediaUrl =
      'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1003383421387256&ext=1';

    async function sha256(bytes: Uint8Array<ArrayBuffer>, encoding: 'hex' | 'base64') {
      const digest = Buffer.from(await crypto.subtle.digest('SHA-256', bytes));
      return digest.toString(encoding);
    }

    async function serveMedia(hash: string | undefined) {
      const authorizations: (string | null)[] = [];
      server.use(
        http.get(`${graphBaseUrl}/v23.0/1003383421387256`, ({ request }) => {
          authorizations.push(request.headers.get('authorization'));
          return HttpResponse.json({
            messaging_product: 'whatsapp',
            url: mediaUrl,
            mime_type: 'image/jpeg',
            ...(hash === undefined ? {} : { sha256: hash }),
            file_size: photo.byteLength,
            id: '1003383421387256',
          });
        }),
        http.get('https://lookaside.fbsbx.com/whatsapp_business/attachments/', ({ request }) => {
          authorizations.push(request.headers.get('authorization'));
          return new HttpResponse(photo, { headers: { 'content-type': 'image/jpeg' } });
        }),
      );
      return authorizations;
    }

    it('asks the Graph API for the URL, then downloads it with the token', async () => {
      const authorizations = await serveMedia(await sha256(photo, 'hex'));
      const media = await sender().downloadMedia('1003383421387256');
      expect(media).toEqual({ bytes: photo, contentType: 'image/jpeg' });
      expect(authorizations).toEqual([`Bearer ${testAccessToken}`, `Bearer ${testAccessToken}`]);
    });

    it('accepts the hash in base64, as the webhook prints it', async () => {
      await serveMedia(await sha256(photo, 'base64'));
      expect((await sender().downloadMedia('1003383421387256')).bytes).toEqual(photo);
    });

    it('refuses bytes that do not match the announced hash', async () => {
      await serveMedia('SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=');
      await expect(sender().downloadMedia('1003383421387256')).rejects.toSatisfy((error) =>
        isBalaghError(error, 'PROVIDER_ERROR'),
      );
    });

    it('maps an unknown media id to a permanent failure', async () => {
      server.use(
        http.get(`${graphBaseUrl}/v23.0/999`, () =>
          HttpResponse.json(
            { error: { code: 100, message: 'Invalid parameter' } },
            { status: 400 },
          ),
        ),
      );
      const error = await failure(sender().downloadMedia('999'));
      expect(error.retryable).toBe(false);
      await expect(sender().downloadMedia('../../me')).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    });
  });
});
