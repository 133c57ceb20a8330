/** What {@link createElement} accepts as children: nodes, text, or nothing. */
export type ElementChild = Node | string | false | null | undefined;

/**
 * Builds a DOM element in one expression: attributes from `properties` (`true` sets an empty
 * attribute, `false`, `null` and `undefined` leave it out), `value` and `checked` as
 * properties, then the children that are something.
 *
 * @example
 * ```ts
 * createElement('button', { type: 'button', id: 'close', 'aria-label': 'Close' }, '×');
 * ```
 */
export function createElement<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  properties?: Readonly<Record<string, unknown>> | null,
  ...children: readonly (ElementChild | readonly ElementChild[])[]
): HTMLElementTagNameMap[Tag] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(properties ?? {})) {
    if (name === 'value' || name === 'checked') {
      (element as unknown as Record<string, unknown>)[name] = value;
    } else if (value !== false && value != null) {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== false && child != null) element.append(child);
  }
  return element;
}
