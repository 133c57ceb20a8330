import type { LocalizedCategory } from '@balagh/core';
import { type ElementChild, createElement as h } from '../create-element.js';
import { widgetLanguageOf } from '../resolve-widget-language.js';
import { WidgetMessage as M, type WidgetStringValues } from '../strings/widget-strings.js';
import type { WidgetContext } from '../widget-context.js';
import { actionButton } from './action-button.js';
import { categoryPicker } from './category-picker.js';
import { errorText, labelledField } from './labelled-field.js';
import { noteText } from './note-text.js';

/**
 * The report form: category (with the questions it asks), description, location, photo and
 * mobile number, then a button to the status view.
 */
export function reportFormView(c: WidgetContext, t: WidgetStringValues): ElementChild[] {
  const state = c.categories_.get(widgetLanguageOf(c.host_)) ?? 'loading';
  const category = Array.isArray(state)
    ? (state as readonly LocalizedCategory[]).find(({ code }) => code === c.values_.category)
    : undefined;
  const { 'location-note': location, 'report-note': note } = c.notes_;
  const photo = c.photo_;
  return [
    h(
      'form',
      { id: 'report', part: 'form', novalidate: true },
      categoryPicker(c, t, state),
      category?.attributes.map((attribute) => attributeField(c, attribute)),
      labelledField(c, 'description', t[M.description], 'textarea', {
        required: true,
        maxlength: 4000,
        rows: 4,
      }),
      h(
        'fieldset',
        { part: 'location' },
        h('legend', null, t[M.location]),
        h(
          'div',
          { class: 'row' },
          actionButton('locate', t[M.locate]),
          location && h('span', { id: 'location-note' }, noteText(c, location)),
        ),
        labelledField(c, 'landmark', t[M.landmark], 'input', { maxlength: 200 }),
      ),
      photo
        ? h(
            'div',
            { class: 'row' },
            h('img', { src: photo.url_, alt: '', part: 'photo' }),
            actionButton('remove-photo', t[M.removePhoto]),
          )
        : labelledField(c, 'photo', t[M.photo], 'input', { type: 'file', accept: 'image/*' }),
      labelledField(
        c,
        'phone',
        t[M.phone],
        'input',
        {
          type: 'tel',
          autocomplete: 'tel',
          dir: 'ltr',
          required: !c.host_.hasAttribute('phone-optional'),
        },
        t[M.phoneHint],
      ),
      note && errorText(null, noteText(c, note)),
      actionButton('send', t[c.busy_ ? M.loading : M.send], {
        type: 'submit',
        class: 'primary',
        part: 'submit',
        'aria-disabled': c.busy_ && 'true',
      }),
    ),
    actionButton('switch', t[M.track]),
  ];
}

/**
 * The control of an Open311 attribute of the chosen category (`attribute-{code}`): a list for
 * the list datatypes (several choices for `multivaluelist`), else a text, number or date field.
 */
function attributeField(
  c: WidgetContext,
  { code, datatype, description, required, values = [] }: LocalizedCategory['attributes'][number],
): HTMLElement {
  const id = `attribute-${code}`;
  const multiple = datatype === 'multivaluelist';
  const chosen = [c.values_[id]].flat();
  return datatype.endsWith('list')
    ? labelledField(
        c,
        id,
        description,
        'select',
        { multiple, required },
        undefined,
        !multiple && h('option', { value: '' }, ''),
        ...values.map(({ key, name }) =>
          h('option', { value: key, selected: chosen.includes(key) }, name),
        ),
      )
    : labelledField(c, id, description, datatype === 'text' ? 'textarea' : 'input', {
        type: datatype === 'datetime' ? 'datetime-local' : 'text',
        inputmode: datatype === 'number' && 'decimal',
        required,
      });
}
