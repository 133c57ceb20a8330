import type { ErrorCode } from '@balagh/core';
import { errorCodeOf } from './error-code-of.js';
import { showView } from './views/render-widget.js';
import type { View, WidgetContext, WidgetService } from './widget-context.js';
import { requireWidgetService } from './widget-service.js';

/** What to show once an operation is over: a view, the id of the control to focus, a message. */
export type Outcome = readonly [
  view?: View | undefined,
  focus?: string | undefined,
  message?: string,
];

/**
 * Runs one call of the widget to its service (a report sent, a status read, a closure code
 * tried): refused while another one is under way, busy while it runs, its failure (no
 * `api-base` included) handed to `failed` with its code, then the outcome shown.
 */
export async function runWidgetOperation(
  c: WidgetContext,
  work: (service: WidgetService) => Promise<Outcome | undefined>,
  failed: (error: unknown, code: ErrorCode) => Promise<Outcome> | Outcome,
): Promise<void> {
  if (c.busy_) return;
  c.busy_ = true;
  let outcome: Outcome | undefined;
  try {
    outcome = await work(requireWidgetService(c));
  } catch (error) {
    outcome = await failed(error, errorCodeOf(error));
  }
  c.busy_ = false;
  if (outcome) showView(c, ...outcome);
}
