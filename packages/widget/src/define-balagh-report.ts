import { BalaghReportElement } from './balagh-report-element.js';

/**
 * Registers the report element as `<balagh-report>` (or under another name, for a page that
 * already uses that one). Registering twice is harmless; outside a browser (server rendering)
 * it does nothing. `@balagh/widget/auto` and the script-tag build call it for you.
 *
 * @example
 * ```ts
 * import { defineBalaghReport } from '@balagh/widget';
 * defineBalaghReport();
 * document.body.append(Object.assign(document.createElement('balagh-report'), { lang: 'ur' }));
 * ```
 */
export function defineBalaghReport(tagName = 'balagh-report'): void {
  const registry = globalThis.customElements;
  if (!registry || registry.get(tagName)) return;
  // A constructor can be registered only once, so another name gets a subclass of its own.
  registry.define(
    tagName,
    tagName === 'balagh-report' ? BalaghReportElement : class extends BalaghReportElement {},
  );
}
