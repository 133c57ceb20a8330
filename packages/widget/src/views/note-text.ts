import { widgetLanguageOf } from '../resolve-widget-language.js';
import {
  formatString,
  type WidgetStringValues,
  widgetStringValues,
} from '../strings/widget-strings.js';
import type { Note, WidgetContext } from '../widget-context.js';

/** The widget's strings in the element's language. */
export function widgetStringsOf(c: WidgetContext): WidgetStringValues {
  return widgetStringValues[widgetLanguageOf(c.host_)];
}

/** A note in the element's language, its `{0}` filled in. */
export function noteText(c: WidgetContext, [message, value = '']: Note): string {
  return formatString(widgetStringsOf(c)[message], value);
}
