import { isWidgetLanguage, type WidgetLanguage } from './strings/widget-strings.js';

/**
 * Picks the widget's language from candidates in order of preference (the element's `lang`, the
 * page's, the browser's), by their primary subtag (`ar-SA` is `ar`); Arabic, the service's
 * default, when none is spoken.
 *
 * @example
 * ```ts
 * resolveWidgetLanguage([element.lang, document.documentElement.lang, ...navigator.languages]);
 * ```
 */
export function resolveWidgetLanguage(
  candidates: readonly (string | null | undefined)[],
): WidgetLanguage {
  for (const candidate of candidates) {
    const primary = candidate?.split('-')[0]?.toLowerCase();
    if (isWidgetLanguage(primary)) return primary;
  }
  return 'ar';
}

/** The language of an element: its `lang`, else the closest one around it, else the browser's. */
export function widgetLanguageOf(element: Element): WidgetLanguage {
  return resolveWidgetLanguage([
    element.closest('[lang]')?.getAttribute('lang'),
    ...(globalThis.navigator?.languages ?? []),
  ]);
}
