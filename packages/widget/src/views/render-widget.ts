import { type ElementChild, createElement as h } from '../create-element.js';
import { widgetLanguageOf } from '../resolve-widget-language.js';
import {
  WidgetMessage as M,
  type WidgetStringValues,
  widgetLanguages,
  widgetStringValues,
} from '../strings/widget-strings.js';
import type { View, WidgetContext } from '../widget-context.js';
import { actionButton } from './action-button.js';
import { filterCategories } from './category-picker.js';
import { receiptView } from './receipt-view.js';
import { reportFormView } from './report-form-view.js';
import { statusView } from './status-view.js';

const views: Record<View, (c: WidgetContext, t: WidgetStringValues) => ElementChild[]> = {
  form: reportFormView,
  receipt: receiptView,
  queued: receiptView,
  status: statusView,
};

/**
 * Draws the panel again from the state, in the element's language: the header (title,
 * language picker, close button) and the current view. The focus stays on the control with the
 * same id.
 */
export function renderWidget(c: WidgetContext): void {
  const language = widgetLanguageOf(c.host_);
  const t = widgetStringValues[language];
  const launcher = c.launcher_;
  if (!c.frame_) return;
  c.host_.setAttribute('dir', language === 'ar' || language === 'ur' ? 'rtl' : 'ltr');
  const focused = c.shadow_.activeElement?.id;
  c.content_.lang = language;
  c.content_.replaceChildren(
    ...([
      h(
        'header',
        { part: 'header' },
        h('h2', { id: 'title', part: 'title' }, t[c.view_ === 'status' ? M.track : M.open]),
        h(
          'select',
          { id: 'language', part: 'language', 'aria-label': t[M.language] },
          widgetLanguages.map((code) =>
            h(
              'option',
              { value: code, lang: code, selected: code === language },
              widgetStringValues[code][M.languageName],
            ),
          ),
        ),
        launcher && actionButton('close', '×', { part: 'close', 'aria-label': t[M.close] }),
      ),
      ...views[c.view_](c, t),
    ].filter(Boolean) as Node[]),
  );
  if (launcher) {
    launcher.textContent = t[M.open];
    launcher.lang = language;
  }
  filterCategories(c);
  if (focused) focusControl(c, focused);
}

/** Moves the focus to the control with this id. */
export function focusControl(c: WidgetContext, id: string): void {
  c.shadow_.getElementById(id)?.focus();
}

/** Has assistive technologies announce a message, even the one they announced last. */
export function announce(c: WidgetContext, message: string): void {
  c.live_.textContent = '';
  // A changed text is announced; clearing it first lets the same message be announced again.
  setTimeout(() => {
    c.live_.textContent = message;
  }, 100);
}

/** Shows a view (the current one by default), focuses a control of it, announces a message. */
export function showView(c: WidgetContext, view = c.view_, focus?: string, message?: string): void {
  c.view_ = view;
  renderWidget(c);
  if (focus) focusControl(c, focus);
  if (message !== undefined) announce(c, message);
}
