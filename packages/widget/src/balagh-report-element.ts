import { createElement as h } from './create-element.js';
import { loadCategories } from './load-categories.js';
import { locateReporter } from './locate-reporter.js';
import { closeDialog, mountWidget, openDialog } from './mount-widget.js';
import { pickPhoto } from './pick-photo.js';
import { widgetLanguageOf } from './resolve-widget-language.js';
import { confirmClosureCode, lookupStatus, reopenReport } from './status-actions.js';
import { lastReportKey, sendWidgetQueue, submitReportForm } from './submit-report-form.js';
import { filterCategories } from './views/category-picker.js';
import { renderWidget, showView } from './views/render-widget.js';
import type { WidgetContext } from './widget-context.js';
import type { BalaghReportEventMap } from './widget-events.js';
import { widgetService } from './widget-service.js';
import { widgetStorage } from './widget-storage.js';

// Defined in Node too (server rendering imports the module), where there is no HTMLElement.
const Base = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;

const switchView = (c: WidgetContext) =>
  c.view_ === 'form' ? showView(c, 'status', 'number') : showView(c, 'form', 'search');

/** What submitting a form or clicking a `type="button"` button does, by the form's or button's id. */
const actions: Readonly<Record<string, (c: WidgetContext) => unknown>> = {
  report: submitReportForm,
  lookup: lookupStatus,
  closure: confirmClosureCode,
  launcher: openDialog,
  close: closeDialog,
  retry: (c) => loadCategories(c, true),
  locate: locateReporter,
  check: lookupStatus,
  'not-fixed': reopenReport,
  'remove-photo': (c) => {
    c.photo_ = undefined;
    showView(c, 'form', 'photo');
  },
  switch: switchView,
  again: switchView,
};

/**
 * `<balagh-report>`: the report form of a municipality's intake service, for any page or webview.
 * It lists the service's categories in the reporter's language, takes a description, the
 * location (from the device, or a typed landmark), an optional photo (downscaled on the device
 * before upload) and a mobile number, submits the report and shows its number and tracking link.
 * A status view finds a report by number and tracking code and lets the reporter confirm the
 * fix with the closure code, or say it is not fixed. A report submitted without network waits
 * in IndexedDB and is sent, once, when the network returns.
 *
 * Attributes: `api-base` (the service's URL, absolute or relative to the page), `api-key` (an
 * `integration` key), `lang` (`ar`, `en`, `ur`, `hi`, `id` or `ms`; otherwise the page's or the
 * browser's language), `mode` (`button`, the default: a button opening a modal dialog; or
 * `inline`), `default-lat` and `default-lng` (where the report is when the device gives no
 * position), `default-landmark`, `view` (`status` to start on the status view), `report-number`
 * and `tracking-token` (to fill it in, as the tracking link of a receipt does),
 * `phone-country-code` (put before national numbers, `966` by default), `phone-optional`.
 *
 * Its state lives in a `WidgetContext` that the views draw and the actions change; this
 * class wires the browser's callbacks and the events of its controls to them.
 *
 * Events: see {@link BalaghReportEventMap}. Styling: custom properties (`--balagh-accent`,
 * `--balagh-background`...) and parts (`launcher`, `dialog`, `panel`, `submit`...), in
 * docs/widget.md.
 *
 * @example
 * ```html
 * <script src="https://reports.example.gov.sa/widget/balagh-widget.js" defer></script>
 * <balagh-report api-base="https://reports.example.gov.sa" api-key="blg_…" lang="ar"></balagh-report>
 * ```
 */
export class BalaghReportElement extends Base {
  /** The attributes whose changes the element reacts to at once. */
  static readonly observedAttributes = [
    'lang',
    'mode',
    'api-base',
    'api-key',
    'view',
    'report-number',
    'tracking-token',
  ];

  readonly #context: WidgetContext;
  readonly #online = () => {
    void this.sendQueued();
    const c = this.#context;
    if (c.categories_.get(widgetLanguageOf(this)) === 'failed') loadCategories(c, true);
  };

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    const c: WidgetContext = {
      host_: this,
      shadow_: shadow,
      content_: h('div'),
      live_: h('div', { class: 'sr', role: 'status' }),
      view_: 'form',
      values_: {},
      notes_: {},
      busy_: false,
      categories_: new Map(),
    };
    this.#context = c;
    // One listener per kind of event for every control: a re-render replaces the controls, and
    // what they hold lives in the context, by id.
    shadow.addEventListener('input', ({ target }) => {
      const control = target as HTMLInputElement & HTMLSelectElement;
      // The file input's value is a fake path no re-render may set: the photo lives in `photo_`.
      if (control.id === 'photo') return;
      c.values_[control.id] = control.multiple
        ? Array.from(control.selectedOptions, (option) => option.value)
        : control.value;
      if (control.id === 'search') filterCategories(c);
    });
    // Radio buttons, the language list and the file input report their choice on `change`, which
    // every browser fires for them (not all fire `input`).
    shadow.addEventListener('change', ({ target }) => {
      const control = target as HTMLInputElement;
      const { id, value } = control;
      if (id === 'language') this.setAttribute('lang', value);
      if (id === 'photo') void pickPhoto(c, control);
      if (control.name === 'category') {
        c.values_.category = value;
        c.notes_.category = undefined;
        renderWidget(c);
      }
    });
    shadow.addEventListener('submit', (event) => {
      event.preventDefault();
      actions[(event.target as HTMLFormElement).id]?.(c);
    });
    shadow.addEventListener('click', ({ target }) => {
      const control = (target as Element).closest('button');
      if (control?.type === 'button') actions[control.id]?.(c);
    });
  }

  /** Opens the modal dialog (in `button` mode; nothing happens `inline`). */
  open(): void {
    openDialog(this.#context);
  }

  /** Closes the modal dialog; what was typed stays for the next time it opens. */
  close(): void {
    closeDialog(this.#context);
  }

  /**
   * Sends the reports waiting in this device's queue for this element's service, as the element
   * does by itself when it connects and on the window's `online` event. Call it when the app
   * knows better (a webview told by its native app that the network is back). Answers how many
   * were sent.
   */
  sendQueued(): Promise<number> {
    return sendWidgetQueue(this.#context);
  }

  /** Renders the element and sends the reports left in the queue; called by the browser. */
  connectedCallback(): void {
    const c = this.#context;
    // The first time: what the attributes and the device give the form and the status view.
    if (!c.frame_) {
      c.values_.landmark = this.getAttribute('default-landmark') ?? '';
      // The number and token of the last report sent from this device, for the status view.
      Object.assign(c.values_, widgetStorage(lastReportKey(widgetService(c)?.base_)));
      this.#applyStatusAttributes();
    }
    mountWidget(c);
    addEventListener('online', this.#online);
    void this.sendQueued();
  }

  /** Stops listening to the window; called by the browser. */
  disconnectedCallback(): void {
    removeEventListener('online', this.#online);
  }

  /** Applies a changed attribute (a new language re-renders, keeping what was typed); called by the browser. */
  attributeChangedCallback(name: string, previous: string | null, value: string | null): void {
    const c = this.#context;
    if (!c.frame_ || previous === value) return;
    if (name === 'mode') {
      mountWidget(c);
      return;
    }
    if (name.startsWith('api')) {
      c.categories_.clear();
      c.service_ = undefined;
    } else if (name !== 'lang') this.#applyStatusAttributes();
    renderWidget(c);
    if (c.frame_.matches('[open],section')) loadCategories(c);
  }

  // A tracking page (`/track/{number}?token=…`) opens on the status view with both filled in.
  #applyStatusAttributes(): void {
    const c = this.#context;
    const number = this.getAttribute('report-number');
    const token = this.getAttribute('tracking-token');
    if (number !== null) c.values_.number = number;
    if (token !== null) c.values_.token = token;
    if (this.getAttribute('view') === 'status') c.view_ = 'status';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'balagh-report': BalaghReportElement;
  }
  interface GlobalEventHandlersEventMap {
    'balagh:submitted': BalaghReportEventMap['balagh:submitted'];
    'balagh:queued': BalaghReportEventMap['balagh:queued'];
    'balagh:error': BalaghReportEventMap['balagh:error'];
    'balagh:status': BalaghReportEventMap['balagh:status'];
    'balagh:confirmed': BalaghReportEventMap['balagh:confirmed'];
    'balagh:reopened': BalaghReportEventMap['balagh:reopened'];
  }
}
