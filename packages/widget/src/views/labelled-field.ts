import { type ElementChild, createElement as h } from '../create-element.js';
import type { WidgetContext } from '../widget-context.js';
import { noteText } from './note-text.js';

/** An error message (`part="error"`), announced with the control that names its id. */
export function errorText(id: string | null, text: string): HTMLParagraphElement {
  return h('p', { id, class: 'error', part: 'error' }, text);
}

/**
 * A labelled control (`part="input"`) showing what the reporter typed or chose in it, with its
 * hint and its error (the note kept under the control's id), both tied to it for assistive
 * technologies. `options` are a list's.
 */
export function labelledField(
  c: WidgetContext,
  id: string,
  label: string,
  tag: 'input' | 'textarea' | 'select',
  properties?: Readonly<Record<string, unknown>>,
  hint?: string,
  ...options: ElementChild[]
): HTMLElement {
  const error = c.notes_[id];
  return h(
    'div',
    { class: 'field', part: 'field' },
    h('label', { for: id }, label),
    h(
      tag,
      {
        id,
        value: c.values_[id] ?? '',
        part: 'input',
        'aria-describedby':
          [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || null,
        'aria-invalid': !!error && 'true',
        ...properties,
      },
      options,
    ),
    hint && h('p', { id: `${id}-hint`, class: 'hint' }, hint),
    error && errorText(`${id}-error`, noteText(c, error)),
  );
}
