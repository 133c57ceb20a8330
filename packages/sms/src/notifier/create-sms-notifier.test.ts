import {
  isBalaghError,
  type Language,
  languages,
  type MessageKind,
  messageKinds,
  type Notification,
  NotificationError,
} from '@balagh/core';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import createResponse from '../../test/fixtures/twilio-message-create-response.json';
import { useProviderApi } from '../../test/support/provider-api.js';
import { createRecordingProvider } from '../../test/support/recording-provider.js';
import { countSegments } from '../segments/count-segments.js';
import { createTwilioProvider } from '../twilio/create-twilio-provider.js';
import { createSmsNotifier, type SmsNotifierWarning } from './create-sms-notifier.js';

const server = useProviderApi();

/** A tracking link of 30 characters, as the reference service prints short ones. */
const trackingUrl = 'https://mkh.sa/t/Xy7Qk2Lm9Pz4W';

const questions: Record<Language, string> = {
  ar: 'ما أقرب باب من أبواب الحرم إلى الموقع؟',
  en: 'Which gate of the Haram is nearest?',
  ur: 'حرم کا کون سا دروازہ قریب ترین ہے؟',
  hi: 'हरम का कौन सा द्वार सबसे पास है?',
  id: 'Pintu Masjidil Haram mana yang terdekat?',
  ms: 'Pintu Masjidil Haram mana yang paling dekat?',
  bn: 'হারামের কোন গেটটি সবচেয়ে কাছে?',
  tr: 'Harem’in hangi kapısı en yakın?',
  fr: 'Quelle porte du Haram est la plus proche ?',
  fa: 'کدام در حرم نزدیک‌تر است؟',
};

function notification(
  kind: Notification['kind'],
  language: Language,
  variables: Record<string, string> = {},
): Notification {
  return {
    id: `outbox-${kind}-${language}`,
    idempotencyKey: `idem-${kind}-${language}`,
    kind,
    reportId: '019a0000-0000-7000-8000-000000000001',
    reportNumber: '1448-000123-7',
    language,
    channel: 'sms',
    recipient: { phone: '+966512345678' },
    variables,
    attempt: 0,
  };
}

/** Realistic values: the number as an Arabic keyboard types it, a due date, a code, a link. */
function realisticVariables(
  kind: MessageKind,
  language: Language,
  closedHow = 'confirmed',
): Record<string, string> {
  const common = { number: '١٤٤٨-٠٠٠١٢٣-٧', trackingUrl };
  switch (kind) {
    case 'received':
      return { ...common, dueAt: '2026-06-04T13:00:00.000Z' };
    case 'awaiting_info':
      return { ...common, question: questions[language] };
    case 'resolved':
      return { ...common, closureCode: '482 915-1' };
    case 'closed':
      return { number: common.number, closedHow };
    case 'reopened':
      return common;
    case 'duplicate_linked':
      return { ...common, masterNumber: '1448-000098-0' };
  }
}

describe('createSmsNotifier', () => {
  it('fits every message of every language in the default budget of 3 segments, with its number, code and link', () => {
    const notifier = createSmsNotifier({ provider: createRecordingProvider() });
    for (const language of languages) {
      for (const kind of messageKinds) {
        for (const closedHow of kind === 'closed' ? ['confirmed', 'unconfirmed'] : ['confirmed']) {
          const rendered = notifier.render(
            notification(kind, language, realisticVariables(kind, language, closedHow)),
          );
          const where = `${kind} (${closedHow}) in ${language}`;
          expect(rendered.overBudget, where).toBe(false);
          expect(rendered.segments, where).toBeLessThanOrEqual(3);
          expect(countSegments(rendered.body).segments, where).toBe(rendered.segments);
          expect(rendered.body, where).toContain('1448-000123-7');
          if (kind === 'resolved') {
            expect(rendered.body.replace(/\u00A0/g, ' '), where).toContain('482 915-1');
          }
          if (kind !== 'closed') expect(rendered.body, where).toContain(trackingUrl);
        }
      }
    }
  });

  it('sends the long form when it fits and the short form when it does not', () => {
    const notifier = createSmsNotifier({
      provider: createRecordingProvider(),
      segmentBudget: { en: 2, ar: 5 },
    });
    const english = notifier.render(notification('reopened', 'en', { trackingUrl }));
    expect(english).toMatchObject({
      form: 'long',
      encoding: 'GSM-7',
      segments: 2,
      overBudget: false,
    });
    expect(
      notifier.render(notification('received', 'en', realisticVariables('received', 'en'))),
    ).toMatchObject({
      form: 'short',
      budget: 2,
    });
    // Arabic with a budget of 5: the long resolved message (4 segments) goes out whole.
    expect(
      notifier.render(notification('resolved', 'ar', realisticVariables('resolved', 'ar'))),
    ).toMatchObject({
      form: 'long',
      encoding: 'UCS-2',
      segments: 4,
    });
  });

  it('sends the short form anyway when even it exceeds the budget, and says so', async () => {
    const provider = createRecordingProvider();
    const warnings: SmsNotifierWarning[] = [];
    const notifier = createSmsNotifier({
      provider,
      segmentBudget: { ar: 1 },
      onWarning: (warning) => warnings.push(warning),
    });
    const receipt = await notifier.send(
      notification('resolved', 'ar', realisticVariables('resolved', 'ar')),
    );
    expect(receipt).toMatchObject({
      form: 'short',
      segments: 2,
      overBudget: true,
      deliveredVia: 'sms:recording',
    });
    expect(provider.sent[0]?.body).toContain('482\u00A0915-1');
    expect(warnings).toEqual([
      {
        code: 'over_budget',
        notificationId: 'outbox-resolved-ar',
        kind: 'resolved',
        language: 'ar',
        segments: 2,
        budget: 1,
      },
    ]);
  });

  it('sends with the notification’s idempotency key, sender ID and recipient', async () => {
    const provider = createRecordingProvider(() => ({ providerMessageId: 'msg-1', segments: 2 }));
    const notifier = createSmsNotifier({ provider, senderId: 'Makkah-Amanah' });
    const receipt = await notifier.send(
      notification('received', 'ar', realisticVariables('received', 'ar')),
    );
    expect(provider.sent).toEqual([
      {
        to: '+966512345678',
        body: expect.stringContaining('1448-000123-7'),
        idempotencyKey: 'idem-received-ar',
        senderId: 'Makkah-Amanah',
      },
    ]);
    expect(receipt).toMatchObject({
      providerMessageId: 'msg-1',
      deliveredVia: 'sms:recording',
      segments: 2,
    });
  });

  it('builds the tracking link from trackingUrlBase when the notification has none', () => {
    const notifier = createSmsNotifier({
      provider: createRecordingProvider(),
      trackingUrlBase: 'https://balagh.example.org/track/',
    });
    const rendered = notifier.render(
      notification('resolved', 'en', { closureCode: '482 915-1', trackingToken: 'tok_AB12' }),
    );
    expect(rendered.body).toContain(
      'https://balagh.example.org/track/1448-000123-7?token=tok_AB12',
    );
    expect(rendered.hasTrackingLink).toBe(true);
  });

  it('warns when a message asking for an answer has no tracking link to carry', async () => {
    const warnings: SmsNotifierWarning[] = [];
    const notifier = createSmsNotifier({
      provider: createRecordingProvider(),
      onWarning: (warning) => warnings.push(warning),
    });
    await notifier.send(notification('resolved', 'en', { closureCode: '482 915-1' }));
    await notifier.send(notification('closed', 'en', { closedHow: 'confirmed' }));
    expect(warnings.map((warning) => [warning.code, warning.kind])).toEqual([
      ['no_tracking_link', 'resolved'],
    ]);
  });

  it('delivers only reporter messages to an E.164 phone', async () => {
    const notifier = createSmsNotifier({ provider: createRecordingProvider() });
    const resolved = notification('resolved', 'en', { closureCode: '482 915-1' });
    expect(notifier.canDeliver(resolved)).toBe(true);
    expect(
      notifier.canDeliver({
        ...resolved,
        kind: 'escalation',
        recipient: { departmentCode: 'cleaning' },
      }),
    ).toBe(false);
    expect(
      notifier.canDeliver({ ...resolved, recipient: { whatsappUserId: '966512345678' } }),
    ).toBe(false);
    expect(notifier.canDeliver({ ...resolved, recipient: { phone: '0512345678' } })).toBe(false);
    await expect(notifier.send({ ...resolved, recipient: {} })).rejects.toMatchObject({
      retryable: false,
    });
  });

  it('fails permanently, without sending, when a message cannot be rendered', async () => {
    const provider = createRecordingProvider();
    const notifier = createSmsNotifier({ provider });
    await expect(notifier.send(notification('resolved', 'en', {}))).rejects.toMatchObject({
      code: 'PROVIDER_ERROR',
      retryable: false,
      cause: expect.objectContaining({ code: 'MISSING_MESSAGE_VARIABLE' }),
    });
    expect(provider.sent).toEqual([]);
  });

  it('passes a provider’s NotificationError through and wraps anything else as retryable', async () => {
    const permanent = new NotificationError('blocked', { retryable: false });
    const failing = createSmsNotifier({
      provider: createRecordingProvider(() => {
        throw permanent;
      }),
    });
    await expect(failing.send(notification('received', 'en'))).rejects.toBe(permanent);
    const crashing = createSmsNotifier({
      provider: createRecordingProvider(() => {
        throw new TypeError('bug');
      }),
    });
    const error = await crashing
      .send(notification('received', 'en'))
      .catch((caught: unknown) => caught);
    expect(isBalaghError(error, 'PROVIDER_ERROR')).toBe(true);
    expect(error).toMatchObject({ retryable: true });
  });

  it('refuses a budget that is not a positive integer', () => {
    expect(() =>
      createSmsNotifier({ provider: createRecordingProvider(), segmentBudget: { ar: 0 } }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('sends through Twilio and reports Twilio’s message SID', async () => {
    const accountSid = 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    let body: string | null = null;
    server.use(
      http.post(
        `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Messages.json`,
        async ({ request }) => {
          body = new URLSearchParams(await request.text()).get('Body');
          return HttpResponse.json(createResponse, { status: 201 });
        },
      ),
    );
    const notifier = createSmsNotifier({
      provider: createTwilioProvider({ accountSid, authToken: 'token', from: '+14155552345' }),
    });
    const receipt = await notifier.send(
      notification('resolved', 'en', realisticVariables('resolved', 'en')),
    );
    expect(receipt).toMatchObject({
      providerMessageId: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      deliveredVia: 'sms:twilio',
    });
    expect(body).toContain('Closure code: 482 915-1');
  });
});
