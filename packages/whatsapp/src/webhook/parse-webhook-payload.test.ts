import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/support/fixtures.js';
import { parseWebhookPayload } from './parse-webhook-payload.js';

const sender = {
  whatsappUserId: '16505551234',
  waId: '16505551234',
  phone: '+16505551234',
  name: 'Sheena Nelson',
};

describe('parseWebhookPayload', () => {
  it('reads a text message, its sender and its time', () => {
    const { messages, statuses, skipped } = parseWebhookPayload(fixture('whatsapp-text'));
    expect(skipped).toBe(0);
    expect(statuses).toEqual([]);
    expect(messages).toEqual([
      {
        id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
        timestamp: 1_749_416_383_000,
        phoneNumberId: '106540352242922',
        from: sender,
        content: { type: 'text', text: 'Does it come in another color?' },
      },
    ]);
  });

  it('reads a shared location with its name and address', () => {
    const [message] = parseWebhookPayload(fixture('whatsapp-location')).messages;
    expect(message?.content).toEqual({
      type: 'location',
      latitude: 37.44221496582,
      longitude: -122.16165924072,
      name: 'Philz Coffee',
      address: '101 Forest Ave, Palo Alto, CA 94301',
    });
  });

  it('reads an image with its media id, type, caption and base64 hash', () => {
    const [message] = parseWebhookPayload(fixture('whatsapp-image')).messages;
    expect(message?.content).toEqual({
      type: 'image',
      mediaId: '1003383421387256',
      mimeType: 'image/jpeg',
      caption: 'Taj Mahal',
      sha256: 'SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=',
    });
  });

  it('reads a list reply and the message it answers', () => {
    const [message] = parseWebhookPayload(fixture('whatsapp-interactive-list-reply')).messages;
    expect(message?.contextMessageId).toBe(
      'wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=',
    );
    expect(message?.content).toEqual({
      type: 'list_reply',
      id: 'priority_express',
      title: 'Priority Mail Express',
      description: 'Next Day to 2 Days',
    });
  });

  it('reads delivery statuses, with the errors of a failed one', () => {
    const sent = parseWebhookPayload(fixture('whatsapp-status-sent'));
    expect(sent.messages).toEqual([]);
    expect(sent.statuses).toEqual([
      {
        messageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
        status: 'sent',
        timestamp: 1_750_030_073_000,
        phoneNumberId: '106540352242922',
        recipientWaId: '16505551234',
        errors: [],
      },
    ]);
    const [failed] = parseWebhookPayload(fixture('whatsapp-status-failed')).statuses;
    expect(failed?.status).toBe('failed');
    expect(failed?.errors).toEqual([
      {
        code: 131049,
        title: 'This message was not delivered to maintain healthy ecosystem engagement.',
        message: 'This message was not delivered to maintain healthy ecosystem engagement.',
        details:
          'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
      },
    ]);
  });

  it('reads a reporter known only by a business-scoped user id, with no phone', () => {
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '1',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: {
                  display_phone_number: '15550783881',
                  phone_number_id: '106540352242922',
                },
                contacts: [
                  {
                    profile: { name: 'حاج', username: '@haj' },
                    user_id: 'SA.13491208655302741918',
                  },
                ],
                messages: [
                  {
                    from_user_id: 'SA.13491208655302741918',
                    id: 'wamid.BSUID1',
                    timestamp: '1795000000',
                    type: 'text',
                    text: { body: 'السلام عليكم' },
                  },
                ],
              },
            },
          ],
        },
      ],
    };
    const [message] = parseWebhookPayload(payload).messages;
    expect(message?.from).toEqual({
      whatsappUserId: 'SA.13491208655302741918',
      userId: 'SA.13491208655302741918',
      name: 'حاج',
    });
    expect(message?.from.phone).toBeUndefined();
  });

  it('prefers the business-scoped id and keeps the phone when WhatsApp sends both', () => {
    const payload = structuredClone(fixture('whatsapp-text')) as {
      entry: {
        changes: {
          value: { contacts: Record<string, unknown>[]; messages: Record<string, unknown>[] };
        }[];
      }[];
    };
    const value = payload.entry[0]!.changes[0]!.value;
    value.contacts[0]!.user_id = 'US.13491208655302741918';
    value.messages[0]!.from_user_id = 'US.13491208655302741918';
    const [message] = parseWebhookPayload(payload).messages;
    expect(message?.from).toMatchObject({
      whatsappUserId: 'US.13491208655302741918',
      waId: '16505551234',
      phone: '+16505551234',
    });
  });

  it('keeps unknown message kinds as unsupported, reactions as ignored, and skips unreadable ones', () => {
    const payload = structuredClone(fixture('whatsapp-text')) as {
      entry: { changes: { value: { messages: unknown[] } }[] }[];
    };
    const messages = payload.entry[0]!.changes[0]!.value.messages;
    const base = messages[0] as Record<string, unknown>;
    messages.push(
      { ...base, id: 'wamid.2', type: 'audio', audio: { id: '9', mime_type: 'audio/ogg' } },
      {
        ...base,
        id: 'wamid.3',
        type: 'reaction',
        reaction: { message_id: 'wamid.x', emoji: '👍' },
      },
      {
        ...base,
        id: 'wamid.4',
        type: 'document',
        document: { id: '7', mime_type: 'image/png', filename: 'a.png' },
      },
      { ...base, id: 'wamid.5', type: 'a_type_from_2030', a_type_from_2030: {} },
      { id: 'wamid.6', type: 'text' },
      'not a message',
    );
    const parsed = parseWebhookPayload(payload);
    expect(parsed.messages.map((message) => message.content)).toEqual([
      { type: 'text', text: 'Does it come in another color?' },
      { type: 'unsupported', originalType: 'audio' },
      { type: 'ignored', originalType: 'reaction' },
      { type: 'image', mediaId: '7', mimeType: 'image/png' },
      { type: 'unsupported', originalType: 'a_type_from_2030' },
    ]);
    expect(parsed.skipped).toBe(2);
  });

  it('leaves out changes of other fields', () => {
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        { id: '1', changes: [{ field: 'account_update', value: { event: 'VERIFIED_ACCOUNT' } }] },
      ],
    };
    expect(parseWebhookPayload(payload)).toEqual({ messages: [], statuses: [], skipped: 0 });
  });

  it('refuses a body that is not a webhook envelope', () => {
    expect(() => parseWebhookPayload({ hello: 'world' })).toThrowError(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => parseWebhookPayload(null)).toThrowError(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
