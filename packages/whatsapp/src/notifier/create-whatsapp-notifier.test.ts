import { type Notification, NotificationError, type Notifier, renderMessage } from '@balagh/core';
import { describe, expect, it } from 'vitest';
import { createRecordingSender, type SentMessage } from '../../test/support/recording-sender.js';
import { graphApiFailure } from '../send/graph-api-failure.js';
import { createMemoryConversationStore } from '../stores/create-memory-conversation-store.js';
import { createWindowStore } from '../stores/create-window-store.js';
import {
  createWhatsAppNotifier,
  type WhatsAppNotifierOptions,
} from './create-whatsapp-notifier.js';

const now = Date.UTC(2026, 10, 27, 9, 0, 0);
const hour = 60 * 60 * 1000;

function notification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: 'outbox-1',
    idempotencyKey: 'notify-1',
    kind: 'resolved',
    reportId: '0193',
    reportNumber: '1448-000123-7',
    language: 'ar',
    channel: 'whatsapp',
    recipient: { phone: '+966512345678', whatsappUserId: '966512345678' },
    variables: { number: '1448-000123-7', closureCode: '482 915-1' },
    attempt: 0,
    ...overrides,
  };
}

function fakeSms() {
  const sent: Notification[] = [];
  const notifier: Notifier = {
    canDeliver: (candidate) => candidate.recipient.phone !== undefined,
    async send(candidate) {
      sent.push(candidate);
      return { deliveredVia: 'sms:fake', providerMessageId: 'sms-1' };
    },
  };
  return { notifier, sent };
}

const templates: WhatsAppNotifierOptions['templates'] = {
  resolved: {
    name: 'balagh_report_resolved',
    parameters: ['number', 'closureCode'],
    languageCodes: { en: 'en_US' },
  },
  received: { name: 'balagh_report_received', parameters: ['number', 'trackingUrl'] },
};

async function setUp(
  options: { wroteAt?: number; answer?: (sent: SentMessage) => never | { messageId: string } } = {},
) {
  const conversations = createMemoryConversationStore({ clock: () => now });
  const windowStore = createWindowStore(conversations);
  if (options.wroteAt !== undefined)
    await windowStore.recordInbound('966512345678', options.wroteAt);
  const sender = createRecordingSender(
    options.answer === undefined ? undefined : (sent) => options.answer!(sent),
  );
  const sms = fakeSms();
  const notifier = createWhatsAppNotifier({
    sender,
    templates,
    windowStore,
    fallback: sms.notifier,
    clock: () => now,
  });
  return { sender, sms, notifier };
}

describe('createWhatsAppNotifier', () => {
  it('sends the catalogue text inside the 24-hour customer-service window', async () => {
    const { sender, notifier } = await setUp({ wroteAt: now - 23 * hour });
    const receipt = await notifier.send(notification());
    expect(sender.sent).toEqual([
      {
        to: { phone: '+966512345678' },
        message: {
          type: 'text',
          body: renderMessage('resolved', 'ar', {
            number: '1448-000123-7',
            closureCode: '482 915-1',
          }),
        },
      },
    ]);
    expect(receipt).toEqual({ providerMessageId: 'wamid.sent-1', deliveredVia: 'whatsapp' });
  });

  it('sends the mapped template outside the window, parameters in order, with its language code', async () => {
    const { sender, notifier } = await setUp({ wroteAt: now - 25 * hour });
    const receipt = await notifier.send(notification({ language: 'en' }));
    expect(sender.sent[0]?.message).toEqual({
      type: 'template',
      name: 'balagh_report_resolved',
      languageCode: 'en_US',
      bodyParameters: [{ text: '1448-000123-7' }, { text: '482 915-1' }],
    });
    expect(receipt.deliveredVia).toBe('whatsapp:template');
  });

  it('fills a missing template variable with a dash, since WhatsApp refuses empty parameters', async () => {
    const { sender, notifier } = await setUp();
    await notifier.send(
      notification({ kind: 'received', channel: 'sms', variables: { number: '1448-000123-7' } }),
    );
    expect(sender.sent[0]?.message).toMatchObject({
      bodyParameters: [{ text: '1448-000123-7' }, { text: '-' }],
    });
  });

  it('falls back to SMS outside the window when the kind has no template', async () => {
    const { sender, sms, notifier } = await setUp();
    const receipt = await notifier.send(
      notification({
        kind: 'closed',
        variables: { number: '1448-000123-7', closedHow: 'confirmed' },
      }),
    );
    expect(sender.sent).toEqual([]);
    expect(sms.sent).toHaveLength(1);
    expect(receipt.deliveredVia).toBe('sms:fake');
  });

  it('falls back to SMS when WhatsApp cannot reach the reporter (131026)', async () => {
    const { sms, notifier } = await setUp({
      wroteAt: now - hour,
      answer: () => {
        throw graphApiFailure(400, { error: { code: 131026, message: 'Message undeliverable' } });
      },
    });
    expect((await notifier.send(notification())).deliveredVia).toBe('sms:fake');
    expect(sms.sent).toHaveLength(1);
  });

  it('tries the template when WhatsApp says the window closed (131047) although the store thought it open', async () => {
    const { sender, notifier } = await setUp({
      wroteAt: now - hour,
      answer: (sent) => {
        if (sent.message.type === 'text')
          throw graphApiFailure(400, { error: { code: 131047, message: 'Re-engagement message' } });
        return { messageId: 'wamid.template' };
      },
    });
    const receipt = await notifier.send(notification());
    expect(sender.sent.map((sent) => sent.message.type)).toEqual(['text', 'template']);
    expect(receipt).toEqual({
      providerMessageId: 'wamid.template',
      deliveredVia: 'whatsapp:template',
    });
  });

  it('fails for good when a reporter known only by a business-scoped id cannot be reached, with no SMS to fall back on', async () => {
    const { sms, notifier } = await setUp();
    const bsuidOnly = notification({
      kind: 'closed',
      recipient: { whatsappUserId: 'SA.13491208655302741918' },
      variables: { number: '1448-000123-7', closedHow: 'confirmed' },
    });
    expect(notifier.canDeliver(bsuidOnly)).toBe(true);
    const error = await notifier.send(bsuidOnly).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotificationError);
    expect((error as NotificationError).retryable).toBe(false);
    expect(sms.sent).toEqual([]);
  });

  it('sends to a business-scoped id as such, and to the phone when there is one', async () => {
    const { sender, notifier } = await setUp();
    await notifier.send(notification({ recipient: { whatsappUserId: 'SA.13491208655302741918' } }));
    await notifier.send(
      notification({
        recipient: { phone: '+966512345678', whatsappUserId: 'SA.13491208655302741918' },
      }),
    );
    expect(sender.sent.map((sent) => sent.to)).toEqual([
      { userId: 'SA.13491208655302741918' },
      { phone: '+966512345678', userId: 'SA.13491208655302741918' },
    ]);
  });

  it('keeps retryable failures for the outbox to retry, without falling back', async () => {
    const { sms, notifier } = await setUp({
      wroteAt: now - hour,
      answer: () => {
        throw graphApiFailure(429, { error: { code: 130429, message: 'Rate limit hit' } });
      },
    });
    await expect(notifier.send(notification())).rejects.toMatchObject({ retryable: true });
    expect(sms.sent).toEqual([]);
  });

  it('hands reporters who never wrote on WhatsApp to the fallback', async () => {
    const { sender, sms, notifier } = await setUp();
    const smsReporter = notification({ channel: 'sms', recipient: { phone: '+966512345678' } });
    expect(notifier.canDeliver(smsReporter)).toBe(true);
    await notifier.send(smsReporter);
    expect(sender.sent).toEqual([]);
    expect(sms.sent).toHaveLength(1);
  });

  it('does not repeat the report number the conversation already gave', async () => {
    const { sender, notifier } = await setUp({ wroteAt: now - hour });
    const receipt = await notifier.send(
      notification({ kind: 'received', variables: { number: '1448-000123-7' } }),
    );
    expect(receipt).toEqual({ deliveredVia: 'whatsapp:conversation' });
    expect(sender.sent).toEqual([]);
  });

  it('cannot deliver escalations to staff', async () => {
    const { notifier } = await setUp();
    expect(
      notifier.canDeliver(
        notification({ kind: 'escalation', recipient: { departmentCode: 'lighting' } }),
      ),
    ).toBe(false);
  });
});
