/**
 * The entry of the script-tag build (`balagh-widget.iife.js`): registers `<balagh-report>` and
 * exposes the element as the `BalaghWidget` global (`BalaghWidget.BalaghReportElement`,
 * `BalaghWidget.defineBalaghReport`). The global is assigned here rather than made by esbuild's
 * `globalName`, whose module-namespace helpers would weigh 0.2 KB gzipped.
 *
 * @packageDocumentation
 */
import { BalaghReportElement } from './balagh-report-element.js';
import { defineBalaghReport } from './define-balagh-report.js';

defineBalaghReport();
globalThis.BalaghWidget = { BalaghReportElement, defineBalaghReport };

declare global {
  /** The script-tag build's global: the element and its registration. */
  var BalaghWidget: {
    readonly BalaghReportElement: typeof BalaghReportElement;
    readonly defineBalaghReport: typeof defineBalaghReport;
  };
}
