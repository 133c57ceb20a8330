/**
 * The embeddable report widget: the `<balagh-report>` custom element (shadow DOM, every
 * supported language, right to left for Arabic and Urdu, keyboard and screen-reader accessible,
 * offline queue), and the pieces it is built from. Importing this module registers nothing;
 * call `defineBalaghReport()`, or import `@balagh/widget/auto`.
 *
 * @packageDocumentation
 */

// --- element ---
export { BalaghReportElement } from './balagh-report-element.js';
export { defineBalaghReport } from './define-balagh-report.js';
export type {
  BalaghErrorDetail,
  BalaghQueuedDetail,
  BalaghReportEventMap,
  BalaghStatusDetail,
  BalaghSubmittedDetail,
  WidgetOperation,
} from './widget-events.js';

// --- languages ---
export { resolveWidgetLanguage } from './resolve-widget-language.js';
export {
  formatString,
  isWidgetLanguage,
  type StringsFor,
  type WidgetLanguage,
  type WidgetMessageKey,
  type WidgetStrings,
  type WidgetStringValues,
  widgetLanguages,
  widgetMessageKeys,
  widgetStatusOrder,
  widgetStrings,
} from './strings/widget-strings.js';

// --- building blocks ---
export { type DownscaledImage, downscaleImage } from './downscale-image.js';
export {
  type DevicePosition,
  type LocateFailure,
  type LocateResult,
  locateDevice,
} from './locate-device.js';
export { type OfflineQueue, openOfflineQueue, type QueuedReport } from './offline-queue.js';
export { toInternationalPhone } from './to-international-phone.js';
export {
  isTransientError,
  type ReportSender,
  type SendQueuedReportsOptions,
  sendQueuedReports,
  sendReport,
} from './send-queued-reports.js';
