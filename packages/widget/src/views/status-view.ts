import { type ElementChild, createElement as h } from '../create-element.js';
import { widgetLanguageOf } from '../resolve-widget-language.js';
import {
  formatString,
  WidgetMessage as M,
  statusName,
  type WidgetStringValues,
  widgetStatusOrder,
} from '../strings/widget-strings.js';
import type { WidgetContext } from '../widget-context.js';
import { actionButton } from './action-button.js';
import { labelledField } from './labelled-field.js';
import { noteText } from './note-text.js';

/**
 * The status view: the report number and tracking code to look a report up, then its status,
 * when it is due, and while it awaits the reporter, the closure code to confirm it or a button
 * to say it is not fixed; then a button back to the form.
 */
export function statusView(c: WidgetContext, t: WidgetStringValues): ElementChild[] {
  const report = c.report_;
  const note = c.notes_['status-note'];
  const language = widgetLanguageOf(c.host_);
  // Numbers and codes are typed in ASCII or Arabic-Indic digits, left to right in any language.
  const field = (id: 'number' | 'token' | 'code', label: M) =>
    labelledField(c, id, t[label], 'input', {
      dir: 'ltr',
      autocomplete: id === 'code' ? 'one-time-code' : 'off',
      spellcheck: 'false',
      inputmode: id !== 'token' && 'numeric',
    });
  return [
    h(
      'form',
      { id: 'lookup', novalidate: true },
      field('number', M.number),
      field('token', M.token),
      actionButton('check', t[M.check], { type: 'submit', class: 'primary' }),
    ),
    report &&
      h(
        'div',
        { part: 'status' },
        h(
          'p',
          null,
          t[M.status],
          ': ',
          h('strong', { id: 'status-value', tabindex: -1 }, statusName(t, report.status)),
        ),
        // Nothing more is due from `resolved` on (the statuses after `awaiting_info`).
        widgetStatusOrder.indexOf(report.status) < 4 &&
          report.resolutionDueAt &&
          h(
            'p',
            null,
            formatString(
              t[M.due],
              new Date(report.resolutionDueAt).toLocaleString(
                language === 'ar' ? 'ar-SA' : language,
                { dateStyle: 'medium', timeStyle: 'short' },
              ),
            ),
          ),
        report.awaitingConfirmation &&
          h(
            'form',
            { id: 'closure', novalidate: true },
            h('p', null, t[M.fixed]),
            field('code', M.code),
            h(
              'div',
              { class: 'row' },
              actionButton('confirm', t[M.confirm], { type: 'submit', class: 'primary' }),
              actionButton('not-fixed', t[M.notFixed]),
            ),
          ),
      ),
    note && h('p', { id: 'status-note', tabindex: -1, part: 'message' }, noteText(c, note)),
    actionButton('switch', t[M.open]),
  ];
}
