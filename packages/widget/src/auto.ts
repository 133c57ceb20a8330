/**
 * Registers `<balagh-report>` on import: the entry of the script-tag build
 * (`balagh-widget.iife.js`, whose global is `BalaghWidget`) and of `@balagh/widget/auto`.
 *
 * @packageDocumentation
 */
import { defineBalaghReport } from './define-balagh-report.js';

export { BalaghReportElement } from './balagh-report-element.js';
export { defineBalaghReport };

defineBalaghReport();
