import { createElement as h } from './create-element.js';
import { loadCategories } from './load-categories.js';
import { renderWidget } from './views/render-widget.js';
import type { WidgetContext } from './widget-context.js';
import { adoptWidgetStyles } from './widget-styles.js';

/**
 * Builds the element's shadow DOM for its `mode`: a button opening a modal `<dialog>` (the
 * focus goes back to the button when it closes), or the panel in the page (`inline`, which
 * loads the categories at once).
 */
export function mountWidget(c: WidgetContext): void {
  const inline = c.host_.getAttribute('mode') === 'inline';
  const panel = h(
    'section',
    { class: 'panel', part: 'panel', 'aria-labelledby': inline && 'title' },
    c.content_,
    c.live_,
  );
  const launcher = inline
    ? undefined
    : h('button', {
        type: 'button',
        id: 'launcher',
        class: 'primary',
        part: 'launcher',
        'aria-haspopup': 'dialog',
      });
  const frame = launcher
    ? h('dialog', { part: 'dialog', 'aria-labelledby': 'title' }, panel)
    : panel;
  c.launcher_ = launcher;
  c.frame_ = frame;
  frame.addEventListener('close', () => launcher?.focus());
  c.shadow_.replaceChildren(...(launcher ? [launcher] : []), frame);
  adoptWidgetStyles(c.shadow_);
  renderWidget(c);
  if (inline) loadCategories(c);
}

/** Opens the modal dialog, loading the categories (in `button` mode; nothing happens `inline`). */
export function openDialog(c: WidgetContext): void {
  const dialog = c.frame_ as HTMLDialogElement;
  if (c.launcher_ && !dialog.open) {
    loadCategories(c);
    dialog.showModal();
  }
}

/** Closes the modal dialog; what was typed stays for the next time it opens. */
export function closeDialog(c: WidgetContext): void {
  // Inline, the frame is a section, which has no `close`.
  (c.frame_ as HTMLDialogElement | undefined)?.close?.();
}
