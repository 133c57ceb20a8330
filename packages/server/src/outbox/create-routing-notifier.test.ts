import { isBalaghError, type Notification, type Notifier } from '@balagh/core';
import { describe, expect, it } from 'vitest';
import { createRoutingNotifier } from './create-routing-notifier.js';

const notification = (recipient: Notification['recipient']): Notification => ({
  id: 'n1',
  idempotencyKey: 'r1:received:0',
  kind: 'received',
  reportId: 'r1',
  reportNumber: '1448-000001-5',
  language: 'en',
  channel: 'web',
  recipient,
  variables: { number: '1448-000001-5' },
  attempt: 0,
});

const recording = (name: string, accepts: (n: Notification) => boolean, sent: string[]) =>
  ({
    canDeliver: accepts,
    async send() {
      sent.push(name);
      return { deliveredVia: name };
    },
  }) satisfies Notifier;

describe('createRoutingNotifier', () => {
  it('sends through the first notifier that can deliver', async () => {
    const sent: string[] = [];
    const router = createRoutingNotifier([
      recording('whatsapp', (n) => n.recipient.whatsappUserId !== undefined, sent),
      recording('sms', (n) => n.recipient.phone !== undefined, sent),
      recording('file', () => true, sent),
    ]);
    await router.send(notification({ phone: '+966512345678', whatsappUserId: '9665' }));
    await router.send(notification({ phone: '+966512345678' }));
    await router.send(notification({ departmentCode: 'lighting' }));
    expect(sent).toEqual(['whatsapp', 'sms', 'file']);
  });

  it('cannot deliver, and refuses for good, what no notifier accepts', async () => {
    const router = createRoutingNotifier([recording('sms', () => false, [])]);
    const target = notification({ departmentCode: 'lighting' });
    expect(router.canDeliver(target)).toBe(false);
    const error = await router.send(target).catch((caught: unknown) => caught);
    expect(isBalaghError(error, 'PROVIDER_ERROR')).toBe(true);
    expect((error as { retryable: boolean }).retryable).toBe(false);
  });
});
