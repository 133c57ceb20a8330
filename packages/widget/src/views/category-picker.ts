import type { LocalizedCategory } from '@balagh/core';
import { createElement as h } from '../create-element.js';
import { WidgetMessage as M, type WidgetStringValues } from '../strings/widget-strings.js';
import { type CategoryState, typedText, type WidgetContext } from '../widget-context.js';
import { actionButton } from './action-button.js';
import { errorText } from './labelled-field.js';
import { noteText } from './note-text.js';

/**
 * The category fieldset: a search box, then the service's categories as radio buttons in
 * their groups, or where loading them stands (with a retry button when it failed).
 */
export function categoryPicker(
  c: WidgetContext,
  t: WidgetStringValues,
  state: CategoryState,
): HTMLElement {
  const error = c.notes_.category;
  const groups = new Map<string, LocalizedCategory[]>();
  for (const category of Array.isArray(state) ? state : []) {
    groups.set(category.groupName, [...(groups.get(category.groupName) ?? []), category]);
  }
  return h(
    'fieldset',
    { id: 'category', part: 'categories' },
    h('legend', null, t[M.category]),
    // `form=""` keeps the search box out of the form: Enter in it filters, it does not submit.
    h('input', {
      type: 'search',
      form: '',
      id: 'search',
      part: 'input',
      'aria-label': t[M.search],
      placeholder: t[M.search],
      value: c.values_.search ?? '',
      autofocus: !!c.launcher_,
    }),
    error && errorText('category-error', noteText(c, error)),
    state === 'failed'
      ? h('p', null, t[M.failed], ' ', actionButton('retry', t[M.retry]))
      : state === 'loading'
        ? h('p', null, t[M.loading])
        : h(
            'div',
            { class: 'choices', part: 'choices' },
            [...groups].map(([groupName, categories]) =>
              h(
                'fieldset',
                null,
                h('legend', null, groupName),
                categories.map(({ code, name }) =>
                  h(
                    'label',
                    { class: 'choice', part: 'choice' },
                    h('input', {
                      type: 'radio',
                      name: 'category',
                      id: `category-${code}`,
                      value: code,
                      checked: code === c.values_.category,
                      'aria-describedby': error && 'category-error',
                    }),
                    name,
                  ),
                ),
              ),
            ),
            h('p', { id: 'no-match', hidden: true }, t[M.noMatch]),
          ),
  );
}

const fold = (text: string | null | undefined) =>
  (text ?? '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Hides the categories whose name and group name do not contain what is typed in the search
 * box, ignoring case and diacritics, and the groups left empty; says so when none is left.
 */
export function filterCategories(c: WidgetContext): void {
  const query = fold(typedText(c, 'search'));
  let found = false;
  for (const group of c.shadow_.querySelectorAll<HTMLElement>('.choices fieldset')) {
    const groupName = fold(group.querySelector('legend')?.textContent);
    let groupFound = false;
    for (const choice of group.querySelectorAll<HTMLElement>('.choice')) {
      choice.hidden = !`${groupName} ${fold(choice.textContent)}`.includes(query);
      groupFound ||= !choice.hidden;
    }
    group.hidden = !groupFound;
    found ||= groupFound;
  }
  const none = c.shadow_.getElementById('no-match');
  if (none) none.hidden = found;
}
