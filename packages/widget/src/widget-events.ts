import type { ErrorCode, Status } from '@balagh/core';
import type { WidgetLanguage } from './strings/widget-strings.js';

/** What the widget was doing when a `balagh:error` happened. */
export type WidgetOperation = 'categories' | 'submit' | 'status' | 'confirm' | 'reopen';

/** `balagh:submitted`: the service accepted a report (right away, or from the offline queue). */
export interface BalaghSubmittedDetail {
  readonly number: string;
  readonly status: Status;
  readonly categoryCode: string;
  readonly language: WidgetLanguage;
  /** Whether it waited in the offline queue first. */
  readonly queued: boolean;
}

/** `balagh:queued`: a report was saved on the device, to be sent when the network returns. */
export interface BalaghQueuedDetail {
  readonly categoryCode: string;
  readonly language: WidgetLanguage;
}

/** `balagh:error`: an operation failed; `code` is one of core's error codes. */
export interface BalaghErrorDetail {
  readonly operation: WidgetOperation;
  readonly code: ErrorCode;
}

/** `balagh:status`, `balagh:confirmed` and `balagh:reopened`: a report as the reporter sees it now. */
export interface BalaghStatusDetail {
  readonly number: string;
  readonly status: Status;
  readonly awaitingConfirmation: boolean;
}

/**
 * The events `<balagh-report>` dispatches on itself, as `CustomEvent`s that bubble and cross
 * shadow roots (`composed`). Their `detail` carries no personal data: no phone number, no
 * description, no location, no tracking token.
 */
export interface BalaghReportEventMap {
  'balagh:submitted': CustomEvent<BalaghSubmittedDetail>;
  'balagh:queued': CustomEvent<BalaghQueuedDetail>;
  'balagh:error': CustomEvent<BalaghErrorDetail>;
  'balagh:status': CustomEvent<BalaghStatusDetail>;
  'balagh:confirmed': CustomEvent<BalaghStatusDetail>;
  'balagh:reopened': CustomEvent<BalaghStatusDetail>;
}
