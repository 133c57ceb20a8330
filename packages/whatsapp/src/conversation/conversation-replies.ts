import {
  formatReportDate,
  isTerminalStatus,
  type Location,
  matchCategories,
  type PublicReportStatus,
  type Taxonomy,
} from '@balagh/core';
import { whatsAppLimits } from '../outgoing/find-limit-violations.js';
import type { OutgoingMessage } from '../outgoing/outgoing-message.js';
import { truncateText } from '../outgoing/truncate-text.js';
import { renderPrompt } from '../prompts/render-prompt.js';
import { languageNames, type WhatsAppLanguage } from '../prompts/whatsapp-languages.js';
import { categoryMenu, suggestionMenu } from './category-menu.js';
import type { ConversationStep, ReportDraftState } from './conversation-state.js';

/** Ids of the buttons and rows the conversation sends, besides the category menu's. */
export const replyIds = {
  language: (language: WhatsAppLanguage) => `lang:${language}`,
  skipPhoto: 'photo:skip',
  send: 'confirm:send',
  cancel: 'confirm:cancel',
} as const;

/** What the conversation knows of the deployment while it answers. */
export interface ReplyContext {
  readonly taxonomy: Taxonomy;
  /** The languages offered, the default first. */
  readonly languages: readonly WhatsAppLanguage[];
  /** IANA time zone of the dates shown; default `Asia/Riyadh`. */
  readonly timeZone?: string;
}

/** A reporter's words match a category when core's score reaches this (one clear keyword is about 0.6). */
const suggestionThreshold = 0.3;
/** Suggestions offered at most. */
const suggestionLimit = 3;
/** Longest description quoted back in the summary, which must fit a buttons message. */
const summaryDescriptionLength = 400;

/** A plain text reply. */
export function text(body: string): OutgoingMessage {
  return { type: 'text', body };
}

/** The greeting, with the list of languages (the current one first). */
export function languageList(language: WhatsAppLanguage, context: ReplyContext): OutgoingMessage {
  const ordered = [language, ...context.languages.filter((candidate) => candidate !== language)];
  return {
    type: 'list',
    body: renderPrompt('greeting', language),
    button: renderPrompt('language_button', language),
    sections: [
      {
        title: renderPrompt('language_section', language),
        rows: ordered.map((candidate) => ({
          id: replyIds.language(candidate),
          title: truncateText(languageNames[candidate], whatsAppLimits.rowTitle),
        })),
      },
    ],
  };
}

/** Categories suggested for a reporter's words, best first, above the threshold. */
export function suggestedCategories(words: string, language: WhatsAppLanguage, taxonomy: Taxonomy) {
  return matchCategories(words, language, { taxonomy, limit: suggestionLimit }).filter(
    (match) => match.score >= suggestionThreshold,
  );
}

function categoryName(draft: ReportDraftState, context: ReplyContext): string {
  const category =
    draft.categoryCode === undefined ? undefined : context.taxonomy.category(draft.categoryCode);
  return category === undefined ? '' : context.taxonomy.localize(category.name, draft.language);
}

/** Describes a location in the summary: the landmark or address typed, or the shared pin. */
export function describeLocation(location: Location, language: WhatsAppLanguage): string {
  if (location.lat !== undefined && location.lng !== undefined) {
    const pin = renderPrompt('location_pin', language, {
      coordinates: `${location.lat.toFixed(5)}, ${location.lng.toFixed(5)}`,
    });
    return location.address === undefined ? pin : `${truncateText(location.address, 150)} — ${pin}`;
  }
  return truncateText(location.landmark ?? location.address ?? '', 200);
}

/** The confirmation: a summary of the report, with Send and Cancel buttons. */
export function confirmation(
  draft: ReportDraftState,
  context: ReplyContext,
  reminder = false,
): OutgoingMessage {
  const language = draft.language;
  const body = reminder
    ? renderPrompt('confirm_reminder', language)
    : renderPrompt('confirm_summary', language, {
        category: categoryName(draft, context),
        description: truncateText(draft.description ?? '', summaryDescriptionLength),
        location: draft.location === undefined ? '' : describeLocation(draft.location, language),
        photo: renderPrompt(draft.mediaIds.length > 0 ? 'photo_attached' : 'photo_none', language),
      });
  return {
    type: 'buttons',
    body,
    buttons: [
      { id: replyIds.send, title: renderPrompt('send_button', language) },
      { id: replyIds.cancel, title: renderPrompt('cancel_button', language) },
    ],
  };
}

/**
 * What the conversation asks at a step: the language list, the category menu (or suggestions
 * for the reporter's first words), the description, the location, the photo, the summary.
 * `retry` asks again after an answer that did not fit the step.
 */
export function stepPrompt(
  step: ConversationStep,
  draft: ReportDraftState,
  context: ReplyContext,
  retry = false,
): OutgoingMessage {
  const language = draft.language;
  switch (step) {
    case 'language':
      return languageList(language, context);
    case 'category': {
      if (retry) {
        return categoryMenu(
          context.taxonomy,
          language,
          draft.menu ?? { page: 0 },
          renderPrompt('category_not_understood', language),
        );
      }
      if (draft.menu !== undefined) return categoryMenu(context.taxonomy, language, draft.menu);
      const suggestions =
        draft.firstText === undefined
          ? []
          : suggestedCategories(draft.firstText, language, context.taxonomy);
      return suggestions.length > 0
        ? suggestionMenu(context.taxonomy, language, suggestions)
        : categoryMenu(context.taxonomy, language);
    }
    case 'description':
      return text(
        retry
          ? renderPrompt('description_too_short', language)
          : renderPrompt('description_prompt', language, {
              category: categoryName(draft, context),
            }),
      );
    case 'location':
      return text(renderPrompt(retry ? 'location_not_understood' : 'location_prompt', language));
    case 'photo':
      return {
        type: 'buttons',
        body: renderPrompt('photo_prompt', language),
        buttons: [{ id: replyIds.skipPhoto, title: renderPrompt('skip_button', language) }],
      };
    case 'confirm':
      return confirmation(draft, context, retry);
  }
}

/** A report's status as the reporter reads it: number, status, last change, due date. */
export function statusReply(
  status: PublicReportStatus,
  language: WhatsAppLanguage,
  context: ReplyContext,
): OutgoingMessage {
  const dateOptions = {
    withTime: true,
    ...(context.timeZone === undefined ? {} : { timeZone: context.timeZone }),
  };
  const parts = [
    renderPrompt('status_report', language, {
      number: status.number,
      status: renderPrompt(`status_${status.status}`, language),
      updatedAt: formatReportDate(status.updatedAt, language, dateOptions),
    }),
  ];
  if (
    status.resolutionDueAt !== undefined &&
    status.status !== 'resolved' &&
    !isTerminalStatus(status.status)
  ) {
    parts.push(
      renderPrompt('status_due', language, {
        dueAt: formatReportDate(status.resolutionDueAt, language, dateOptions),
      }),
    );
  }
  if (status.awaitingConfirmation)
    parts.push(`\n${renderPrompt('status_awaiting_code', language)}`);
  return text(parts.join('\n'));
}
