/**
 * Registers `<balagh-report>` on import: the entry of `@balagh/widget/auto` (the script-tag
 * build's is `balagh-widget.ts`).
 *
 * @packageDocumentation
 */
import { defineBalaghReport } from './define-balagh-report.js';

export { BalaghReportElement } from './balagh-report-element.js';
export { defineBalaghReport };

defineBalaghReport();
