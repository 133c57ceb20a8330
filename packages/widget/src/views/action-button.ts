import { createElement as h } from '../create-element.js';

/**
 * A button: `type="button"`, whose click the element handles by the button's id, unless
 * `properties` make it a `submit` button of its form.
 */
export function actionButton(
  id: string,
  label: string,
  properties?: Readonly<Record<string, unknown>>,
): HTMLButtonElement {
  return h('button', { type: 'button', id, ...properties }, label);
}
