import type { BalaghPublicClient } from '@balagh/client/fetch';
import type { LocalizedCategory, PublicReportStatus, ReportReceipt } from '@balagh/core';
import type { DevicePosition } from './locate-device.js';
import type { WidgetLanguage, WidgetMessage } from './strings/widget-strings.js';

/** A message kept by its index (and the value of its `{0}`), so it follows a change of language. */
export type Note = readonly [message: WidgetMessage, value?: string | number];

/** What the panel shows below its header. */
export type View = 'form' | 'receipt' | 'queued' | 'status';

/** The categories of one language: the list, or where loading it stands. */
export type CategoryState = readonly LocalizedCategory[] | 'loading' | 'failed';

/** The intake service `api-base` names, and the client talking to it. */
export interface WidgetService {
  /** The service's absolute URL. */
  readonly base_: string;
  readonly client_: BalaghPublicClient;
}

/**
 * The state of one `<balagh-report>`, shared by its views (which draw it) and its actions (which
 * change it, then show a view). Every view is drawn again from it, so what the reporter typed
 * lives here, by control id, and survives a change of language.
 *
 * Members end with `_`: the script-tag build shortens such names (esbuild's `mangleProps`), as
 * it does private fields, so they cost no more than those would.
 */
export interface WidgetContext {
  /** The element. */
  readonly host_: HTMLElement;
  readonly shadow_: ShadowRoot;
  /** Holds the header and the view, drawn again on every change. */
  readonly content_: HTMLElement;
  /** The live region that announces what changed. */
  readonly live_: HTMLElement;
  /** The modal `<dialog>`, or the inline panel; absent until connected. */
  frame_?: HTMLElement;
  /** The button that opens the dialog; absent inline. */
  launcher_?: HTMLButtonElement | undefined;
  view_: View;
  /** What each control holds, by its id (`description`, `attribute-{code}`, `code`...). */
  values_: Record<string, string | string[] | undefined>;
  /**
   * Messages by the id of what they are shown with: a field's error by the field's id
   * (`description`, `code`...), and `location-note`, `report-note` and `status-note`.
   */
  notes_: Record<string, Note | undefined>;
  /** The device's position, once shared. */
  position_?: DevicePosition | undefined;
  /** The downscaled photo and its preview. */
  photo_?: { readonly blob_: Blob; readonly url_: string } | undefined;
  /** The number and token of the report the status view shows, as they were when it was found. */
  ref_?: { readonly number: string; readonly token: string };
  /** The report the status view shows. */
  report_?: PublicReportStatus | undefined;
  /** The receipt the receipt view shows. */
  receipt_?: ReportReceipt;
  /** The id of the report the queued view tells about. */
  queuedId_?: string;
  /** A call to the service is under way. */
  busy_: boolean;
  readonly categories_: Map<WidgetLanguage, CategoryState>;
  /** The service, made again when `api-base` or `api-key` change. */
  service_?: WidgetService | undefined;
}

/** What the reporter typed in a control, trimmed; `''` when nothing. */
export function typedText(c: WidgetContext, id: string): string {
  return String(c.values_[id] ?? '').trim();
}
