import { type Location, type Reporter, renderMessage, type Taxonomy } from '@balagh/core';
import type { OutgoingMessage } from '../outgoing/outgoing-message.js';
import { truncateText } from '../outgoing/truncate-text.js';
import { renderPrompt } from '../prompts/render-prompt.js';
import type { WhatsAppLanguage } from '../prompts/whatsapp-languages.js';
import type { InboundContent, InboundMessage, InboundSender } from '../webhook/inbound-message.js';
import { parseMenuRowId } from './category-menu.js';
import type { ConversationEffect, ConversationEffectResult } from './conversation-effect.js';
import {
  languageList,
  replyIds,
  statusReply,
  stepPrompt,
  suggestedCategories,
  text,
} from './conversation-replies.js';
import type {
  ConversationState,
  ConversationStep,
  ReportDraftState,
} from './conversation-state.js';
import { detectLanguage } from './detect-language.js';
import { matchLanguageName } from './match-language-name.js';
import { parseReporterCommand } from './parse-reporter-command.js';
import { isPhrase } from './reporter-phrases.js';

/** What the conversation needs to know besides its state and the input. */
export interface ConversationContext {
  /** The time of the input, epoch milliseconds. */
  readonly now: number;
  /** The categories offered and matched (the intake service's own taxonomy). */
  readonly taxonomy: Taxonomy;
  /** The languages offered, the default first. */
  readonly languages: readonly WhatsAppLanguage[];
  /** Silence after which an unfinished report is discarded. */
  readonly timeoutMs: number;
  /** Whether photos can be received (a media downloader is configured). */
  readonly photos: boolean;
  /** Also answer a confirmed closure or a reopening, which the intake's outbox announces anyway. */
  readonly acknowledgeSuccess: boolean;
  /** IANA time zone of the dates shown; default `Asia/Riyadh`. */
  readonly timeZone?: string;
}

/** What drives the conversation: a reporter's message, or the outcome of an effect it asked for. */
export type ConversationInput =
  | { readonly type: 'message'; readonly message: InboundMessage }
  | { readonly type: 'effect_result'; readonly result: ConversationEffectResult };

/** One step of the conversation: the next state, what to send, and what to do next. */
export interface ConversationTurn {
  /** The state to store; `undefined` to forget the conversation. */
  readonly state: ConversationState | undefined;
  /** Messages to send the reporter, in order. */
  readonly replies: readonly OutgoingMessage[];
  /** Work for the channel, whose outcome comes back as an `effect_result` input. */
  readonly effect?: ConversationEffect;
}

const minimumDescriptionLength = 3;
const maximumDescriptionLength = 4000;
const maximumPhotos = 5;
const failedSubmissionCodes = new Set([
  'VALIDATION_FAILED',
  'UNKNOWN_CATEGORY',
  'IDEMPOTENCY_KEY_REUSED',
  'INVALID_PHONE',
]);
const notFoundCodes = new Set(['REPORT_NOT_FOUND', 'NOT_FOUND']);
const nothingAwaitingCodes = new Set([
  'REPORT_NOT_FOUND',
  'NOT_FOUND',
  'CLOSURE_CODE_NOT_ISSUED',
  'INVALID_TRANSITION',
]);

function isDraft(state: ConversationState | undefined): state is ReportDraftState {
  return state !== undefined && state.step !== 'idle';
}

function offered(
  language: WhatsAppLanguage | undefined,
  context: ConversationContext,
): WhatsAppLanguage | undefined {
  return language !== undefined && context.languages.includes(language) ? language : undefined;
}

function defaultLanguage(context: ConversationContext): WhatsAppLanguage {
  return context.languages[0] ?? 'ar';
}

function idle(language: WhatsAppLanguage, now: number): ConversationState {
  return { version: 1, step: 'idle', language, updatedAt: now };
}

/** The step a draft is at: the first thing still missing. */
export function nextStep(draft: ReportDraftState, photos: boolean): ConversationStep {
  if (!draft.languageConfirmed) return 'language';
  if (draft.categoryCode === undefined) return 'category';
  if (draft.description === undefined) return 'description';
  if (draft.location === undefined) return 'location';
  if (photos && !draft.photoAnswered && draft.mediaIds.length === 0) return 'photo';
  return 'confirm';
}

function locationFromPin(content: Extract<InboundContent, { type: 'location' }>): Location {
  const label = [content.name, content.address].filter((part) => part !== undefined).join(', ');
  return {
    lat: content.latitude,
    lng: content.longitude,
    ...(label === '' ? {} : { address: truncateText(label, 500) }),
  };
}

function locationFromWords(words: string): Location {
  const trimmed = words.trim();
  return trimmed.length <= 200 ? { landmark: trimmed } : { address: truncateText(trimmed, 500) };
}

function reporterOf(from: InboundSender, language: WhatsAppLanguage): Reporter {
  const name = from.name === undefined ? undefined : truncateText(from.name, 120);
  return {
    whatsappUserId: from.whatsappUserId,
    ...(from.phone === undefined ? {} : { phone: from.phone }),
    ...(name === undefined || name === '' ? {} : { name }),
    language,
    channel: 'whatsapp',
  };
}

function submission(draft: ReportDraftState, from: InboundSender): ConversationEffect {
  return {
    type: 'submit_report',
    idempotencyKey: `whatsapp:${draft.startedBy}`,
    input: {
      categoryCode: draft.categoryCode ?? '',
      description: draft.description ?? '',
      ...(draft.location === undefined ? {} : { location: draft.location }),
      ...(draft.mediaIds.length === 0 ? {} : { mediaIds: [...draft.mediaIds] }),
      reporter: reporterOf(from, draft.language),
      channel: 'whatsapp',
      language: draft.language,
    },
  };
}

interface Applied {
  draft: ReportDraftState;
  replies: OutgoingMessage[];
  effect?: ConversationEffect;
  /** The answer was for the current step, or the replies already say what comes next. */
  handled: boolean;
  /** The answer filled something else: ask the current step's question again, as first asked. */
  reprompt?: boolean;
  /** The conversation ended (sent or cancelled). */
  ended?: ConversationTurn;
}

function withoutCategory(draft: ReportDraftState): ReportDraftState {
  const { categoryCode: _chosenBefore, ...rest } = draft;
  return rest;
}

function applyChoice(
  applied: Applied,
  id: string,
  message: InboundMessage,
  context: ConversationContext,
): void {
  const { draft } = applied;
  if (id.startsWith('lang:')) {
    const language = offered(id.slice(5) as WhatsAppLanguage, context);
    if (language === undefined) return;
    applied.draft = { ...draft, language, languageConfirmed: true };
    applied.handled = true;
    applied.reprompt = true;
    return;
  }
  if (id === replyIds.skipPhoto) {
    applied.draft = { ...draft, photoAnswered: true };
    applied.handled = true;
    return;
  }
  if (id === replyIds.cancel) {
    applied.ended = {
      state: idle(draft.language, context.now),
      replies: [text(renderPrompt('cancelled', draft.language))],
    };
    return;
  }
  if (id === replyIds.send) {
    if (nextStep(draft, context.photos) === 'confirm')
      applied.effect = submission(draft, message.from);
    applied.handled = applied.effect !== undefined;
    return;
  }
  const menu = parseMenuRowId(id);
  if (menu === undefined) return;
  // Tapping the category menu keeps the language it was shown in.
  const confirmed = { ...draft, languageConfirmed: true };
  switch (menu.type) {
    case 'category':
      if (context.taxonomy.category(menu.code) === undefined) return;
      applied.draft = { ...confirmed, categoryCode: menu.code };
      applied.handled = true;
      return;
    case 'group':
      applied.draft = { ...withoutCategory(confirmed), menu: { groupCode: menu.code, page: 0 } };
      break;
    case 'page':
      applied.draft = { ...withoutCategory(confirmed), menu: menu.position };
      break;
    case 'all':
      applied.draft = { ...withoutCategory(confirmed), menu: { page: 0 } };
      break;
  }
  applied.replies.push(stepPrompt('category', applied.draft, context));
  applied.handled = true;
}

function applyWords(
  applied: Applied,
  words: string,
  step: ConversationStep,
  context: ConversationContext,
): void {
  const { draft } = applied;
  switch (step) {
    case 'language': {
      const named = offered(matchLanguageName(words), context);
      const language = named ?? offered(detectLanguage(words), context) ?? draft.language;
      applied.draft = {
        ...draft,
        language,
        languageConfirmed: true,
        ...(named === undefined ? { firstText: words } : {}),
      };
      applied.handled = true;
      return;
    }
    case 'category': {
      const suggestions = suggestedCategories(words, draft.language, context.taxonomy);
      if (suggestions.length === 0) return;
      // The suggestions replace whatever page of the menu was open.
      const { menu: _openPage, ...rest } = draft;
      applied.draft = { ...rest, firstText: words };
      applied.replies.push(stepPrompt('category', applied.draft, context));
      applied.handled = true;
      return;
    }
    case 'description': {
      const description = words.trim();
      if ([...description].length < minimumDescriptionLength) return;
      applied.draft = {
        ...draft,
        description: truncateText(description, maximumDescriptionLength),
      };
      applied.handled = true;
      return;
    }
    case 'location':
      if ([...words.trim()].length < 2) return;
      applied.draft = { ...draft, location: locationFromWords(words) };
      applied.handled = true;
      return;
    case 'photo':
      if (!isPhrase(words, 'skip')) return;
      applied.draft = { ...draft, photoAnswered: true };
      applied.handled = true;
      return;
    case 'confirm':
      return;
  }
}

function applyContent(
  draft: ReportDraftState,
  message: InboundMessage,
  context: ConversationContext,
): Applied {
  const applied: Applied = { draft, replies: [], handled: false };
  const step = nextStep(draft, context.photos);
  const content = message.content;
  switch (content.type) {
    case 'list_reply':
    case 'button_reply':
      applyChoice(applied, content.id, message, context);
      break;
    case 'button':
      if (step === 'confirm' && isPhrase(content.text, 'yes')) {
        applied.effect = submission(draft, message.from);
        applied.handled = true;
      } else applyWords(applied, content.text, step, context);
      break;
    case 'text':
      if (step === 'confirm' && isPhrase(content.text, 'yes')) {
        applied.effect = submission(draft, message.from);
        applied.handled = true;
      } else applyWords(applied, content.text, step, context);
      break;
    case 'location':
      applied.draft = { ...draft, location: locationFromPin(content) };
      applied.handled = true;
      applied.reprompt = step !== 'location';
      break;
    case 'image': {
      const caption = content.caption;
      if (
        step === 'description' &&
        caption !== undefined &&
        [...caption].length >= minimumDescriptionLength
      ) {
        applied.draft = {
          ...applied.draft,
          description: truncateText(caption, maximumDescriptionLength),
        };
      }
      if (!context.photos) {
        applied.replies.push(text(renderPrompt('photo_unavailable', draft.language)));
        applied.draft = { ...applied.draft, photoAnswered: true };
        applied.handled = true;
        applied.reprompt = step !== 'photo';
      } else if (applied.draft.mediaIds.length < maximumPhotos) {
        applied.effect = {
          type: 'upload_photo',
          mediaId: content.mediaId,
          mimeType: content.mimeType,
        };
        applied.handled = true;
      }
      break;
    }
    case 'unsupported':
      applied.replies.push(text(renderPrompt('unsupported_message', draft.language)));
      applied.handled = true;
      applied.reprompt = true;
      break;
    case 'ignored':
      applied.handled = true;
      break;
  }
  return applied;
}

/** Answers a message once the draft has taken it in: the next step's question, or the same again. */
function promptAfter(
  applied: Applied,
  before: ConversationStep,
  context: ConversationContext,
): OutgoingMessage[] {
  const replies = [...applied.replies];
  // An effect (an upload, the submission) answers when its outcome comes back.
  if (applied.effect !== undefined) return replies;
  const after = nextStep(applied.draft, context.photos);
  if (after !== before || applied.reprompt === true || (applied.handled && after === 'confirm')) {
    replies.push(stepPrompt(after, applied.draft, context));
  } else if (!applied.handled) replies.push(stepPrompt(after, applied.draft, context, true));
  return replies;
}

function startDraft(
  message: InboundMessage,
  language: WhatsAppLanguage,
  context: ConversationContext,
): ReportDraftState {
  return {
    version: 1,
    step: 'language',
    language,
    startedBy: message.id,
    startedAt: context.now,
    updatedAt: context.now,
    languageConfirmed: false,
    mediaIds: [],
    photoAnswered: false,
  };
}

function wordsOf(content: InboundContent): string | undefined {
  if (content.type === 'text') return content.text;
  if (content.type === 'button') return content.text;
  if (content.type === 'image') return content.caption;
  return undefined;
}

function commandTurn(
  words: string,
  state: ConversationState | undefined,
  replies: OutgoingMessage[],
  context: ConversationContext,
): ConversationTurn | undefined {
  const command = parseReporterCommand(words);
  if (command === undefined) return undefined;
  const remembered = state?.language;
  const language =
    (isDraft(state) && state.languageConfirmed ? remembered : undefined) ??
    offered(detectLanguage(words), context) ??
    remembered ??
    defaultLanguage(context);

  if (command.type === 'cancel') {
    const draft = isDraft(state);
    return {
      state: idle(language, context.now),
      replies: [
        ...replies,
        text(renderPrompt(draft ? 'cancelled' : 'nothing_to_cancel', language)),
      ],
    };
  }
  // Mid-report, numbers and phrases are the report's words: only at the start are they commands.
  if (isDraft(state) && state.languageConfirmed) return undefined;
  const next = idle(language, context.now);
  switch (command.type) {
    case 'status':
      return {
        state: next,
        replies,
        effect: {
          type: 'report_status',
          ...(command.number === undefined ? {} : { number: command.number }),
        },
      };
    case 'invalid_report_number':
      return {
        state: next,
        replies: [...replies, text(renderPrompt('invalid_report_number', language))],
      };
    case 'closure_code':
      return { state: next, replies, effect: { type: 'confirm_closure', code: command.code } };
    case 'malformed_closure_code':
      return { state: next, replies: [...replies, text(renderPrompt('code_malformed', language))] };
    case 'not_fixed':
      return { state: next, replies, effect: { type: 'reopen_report' } };
  }
}

function onMessage(
  stored: ConversationState | undefined,
  message: InboundMessage,
  context: ConversationContext,
): ConversationTurn {
  if (message.content.type === 'ignored') return { state: stored, replies: [] };
  let state = stored;
  const replies: OutgoingMessage[] = [];
  if (isDraft(state) && context.now - state.updatedAt > context.timeoutMs) {
    replies.push(text(renderPrompt('timed_out', state.language)));
    state = idle(state.language, state.updatedAt);
  }

  const words = wordsOf(message.content);
  if (words !== undefined && message.content.type !== 'image') {
    const turn = commandTurn(words, state, replies, context);
    if (turn !== undefined) return turn;
  }

  if (!isDraft(state)) {
    const guessed = words === undefined ? undefined : offered(detectLanguage(words), context);
    const draft = startDraft(
      message,
      guessed ?? state?.language ?? defaultLanguage(context),
      context,
    );
    const content = message.content;
    if (content.type === 'text' || content.type === 'button') {
      return {
        state: { ...draft, firstText: words },
        replies: [...replies, languageList(draft.language, context)],
      };
    }
    if (content.type !== 'list_reply' && content.type !== 'button_reply') {
      // A pin or a photo first: keep it, and greet.
      const applied = applyContent(draft, message, context);
      return {
        state: applied.draft,
        replies: [
          ...replies,
          ...applied.replies.filter((reply) => reply.type !== 'buttons'),
          languageList(applied.draft.language, context),
        ],
        ...(applied.effect === undefined ? {} : { effect: applied.effect }),
      };
    }
    state = draft;
  }

  const before = nextStep(state, context.photos);
  const applied = applyContent({ ...state, updatedAt: context.now }, message, context);
  if (applied.ended !== undefined) {
    return { ...applied.ended, replies: [...replies, ...applied.ended.replies] };
  }
  const draft = { ...applied.draft, step: nextStep(applied.draft, context.photos) };
  return {
    state: draft,
    replies: [...replies, ...promptAfter({ ...applied, draft }, before, context)],
    ...(applied.effect === undefined ? {} : { effect: applied.effect }),
  };
}

function failureReply(
  result: Extract<ConversationEffectResult, { type: 'effect_failed' }>,
  language: WhatsAppLanguage,
) {
  switch (result.effect.type) {
    case 'report_status':
      if (notFoundCodes.has(result.code)) {
        return renderPrompt(
          result.effect.number === undefined ? 'no_reports' : 'report_not_found',
          language,
        );
      }
      if (result.code === 'INVALID_REPORT_NUMBER')
        return renderPrompt('invalid_report_number', language);
      return renderPrompt('unavailable', language);
    case 'confirm_closure':
      switch (result.code) {
        case 'CLOSURE_CODE_INVALID':
          return result.attemptsLeft === undefined
            ? renderPrompt('code_invalid', language)
            : `${renderPrompt('code_invalid', language)} ${renderPrompt('attempts_left', language, { attemptsLeft: String(result.attemptsLeft) })}`;
        case 'CLOSURE_CODE_MALFORMED':
          return renderPrompt('code_malformed', language);
        case 'CLOSURE_CODE_EXPIRED':
          return renderPrompt('code_expired', language);
        case 'CLOSURE_CODE_LOCKED':
          return renderPrompt('code_locked', language);
        default:
          return renderPrompt(
            nothingAwaitingCodes.has(result.code) ? 'no_report_awaiting' : 'unavailable',
            language,
          );
      }
    case 'reopen_report':
      return renderPrompt(
        nothingAwaitingCodes.has(result.code) ? 'no_report_awaiting' : 'unavailable',
        language,
      );
    default:
      return renderPrompt('unavailable', language);
  }
}

function afterEffect(
  state: ConversationState | undefined,
  result: ConversationEffectResult,
  context: ConversationContext,
): ConversationTurn {
  const language = state?.language ?? defaultLanguage(context);
  const done = (...replies: OutgoingMessage[]): ConversationTurn => ({
    state: idle(language, context.now),
    replies,
  });
  switch (result.type) {
    case 'report_submitted': {
      const { receipt } = result;
      return done(
        text(
          renderMessage(
            'received',
            language,
            {
              number: receipt.number,
              ...(receipt.trackingUrl === undefined ? {} : { trackingUrl: receipt.trackingUrl }),
              ...(receipt.resolutionDueAt === undefined ? {} : { dueAt: receipt.resolutionDueAt }),
            },
            context.timeZone === undefined ? {} : { timeZone: context.timeZone },
          ),
        ),
      );
    }
    case 'photo_uploaded': {
      if (!isDraft(state))
        return { state, replies: [text(renderPrompt('photo_received', language))] };
      const before = nextStep(state, context.photos);
      const mediaIds = state.mediaIds.includes(result.attachment.mediaId)
        ? state.mediaIds
        : [...state.mediaIds, result.attachment.mediaId];
      const draft = { ...state, mediaIds, photoAnswered: true, updatedAt: context.now };
      const after = nextStep(draft, context.photos);
      const replies = [text(renderPrompt('photo_received', language))];
      if (after !== before || after === 'confirm') replies.push(stepPrompt(after, draft, context));
      return { state: { ...draft, step: after }, replies };
    }
    case 'report_status_read':
      return done(statusReply(result.status, language, context));
    case 'closure_confirmed': {
      const { outcome, report, attemptsLeft } = result.result;
      if (outcome === 'valid') {
        return context.acknowledgeSuccess
          ? done(
              text(
                renderMessage('closed', language, {
                  number: report.number,
                  closedHow: 'confirmed',
                }),
              ),
            )
          : done();
      }
      return done(
        text(
          failureReply(
            {
              type: 'effect_failed',
              effect: { type: 'confirm_closure', code: '' },
              code: `CLOSURE_CODE_${outcome.toUpperCase()}`,
              ...(attemptsLeft === undefined ? {} : { attemptsLeft }),
            },
            language,
          ),
        ),
      );
    }
    case 'report_reopened':
      return context.acknowledgeSuccess
        ? done(text(renderMessage('reopened', language, { number: result.status.number })))
        : done();
    case 'effect_failed': {
      if (result.effect.type === 'upload_photo') {
        const replies = [text(renderPrompt('photo_failed', language))];
        if (isDraft(state) && nextStep(state, context.photos) === 'photo')
          replies.push(stepPrompt('photo', state, context));
        return { state, replies };
      }
      if (result.effect.type === 'submit_report') {
        if (failedSubmissionCodes.has(result.code))
          return done(text(renderPrompt('submit_failed', language)));
        // The draft stays: the reporter taps "Send report" again later, with the same key.
        return { state, replies: [text(renderPrompt('unavailable', language))] };
      }
      return done(text(failureReply(result, language)));
    }
  }
}

/**
 * The WhatsApp conversation as a pure state machine: given the stored state, a reporter's
 * message (or the outcome of an effect), and the context, it returns the next state, the
 * messages to send and the next effect. It takes a report in the reporter's language —
 * language (guessed from the first message's script and words, then confirmed or changed from
 * a list), category (an interactive list, or suggestions for the reporter's own words), a
 * description, a location (a shared pin or a typed landmark), an optional photo, a summary to
 * confirm — and answers status requests by number, closure codes and "not fixed" between
 * reports. Cancel words stop it at any step; an unfinished report is discarded after
 * `timeoutMs` of silence. No I/O: the channel runs the effects, stores the state and sends.
 *
 * @example
 * ```ts
 * const turn = advanceConversation(undefined, { type: 'message', message }, context);
 * turn.replies; // [the greeting with the language list]
 * ```
 */
export function advanceConversation(
  state: ConversationState | undefined,
  input: ConversationInput,
  context: ConversationContext,
): ConversationTurn {
  return input.type === 'message'
    ? onMessage(state, input.message, context)
    : afterEffect(state, input.result, context);
}

/**
 * Until when a state is worth keeping: a draft a day beyond its timeout (to tell the reporter
 * it timed out), the language of an idle conversation for 30 days.
 */
export function conversationExpiresAt(state: ConversationState, timeoutMs: number): number {
  const day = 24 * 60 * 60 * 1000;
  return state.step === 'idle' ? state.updatedAt + 30 * day : state.updatedAt + timeoutMs + day;
}
