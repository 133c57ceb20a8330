import type { Category, CategoryMatch, Taxonomy } from '@balagh/core';
import { whatsAppLimits } from '../outgoing/find-limit-violations.js';
import type { ListRow, ListSection, OutgoingMessage } from '../outgoing/outgoing-message.js';
import { truncateText } from '../outgoing/truncate-text.js';
import { renderPrompt } from '../prompts/render-prompt.js';
import type { WhatsAppLanguage } from '../prompts/whatsapp-languages.js';

/** Ids of the list rows the category menu sends, as they come back in a `list_reply`. */
export const menuRowIds = {
  category: (code: string) => `cat:${code}`,
  group: (code: string) => `grp:${code}`,
  /** A further page of groups, or of one group's categories. */
  page: (groupCode: string | undefined, page: number) => `page:${groupCode ?? '*'}:${page}`,
  allCategories: 'all',
} as const;

/** Where the reporter is in the category menu: a page of groups, or of one group's categories. */
export interface MenuPosition {
  readonly groupCode?: string | undefined;
  readonly page: number;
}

/** Reads a row id of the category menu back. */
export function parseMenuRowId(
  id: string,
):
  | { readonly type: 'category'; readonly code: string }
  | { readonly type: 'group'; readonly code: string }
  | { readonly type: 'page'; readonly position: MenuPosition }
  | { readonly type: 'all' }
  | undefined {
  if (id === menuRowIds.allCategories) return { type: 'all' };
  const [kind, first, second] = id.split(':');
  if (kind === 'cat' && first) return { type: 'category', code: first };
  if (kind === 'grp' && first) return { type: 'group', code: first };
  if (kind === 'page' && first !== undefined && second !== undefined && /^\d{1,3}$/.test(second)) {
    return {
      type: 'page',
      position: { ...(first === '*' ? {} : { groupCode: first }), page: Number(second) },
    };
  }
  return undefined;
}

/**
 * Cuts a list of rows into WhatsApp pages of at most 10 rows: when more remain, a page shows 9
 * and a "More…" row that opens the next one.
 */
function pageOf(
  rows: readonly ListRow[],
  page: number,
  moreRow: (next: number) => ListRow,
): ListRow[] {
  const perPage = whatsAppLimits.listRows - 1;
  const start = Math.min(page * perPage, Math.max(0, rows.length - 1));
  const rest = rows.slice(start);
  if (rest.length <= whatsAppLimits.listRows) return rest;
  return [...rest.slice(0, perPage), moreRow(page + 1)];
}

function categoryRow(taxonomy: Taxonomy, category: Category, language: WhatsAppLanguage): ListRow {
  const name = taxonomy.localize(category.name, language);
  const description =
    category.description === undefined
      ? undefined
      : taxonomy.localize(category.description, language);
  // A name cut to fit the title is shown whole in the description.
  const detail = name.length > whatsAppLimits.rowTitle ? name : description;
  return {
    id: menuRowIds.category(category.code),
    title: truncateText(name, whatsAppLimits.rowTitle),
    ...(detail === undefined || detail === ''
      ? {}
      : { description: truncateText(detail, whatsAppLimits.rowDescription) }),
  };
}

function moreRow(language: WhatsAppLanguage, groupCode: string | undefined) {
  return (next: number): ListRow => ({
    id: menuRowIds.page(groupCode, next),
    title: renderPrompt('more_row', language),
    description: renderPrompt('more_row_description', language),
  });
}

function list(
  language: WhatsAppLanguage,
  body: string,
  sections: readonly ListSection[],
): OutgoingMessage {
  return { type: 'list', body, button: renderPrompt('category_button', language), sections };
}

/**
 * Builds the category list of the conversation within WhatsApp's limits (10 rows across at most
 * 10 sections, titles of 24 characters, descriptions of 72): the whole taxonomy in one list when
 * it has 10 categories or fewer, in sections by group; otherwise the groups first, then the
 * categories of the chosen group, each paginated with a "More…" row. A group of one category
 * is offered as that category.
 */
export function categoryMenu(
  taxonomy: Taxonomy,
  language: WhatsAppLanguage,
  position: MenuPosition = { page: 0 },
  body: string = renderPrompt('category_prompt', language),
): OutgoingMessage {
  const categories = taxonomy.categories;
  const sectionTitle = (text: string) => truncateText(text, whatsAppLimits.sectionTitle);

  if (categories.length <= whatsAppLimits.listRows) {
    const groups = taxonomy.groups.filter((group) =>
      categories.some((c) => c.groupCode === group.code),
    );
    const sections =
      groups.length > 1 && groups.length <= whatsAppLimits.listSections
        ? groups.map((group) => ({
            title: sectionTitle(taxonomy.localize(group.name, language)),
            rows: categories
              .filter((category) => category.groupCode === group.code)
              .map((category) => categoryRow(taxonomy, category, language)),
          }))
        : [{ rows: categories.map((category) => categoryRow(taxonomy, category, language)) }];
    return list(language, body, sections);
  }

  const group = position.groupCode === undefined ? undefined : taxonomy.group(position.groupCode);
  if (group !== undefined) {
    const rows = categories
      .filter((category) => category.groupCode === group.code)
      .map((category) => categoryRow(taxonomy, category, language));
    return list(language, body, [
      {
        title: sectionTitle(taxonomy.localize(group.name, language)),
        rows: pageOf(rows, position.page, moreRow(language, group.code)),
      },
    ]);
  }

  const groupRows = taxonomy.groups.flatMap((candidate): ListRow[] => {
    const members = categories.filter((category) => category.groupCode === candidate.code);
    const only = members.length === 1 ? members[0] : undefined;
    if (only !== undefined) return [categoryRow(taxonomy, only, language)];
    if (members.length === 0) return [];
    const name = taxonomy.localize(candidate.name, language);
    const comma = language === 'ar' || language === 'ur' ? '، ' : ', ';
    const examples = members.map((member) => taxonomy.localize(member.name, language)).join(comma);
    return [
      {
        id: menuRowIds.group(candidate.code),
        title: truncateText(name, whatsAppLimits.rowTitle),
        description: truncateText(examples, whatsAppLimits.rowDescription),
      },
    ];
  });
  return list(language, body, [
    {
      title: sectionTitle(renderPrompt('categories_section', language)),
      rows: pageOf(groupRows, position.page, moreRow(language, undefined)),
    },
  ]);
}

/**
 * Builds the list of categories suggested for a reporter's words (core's `matchCategories`),
 * with an "All categories" row that opens the full menu.
 */
export function suggestionMenu(
  taxonomy: Taxonomy,
  language: WhatsAppLanguage,
  matches: readonly CategoryMatch[],
): OutgoingMessage {
  const suggested = matches
    .slice(0, whatsAppLimits.listRows - 1)
    .map((match) => categoryRow(taxonomy, match.category, language));
  return list(language, renderPrompt('suggestions_prompt', language), [
    { title: renderPrompt('suggestions_section', language), rows: suggested },
    {
      title: renderPrompt('other_section', language),
      rows: [{ id: menuRowIds.allCategories, title: renderPrompt('all_categories_row', language) }],
    },
  ]);
}
