import { errorCodeOf } from './error-code-of.js';
import type { WidgetContext } from './widget-context.js';
import type { BalaghReportEventMap, WidgetOperation } from './widget-events.js';

/** Dispatches one of the widget's events on the element, bubbling out of its shadow root. */
export function emitWidgetEvent<Name extends keyof BalaghReportEventMap>(
  c: WidgetContext,
  name: Name,
  detail: BalaghReportEventMap[Name]['detail'],
): void {
  c.host_.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

/** Dispatches `balagh:error` for a failed operation, with the failure's code only. */
export function emitWidgetError(
  c: WidgetContext,
  operation: WidgetOperation,
  error: unknown,
): void {
  emitWidgetEvent(c, 'balagh:error', { operation, code: errorCodeOf(error) });
}
