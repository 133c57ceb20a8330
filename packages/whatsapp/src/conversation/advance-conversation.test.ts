import { defaultTaxonomy, type ReportReceipt } from '@balagh/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLimitViolations } from '../outgoing/find-limit-violations.js';
import type { OutgoingMessage } from '../outgoing/outgoing-message.js';
import { renderPrompt } from '../prompts/render-prompt.js';
import { whatsAppLanguages } from '../prompts/whatsapp-languages.js';
import type { InboundContent, InboundMessage } from '../webhook/inbound-message.js';
import {
  advanceConversation,
  type ConversationContext,
  type ConversationTurn,
  conversationExpiresAt,
} from './advance-conversation.js';
import type { ConversationEffectResult } from './conversation-effect.js';
import type { ConversationState } from './conversation-state.js';

const start = Date.UTC(2026, 10, 27, 9, 0, 0);
const minute = 60_000;

function context(overrides: Partial<ConversationContext> = {}): ConversationContext {
  return {
    now: start,
    taxonomy: defaultTaxonomy,
    languages: whatsAppLanguages,
    timeoutMs: 30 * minute,
    photos: true,
    acknowledgeSuccess: false,
    ...overrides,
  };
}

let sequence = 0;
function message(content: InboundContent, id?: string): InboundMessage {
  sequence += 1;
  return {
    id: id ?? `wamid.${sequence}`,
    timestamp: start,
    phoneNumberId: '106540352242922',
    from: {
      whatsappUserId: '966512345678',
      waId: '966512345678',
      phone: '+966512345678',
      name: 'عبدالله',
    },
    content,
  };
}

const say = (text: string): InboundContent => ({ type: 'text', text });
const tap = (id: string): InboundContent => ({ type: 'list_reply', id, title: id });
const press = (id: string): InboundContent => ({ type: 'button_reply', id, title: id });

function bodyOf(reply: OutgoingMessage | undefined): string {
  if (reply === undefined) return '';
  return reply.type === 'template' ? reply.name : reply.body;
}

function rowIds(reply: OutgoingMessage | undefined): string[] {
  return reply?.type === 'list'
    ? reply.sections.flatMap((section) => section.rows.map((row) => row.id))
    : [];
}

/** Drives the machine through messages, at one-minute intervals; returns the last turn. */
function converse(
  inputs: readonly InboundContent[],
  options: { state?: ConversationState; context?: Partial<ConversationContext> } = {},
): ConversationTurn {
  let state = options.state;
  let turn: ConversationTurn = { state, replies: [] };
  inputs.forEach((content, index) => {
    turn = advanceConversation(
      state,
      { type: 'message', message: message(content) },
      context({ now: start + index * minute, ...options.context }),
    );
    state = turn.state;
  });
  return turn;
}

describe('advanceConversation', () => {
  it('greets a first message in the language of its script and offers the language list, that language first', () => {
    const turn = converse([say('الإنارة مطفية في شارع إبراهيم الخليل')]);
    expect(turn.state).toMatchObject({
      step: 'language',
      language: 'ar',
      languageConfirmed: false,
    });
    expect(turn.replies).toHaveLength(1);
    expect(bodyOf(turn.replies[0])).toBe(renderPrompt('greeting', 'ar'));
    expect(rowIds(turn.replies[0])).toEqual([
      'lang:ar',
      'lang:en',
      'lang:ur',
      'lang:hi',
      'lang:id',
      'lang:ms',
    ]);
  });

  it('suggests categories for the first words once the language is confirmed', () => {
    const turn = converse([say('الإنارة مطفية في الشارع'), tap('lang:ar')]);
    expect(turn.state).toMatchObject({ step: 'category', languageConfirmed: true });
    expect(rowIds(turn.replies[0])).toContain('cat:street_lighting');
    expect(rowIds(turn.replies[0])).toContain('all');
  });

  it('keeps the guessed language when the reporter just carries on writing', () => {
    const turn = converse([say('Pak'), say('sampah banyak di jalan dekat tenda')]);
    expect(turn.state).toMatchObject({ step: 'category', language: 'id', languageConfirmed: true });
    expect(rowIds(turn.replies[0]).some((id) => id.startsWith('cat:'))).toBe(true);
  });

  it('switches language when the reporter picks another one from the list', () => {
    const turn = converse([say('hello'), tap('lang:ur')]);
    expect(turn.state).toMatchObject({ language: 'ur', step: 'category' });
    expect(turn.replies[0]?.type === 'list' && turn.replies[0].button).toBe(
      renderPrompt('category_button', 'ur'),
    );
  });

  it('takes a whole report and submits it once, keyed by the message that started it', () => {
    const first = message(say('السلام عليكم'), 'wamid.first');
    let turn = advanceConversation(undefined, { type: 'message', message: first }, context());
    turn = converse(
      [
        tap('lang:ar'),
        tap('cat:street_lighting'),
        say('عمود الإنارة مطفأ منذ يومين'),
        { type: 'location', latitude: 21.4225, longitude: 39.8262, name: 'مخيم 42' },
        press('photo:skip'),
      ],
      { state: turn.state! },
    );
    expect(turn.state).toMatchObject({ step: 'confirm' });
    const summary = turn.replies.at(-1);
    expect(summary?.type).toBe('buttons');
    expect(bodyOf(summary)).toContain('عمود الإنارة مطفأ منذ يومين');
    expect(findLimitViolations(summary!)).toEqual([]);

    turn = advanceConversation(
      turn.state,
      { type: 'message', message: message(press('confirm:send')) },
      context(),
    );
    expect(turn.effect).toEqual({
      type: 'submit_report',
      idempotencyKey: 'whatsapp:wamid.first',
      input: {
        categoryCode: 'street_lighting',
        description: 'عمود الإنارة مطفأ منذ يومين',
        location: { lat: 21.4225, lng: 39.8262, address: 'مخيم 42' },
        reporter: {
          whatsappUserId: '966512345678',
          phone: '+966512345678',
          name: 'عبدالله',
          language: 'ar',
          channel: 'whatsapp',
        },
        channel: 'whatsapp',
        language: 'ar',
      },
    });

    const receipt = {
      id: '0193',
      number: '1448-000123-7',
      trackingToken: 't',
      trackingUrl: 'https://balagh.example.org/track/1448-000123-7?token=t',
      status: 'received',
      categoryCode: 'street_lighting',
      departmentCode: 'lighting',
      createdAt: new Date(start).toISOString(),
    } satisfies ReportReceipt;
    turn = advanceConversation(
      turn.state,
      { type: 'effect_result', result: { type: 'report_submitted', receipt } },
      context(),
    );
    expect(turn.state).toMatchObject({ step: 'idle', language: 'ar' });
    expect(bodyOf(turn.replies[0])).toContain('1448-000123-7');
    expect(bodyOf(turn.replies[0])).toContain(receipt.trackingUrl);
  });

  it('takes a typed landmark as the location', () => {
    const turn = converse(
      [
        say('hello'),
        tap('lang:en'),
        tap('cat:street_cleanliness'),
        say('Garbage everywhere'),
        say('Mina camp 42'),
      ],
      {
        context: { photos: false },
      },
    );
    expect(turn.state).toMatchObject({ step: 'confirm', location: { landmark: 'Mina camp 42' } });
  });

  it('asks again when a description is too short or a location is missing', () => {
    let turn = converse([say('hello'), tap('lang:en'), tap('cat:street_cleanliness'), say('x')]);
    expect(bodyOf(turn.replies[0])).toBe(renderPrompt('description_too_short', 'en'));
    turn = converse([
      say('hello'),
      tap('lang:en'),
      tap('cat:street_cleanliness'),
      say('Garbage everywhere'),
      { type: 'unsupported', originalType: 'audio' },
    ]);
    expect(turn.replies.map(bodyOf)).toEqual([
      renderPrompt('unsupported_message', 'en'),
      renderPrompt('location_prompt', 'en'),
    ]);
  });

  it('offers matches for words typed at the category step, and the full menu when nothing matches', () => {
    let turn = converse([say('hello'), tap('lang:en'), say('rats in the restaurant kitchen')]);
    expect(rowIds(turn.replies[0])).toContain('all');
    expect(rowIds(turn.replies[0]).length).toBeGreaterThan(1);
    turn = converse([say('hello'), tap('lang:en'), say('qwerty asdf')]);
    expect(bodyOf(turn.replies[0])).toBe(renderPrompt('category_not_understood', 'en'));
    expect(turn.state).toMatchObject({ step: 'category' });
  });

  it('suggests categories for words typed after browsing the menu', () => {
    const turn = converse([
      say('hello'),
      tap('lang:en'),
      tap('page:*:1'),
      say('the street lamp is broken'),
    ]);
    expect(rowIds(turn.replies[0])).toContain('cat:street_lighting');
    expect(rowIds(turn.replies[0])).toContain('all');
  });

  it('opens a group of categories and then takes a category from it', () => {
    const group = defaultTaxonomy.groups.find(
      (candidate) =>
        defaultTaxonomy.categories.filter((category) => category.groupCode === candidate.code)
          .length > 1,
    )!;
    let turn = converse([say('hello'), tap('lang:en'), tap(`grp:${group.code}`)]);
    const rows = rowIds(turn.replies[0]);
    expect(rows.every((id) => id.startsWith('cat:'))).toBe(true);
    turn = converse([say('hello'), tap('lang:en'), tap(`grp:${group.code}`), tap(rows[0]!)]);
    expect(turn.state).toMatchObject({ step: 'description', categoryCode: rows[0]!.slice(4) });
  });

  it.each([
    ['ar', 'إلغاء'],
    ['ur', 'منسوخ'],
    ['hi', 'रद्द'],
    ['id', 'batal'],
  ] as const)('cancels a report in %s at any step', (language, word) => {
    const turn = converse([
      say('hello'),
      tap(`lang:${language}`),
      tap('cat:street_cleanliness'),
      say(word),
    ]);
    expect(turn.state).toMatchObject({ step: 'idle', language });
    expect(turn.replies.map(bodyOf)).toEqual([renderPrompt('cancelled', language)]);
    expect(turn.effect).toBeUndefined();
  });

  it('says there is nothing to cancel outside a report', () => {
    const turn = converse([say('إلغاء')]);
    expect(turn.replies.map(bodyOf)).toEqual([renderPrompt('nothing_to_cancel', 'ar')]);
  });

  it('discards an unfinished report after the configured silence, and starts again', () => {
    const begun = converse([say('hello'), tap('lang:en'), tap('cat:street_cleanliness')]);
    const later = start + 2 * minute + 31 * minute;
    const turn = advanceConversation(
      begun.state,
      { type: 'message', message: message(say('Garbage at the gate')) },
      context({ now: later }),
    );
    expect(bodyOf(turn.replies[0])).toBe(renderPrompt('timed_out', 'en'));
    expect(bodyOf(turn.replies[1])).toBe(renderPrompt('greeting', 'en'));
    expect(turn.state).toMatchObject({ step: 'language', startedAt: later });
  });

  it('keeps an unfinished report for as long as the silence allows', () => {
    const begun = converse([say('hello'), tap('lang:en'), tap('cat:street_cleanliness')]);
    const turn = advanceConversation(
      begun.state,
      { type: 'message', message: message(say('Garbage at the gate')) },
      context({ now: start + 29 * minute }),
    );
    expect(turn.state).toMatchObject({ step: 'location', description: 'Garbage at the gate' });
    expect(conversationExpiresAt(turn.state!, 30 * minute)).toBe(
      start + 29 * minute + 30 * minute + 24 * 60 * minute,
    );
  });

  it("asks the status of a report by its number, in the reporter's language", () => {
    let turn = converse([say('حالة البلاغ ١٤٤٨-٠٠٠١٢٣-٧')]);
    expect(turn.effect).toEqual({ type: 'report_status', number: '1448-000123-7' });
    expect(turn.state).toMatchObject({ step: 'idle', language: 'ar' });
    turn = advanceConversation(
      turn.state,
      {
        type: 'effect_result',
        result: {
          type: 'report_status_read',
          status: {
            number: '1448-000123-7',
            categoryCode: 'street_lighting',
            status: 'resolved',
            language: 'ar',
            createdAt: new Date(start).toISOString(),
            updatedAt: new Date(start).toISOString(),
            awaitingConfirmation: true,
            timeline: [],
          },
        },
      },
      context(),
    );
    const body = bodyOf(turn.replies[0]);
    expect(body).toContain('1448-000123-7');
    expect(body).toContain(renderPrompt('status_resolved', 'ar'));
    expect(body).toContain(renderPrompt('status_awaiting_code', 'ar'));
  });

  it('tells a reporter when no report of theirs has the number, or a digit is mistyped', () => {
    const asked = converse([say('1448-000123-7')]);
    const failed: ConversationEffectResult = {
      type: 'effect_failed',
      effect: asked.effect!,
      code: 'REPORT_NOT_FOUND',
    };
    expect(
      advanceConversation(
        asked.state,
        { type: 'effect_result', result: failed },
        context(),
      ).replies.map(bodyOf),
    ).toEqual([renderPrompt('report_not_found', 'ar')]);
    expect(converse([say('1448-000123-8')]).replies.map(bodyOf)).toEqual([
      renderPrompt('invalid_report_number', 'ar'),
    ]);
  });

  it('confirms a closure with the code and tells the attempts left after a wrong one', () => {
    const asked = converse([say('٤٨٢ ٩١٥-١')]);
    expect(asked.effect).toEqual({ type: 'confirm_closure', code: '4829151' });
    const report = {
      number: '1448-000123-7',
      categoryCode: 'street_lighting',
      status: 'resolved' as const,
      language: 'ar' as const,
      createdAt: new Date(start).toISOString(),
      updatedAt: new Date(start).toISOString(),
      awaitingConfirmation: true,
      timeline: [],
    };
    const wrong = advanceConversation(
      asked.state,
      {
        type: 'effect_result',
        result: {
          type: 'closure_confirmed',
          result: { outcome: 'invalid', attemptsLeft: 3, report },
        },
      },
      context(),
    );
    expect(bodyOf(wrong.replies[0])).toBe(
      `${renderPrompt('code_invalid', 'ar')} ${renderPrompt('attempts_left', 'ar', { attemptsLeft: '3' })}`,
    );
    const right = advanceConversation(
      asked.state,
      {
        type: 'effect_result',
        result: { type: 'closure_confirmed', result: { outcome: 'valid', report } },
      },
      context(),
    );
    expect(right.replies).toEqual([]);
    const acknowledged = advanceConversation(
      asked.state,
      {
        type: 'effect_result',
        result: { type: 'closure_confirmed', result: { outcome: 'valid', report } },
      },
      context({ acknowledgeSuccess: true }),
    );
    expect(bodyOf(acknowledged.replies[0])).toContain('1448-000123-7');
  });

  it("reopens the reporter's resolved report when they say it is not fixed", () => {
    const asked = converse([say('belum diperbaiki')]);
    expect(asked.effect).toEqual({ type: 'reopen_report' });
    const none = advanceConversation(
      asked.state,
      {
        type: 'effect_result',
        result: { type: 'effect_failed', effect: asked.effect!, code: 'INVALID_TRANSITION' },
      },
      context(),
    );
    expect(none.replies.map(bodyOf)).toEqual([renderPrompt('no_report_awaiting', 'id')]);
  });

  it('uploads a photo, then shows the summary', () => {
    const atPhoto = converse([
      say('hello'),
      tap('lang:en'),
      tap('cat:street_cleanliness'),
      say('Garbage everywhere'),
      say('Gate 79'),
    ]);
    expect(atPhoto.state).toMatchObject({ step: 'photo' });
    const sent = advanceConversation(
      atPhoto.state,
      {
        type: 'message',
        message: message({ type: 'image', mediaId: '1003383421387256', mimeType: 'image/jpeg' }),
      },
      context(),
    );
    expect(sent.effect).toEqual({
      type: 'upload_photo',
      mediaId: '1003383421387256',
      mimeType: 'image/jpeg',
    });
    const uploaded = advanceConversation(
      sent.state,
      {
        type: 'effect_result',
        result: {
          type: 'photo_uploaded',
          attachment: { mediaId: 'm1', contentType: 'image/jpeg', byteSize: 10 },
        },
      },
      context(),
    );
    expect(uploaded.state).toMatchObject({ step: 'confirm', mediaIds: ['m1'] });
    expect(uploaded.replies.map(bodyOf)[0]).toBe(renderPrompt('photo_received', 'en'));
    expect(bodyOf(uploaded.replies[1])).toContain(renderPrompt('photo_attached', 'en'));
  });

  it('skips the photo step without a media downloader, and says so when a photo comes', () => {
    const atLocation = converse(
      [say('hello'), tap('lang:en'), tap('cat:street_cleanliness'), say('Garbage everywhere')],
      {
        context: { photos: false },
      },
    );
    const turn = advanceConversation(
      atLocation.state,
      {
        type: 'message',
        message: message({ type: 'image', mediaId: '1', mimeType: 'image/jpeg' }),
      },
      context({ photos: false }),
    );
    expect(turn.effect).toBeUndefined();
    expect(turn.replies.map(bodyOf)).toEqual([
      renderPrompt('photo_unavailable', 'en'),
      renderPrompt('location_prompt', 'en'),
    ]);
  });

  it('keeps the draft when the intake is unavailable, so the reporter can send again with the same key', () => {
    const atConfirm = converse(
      [
        say('hello'),
        tap('lang:en'),
        tap('cat:street_cleanliness'),
        say('Garbage everywhere'),
        say('Gate 79'),
      ],
      {
        context: { photos: false },
      },
    );
    const sent = advanceConversation(
      atConfirm.state,
      { type: 'message', message: message(say('yes')) },
      context({ photos: false }),
    );
    expect(sent.effect?.type).toBe('submit_report');
    const failed = advanceConversation(
      sent.state,
      {
        type: 'effect_result',
        result: { type: 'effect_failed', effect: sent.effect!, code: 'SERVICE_UNAVAILABLE' },
      },
      context({ photos: false }),
    );
    expect(failed.state).toEqual(sent.state);
    expect(failed.replies.map(bodyOf)).toEqual([renderPrompt('unavailable', 'en')]);
    const again = advanceConversation(
      failed.state,
      { type: 'message', message: message(press('confirm:send')) },
      context({ photos: false }),
    );
    expect(again.effect).toEqual(sent.effect);
  });

  it('ignores reactions without touching the state', () => {
    const begun = converse([say('hello')]);
    const turn = advanceConversation(
      begun.state,
      { type: 'message', message: message({ type: 'ignored', originalType: 'reaction' }) },
      context(),
    );
    expect(turn).toEqual({ state: begun.state, replies: [] });
  });

  it('never breaks WhatsApp limits nor throws, whatever a reporter sends', () => {
    const categoryCodes = defaultTaxonomy.categories.map((category) => category.code);
    const groupCodes = defaultTaxonomy.groups.map((group) => group.code);
    const content = fc.oneof(
      fc.string({ maxLength: 300 }).map(say),
      fc
        .constantFrom(
          'إلغاء',
          'yes',
          'skip',
          '1448-000123-7',
          '482 915-1',
          'لم تحل',
          'الإنارة مطفية',
          'x',
        )
        .map(say),
      fc.constantFrom(...whatsAppLanguages).map((language) => tap(`lang:${language}`)),
      fc.constantFrom(...categoryCodes).map((code) => tap(`cat:${code}`)),
      fc.constantFrom(...groupCodes).map((code) => tap(`grp:${code}`)),
      fc.constantFrom('page:*:1', 'page:*:7', 'all', 'cat:nope', 'lang:xx', 'garbage').map(tap),
      fc.constantFrom('photo:skip', 'confirm:send', 'confirm:cancel').map(press),
      fc
        .record({
          latitude: fc.double({ min: -90, max: 90, noNaN: true }),
          longitude: fc.double({ min: -180, max: 180, noNaN: true }),
        })
        .map((pin): InboundContent => ({ type: 'location', ...pin })),
      fc.constant<InboundContent>({
        type: 'image',
        mediaId: '1',
        mimeType: 'image/jpeg',
        caption: 'صورة',
      }),
      fc.constant<InboundContent>({ type: 'unsupported', originalType: 'sticker' }),
    );
    fc.assert(
      fc.property(fc.array(content, { maxLength: 25 }), fc.boolean(), (inputs, photos) => {
        let state: ConversationState | undefined;
        inputs.forEach((input, index) => {
          const turn = advanceConversation(
            state,
            { type: 'message', message: message(input) },
            context({ now: start + index * minute, photos }),
          );
          for (const reply of turn.replies) expect(findLimitViolations(reply)).toEqual([]);
          if (turn.effect?.type === 'submit_report') {
            expect(turn.effect.input.categoryCode).not.toBe('');
            expect(turn.effect.input.description.length).toBeGreaterThanOrEqual(3);
            expect(turn.effect.input.location).toBeDefined();
          }
          state = JSON.parse(JSON.stringify(turn.state ?? null)) ?? undefined;
        });
      }),
      { numRuns: 200 },
    );
  });
});
