import { type BalaghClient, createFetchClient } from '@balagh/client/fetch';
import {
  type AttributeValue,
  type ErrorCode,
  type LocalizedCategory,
  normalizeDigits,
  type PublicReportStatus,
  type ReportInput,
  type ReportReceipt,
} from '@balagh/core';
import { createElement as h } from './create-element.js';
import { downscaleImage } from './downscale-image.js';
import { type DevicePosition, locateDevice } from './locate-device.js';
import { type OfflineQueue, openOfflineQueue, type QueuedReport } from './offline-queue.js';
import { resolveWidgetLanguage } from './resolve-widget-language.js';
import { sendQueuedReports, sendReport } from './send-queued-reports.js';
import {
  formatString,
  WidgetMessage as M,
  statusName,
  type WidgetLanguage,
  type WidgetStringValues,
  widgetLanguages,
  widgetStringValues,
} from './strings/widget-strings.js';
import { toInternationalPhone } from './to-international-phone.js';
import type { BalaghReportEventMap, WidgetOperation } from './widget-events.js';
import { adoptWidgetStyles } from './widget-styles.js';

/** A message kept in state by its index, so it follows a change of language. */
type Message = readonly [message: M, value?: string | number];
type View = 'form' | 'receipt' | 'queued' | 'status';
type CategoryState = readonly LocalizedCategory[] | 'loading' | 'failed';
/** What a control holds, by the control's id (`description`, `attribute-{code}`, `code`...). */
type Values = Record<string, string | string[] | undefined>;

interface Connection {
  /** The service's absolute URL. */
  readonly base: string;
  readonly client: BalaghClient;
}

// Defined in Node too (server rendering imports the module), where there is no HTMLElement.
const Base = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;

let sharedQueue: OfflineQueue | undefined;
const queue = () => {
  sharedQueue ??= openOfflineQueue();
  return sharedQueue;
};

const codeOf = (error: unknown): ErrorCode => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? (code as ErrorCode) : 'INTERNAL';
};

const fold = (text: string | null | undefined) =>
  (text ?? '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

const randomKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');

const storage = (key: string, value?: unknown): unknown => {
  try {
    if (value !== undefined) localStorage.setItem(key, JSON.stringify(value));
    return JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    // Storage may be blocked (a sandboxed frame, a webview without it): the widget works without.
    return null;
  }
};

const missingBase = () => new Error('The api-base attribute is missing.');

/** Which field a server-side validation issue belongs to, by the first segment of its path. */
const issueFields: Readonly<Record<string, readonly [string, M]>> = {
  categoryCode: ['category', M.needValue],
  description: ['description', M.needValue],
  location: ['landmark', M.needLocation],
  reporter: ['phone', M.needPhone],
};

/** A button: `type="button"` when it has an action (see the click handler), else a submit button. */
const button = (
  id: string,
  label: string,
  action = true,
  properties?: Readonly<Record<string, unknown>>,
) => h('button', { type: action ? 'button' : 'submit', id, ...properties }, label);

/** An error message under a control, announced with it (`aria-describedby`). */
const errorText = (id: string | null, text: string) =>
  h('p', { id, class: 'error', part: 'error' }, text);

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
 * `inline`), `theme` (`light`, `dark` or `auto`), `default-lat` and `default-lng` (where the
 * report is when the device gives no position), `default-landmark`, `view` (`status` to start on
 * the status view), `report-number` and `tracking-token` (to fill it in, as the tracking link of
 * a receipt does), `phone-country-code` (put before national numbers, `966` by default),
 * `phone-optional`.
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

  readonly #shadow: ShadowRoot = this.attachShadow({ mode: 'open' });
  readonly #content = h('div');
  readonly #live = h('div', { class: 'sr', role: 'status' });
  #frame?: HTMLElement;
  #launcher?: HTMLButtonElement | undefined;
  #view: View = 'form';
  /** What the reporter typed or chose, by control id; it survives re-rendering. */
  #values: Values = {};
  /** Error messages of the form, by the id of their field. */
  #errors: Record<string, M> = {};
  /** The message under the form, the location button, and the status view. */
  #notes: { form?: Message; location?: Message; status?: Message } = {};
  #position?: DevicePosition | undefined;
  #photo?: { readonly blob: Blob; readonly url: string } | undefined;
  /** The number and token of the report shown, as they were when it was found. */
  #ref?: { readonly number: string; readonly token: string };
  #report: PublicReportStatus | undefined;
  #busy = false;
  #started = false;
  readonly #categories = new Map<WidgetLanguage, CategoryState>();
  #receipt?: ReportReceipt;
  #queuedId?: string;
  #api?: Connection | undefined;
  readonly #online = () => {
    void this.sendQueued();
    if (this.#categories.get(this.#language) === 'failed') this.#loadCategories(true);
  };

  constructor() {
    super();
    // One listener per kind of event for every control: a re-render replaces the controls, and
    // what they hold lives in #values, by id.
    const shadow = this.#shadow;
    shadow.addEventListener('input', (event) => {
      const control = event.target as HTMLInputElement & HTMLSelectElement;
      this.#values[control.id] = control.multiple
        ? Array.from(control.selectedOptions, (option) => option.value)
        : control.value;
      if (control.id === 'search') this.#filter();
    });
    shadow.addEventListener('change', (event) => {
      const control = event.target as HTMLInputElement;
      if (control.id === 'language') this.setAttribute('lang', control.value);
      if (control.id === 'photo') void this.#pickPhoto(control);
      if (control.name === 'category') {
        this.#values.category = control.value;
        delete this.#errors.category;
        this.#render();
      }
    });
    shadow.addEventListener('keydown', (event) => {
      const { key, target } = event as KeyboardEvent;
      if (key === 'Enter' && (target as Element).id === 'search') event.preventDefault();
    });
    shadow.addEventListener('submit', (event) => {
      event.preventDefault();
      const id = (event.target as HTMLFormElement).id;
      void (id === 'report'
        ? this.#submit()
        : id === 'lookup'
          ? this.#lookupStatus()
          : this.#confirm());
    });
    shadow.addEventListener('click', (event) => {
      const control = (event.target as Element).closest('button');
      if (control?.type !== 'button') return;
      const id = control.id;
      if (id === 'launcher') this.open();
      if (id === 'close') this.close();
      if (id === 'retry') this.#loadCategories(true);
      if (id === 'locate') void this.#locate();
      if (id === 'check') void this.#lookupStatus();
      if (id === 'not-fixed') void this.#reopen();
      if (id === 'remove-photo') {
        this.#photo = undefined;
        this.#show('form', 'photo');
      }
      if (id === 'switch' || id === 'again') {
        if (this.#view === 'form') this.#show('status', 'number');
        else this.#show('form', 'search');
      }
    });
  }

  /** Opens the modal dialog (in `button` mode; nothing happens `inline`). */
  open(): void {
    const frame = this.#frame;
    if (frame instanceof HTMLDialogElement && !frame.open) {
      this.#loadCategories();
      frame.showModal();
    }
  }

  /** Closes the modal dialog; what was typed stays for the next time it opens. */
  close(): void {
    if (this.#frame instanceof HTMLDialogElement) this.#frame.close();
  }

  /**
   * Sends the reports waiting in this device's queue for this element's service, as the element
   * does by itself when it connects and on the window's `online` event. Call it when the app
   * knows better (a webview told by its native app that the network is back). Answers how many
   * were sent.
   */
  async sendQueued(): Promise<number> {
    const api = this.#client();
    if (api === undefined || globalThis.indexedDB === undefined) return 0;
    try {
      return await sendQueuedReports({
        queue: queue(),
        client: api.client,
        apiBase: api.base,
        onSent: (report, receipt) => this.#accept(receipt, report, true),
        onDropped: (_report, error) => this.#emitError('submit', error),
      });
    } catch (error) {
      this.#emitError('submit', error);
      return 0;
    }
  }

  /** Renders the element and sends the reports left in the queue; called by the browser. */
  connectedCallback(): void {
    if (!this.#started) {
      this.#started = true;
      this.#values.landmark = this.#attribute('default-landmark') ?? '';
      const last = storage(`balagh-widget:${this.#client()?.base}`) as Values | null;
      this.#values.number = last?.number;
      this.#values.token = last?.token;
      this.#applyStatusAttributes();
    }
    this.#build();
    addEventListener('online', this.#online);
    void this.sendQueued();
  }

  /** Stops listening to the window; called by the browser. */
  disconnectedCallback(): void {
    removeEventListener('online', this.#online);
  }

  /** Applies a changed attribute (a new language re-renders, keeping what was typed); called by the browser. */
  attributeChangedCallback(name: string, previous: string | null, value: string | null): void {
    if (!this.#started || previous === value) return;
    if (name === 'mode') {
      this.#build();
      return;
    }
    if (name.startsWith('api')) {
      this.#categories.clear();
      this.#api = undefined;
    } else if (name !== 'lang') this.#applyStatusAttributes();
    this.#render();
    if (this.#frame?.matches('[open],section')) this.#loadCategories();
  }

  // A tracking page (`/track/{number}?token=…`) opens on the status view with both filled in.
  #applyStatusAttributes(): void {
    const number = this.#attribute('report-number');
    const token = this.#attribute('tracking-token');
    if (number !== null) this.#values.number = number;
    if (token !== null) this.#values.token = token;
    if (this.#attribute('view') === 'status') this.#view = 'status';
  }

  #attribute(name: string): string | null {
    return this.getAttribute(name);
  }

  /** A text the reporter typed, or `''`. */
  #text(id: string): string {
    return String(this.#values[id] ?? '');
  }

  get #language(): WidgetLanguage {
    return resolveWidgetLanguage([
      this.#attribute('lang'),
      this.closest('[lang]')?.getAttribute('lang'),
      ...(globalThis.navigator?.languages ?? []),
    ]);
  }

  get #strings(): WidgetStringValues {
    return widgetStringValues[this.#language];
  }

  /** The client of the service `api-base` names (made again when `api-base` or `api-key` change). */
  #client(): Connection | undefined {
    const base = this.#attribute('api-base');
    try {
      if (base !== null) {
        const baseUrl = new URL(base, document.baseURI).href;
        this.#api ??= {
          base: baseUrl,
          client: createFetchClient({
            baseUrl,
            apiKey: this.#attribute('api-key') ?? undefined,
            retry: 2,
          }),
        };
        return this.#api;
      }
    } catch {
      // Not a URL: the element behaves as without `api-base`.
    }
  }

  #build(): void {
    const inline = this.#attribute('mode') === 'inline';
    const panel = h(
      'section',
      { class: 'panel', part: 'panel', 'aria-labelledby': inline && 'title' },
      this.#content,
      this.#live,
    );
    this.#launcher = inline
      ? undefined
      : h('button', {
          type: 'button',
          id: 'launcher',
          class: 'primary',
          part: 'launcher',
          'aria-haspopup': 'dialog',
        });
    this.#frame = inline
      ? panel
      : h(
          'dialog',
          { part: 'dialog', 'aria-labelledby': 'title', onclose: () => this.#launcher?.focus() },
          panel,
        );
    this.#shadow.replaceChildren(...(this.#launcher ? [this.#launcher] : []), this.#frame);
    adoptWidgetStyles(this.#shadow);
    this.#render();
    if (inline) this.#loadCategories();
  }

  #loadCategories(again = false): void {
    const language = this.#language;
    const api = this.#client();
    if (this.#categories.has(language) && !again) return;
    const cacheKey = `balagh-widget:categories:${api?.base}:${language}`;
    this.#categories.set(language, 'loading');
    (api ? api.client.listCategories(language) : Promise.reject(missingBase()))
      .then((categories) => {
        storage(cacheKey, categories);
        return categories;
      })
      .catch((error: unknown) => {
        this.#emitError('categories', error);
        // Offline, the categories seen last time still let the reporter queue a report.
        return (storage(cacheKey) as LocalizedCategory[] | null) ?? 'failed';
      })
      .then((state) => {
        this.#categories.set(language, state);
        if (this.#language === language) this.#render();
      });
  }

  #emit<Name extends keyof BalaghReportEventMap>(
    name: Name,
    detail: BalaghReportEventMap[Name]['detail'],
  ): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  #emitError(operation: WidgetOperation, error: unknown): void {
    this.#emit('balagh:error', { operation, code: codeOf(error) });
  }

  #say(message: string): void {
    this.#live.textContent = '';
    // A changed text is announced; clearing first lets the same message be announced again.
    setTimeout(() => {
      this.#live.textContent = message;
    }, 100);
  }

  #message([message, value = '']: Message): string {
    return formatString(this.#strings[message], value);
  }

  #focus(id: string): void {
    const element = this.#shadow.getElementById(id);
    (element?.matches('input,select,textarea,button,[tabindex]')
      ? element
      : element?.querySelector('input')
    )?.focus();
  }

  /** Shows a view (the current one by default), focuses a control of it, announces a message. */
  #show(view = this.#view, focus?: string, message?: string): void {
    this.#view = view;
    this.#render();
    if (focus) this.#focus(focus);
    if (message !== undefined) this.#say(message);
  }

  #render(): void {
    const language = this.#language;
    const t = widgetStringValues[language];
    const view = this.#view;
    if (this.#frame === undefined) return;
    this.setAttribute('dir', language === 'ar' || language === 'ur' ? 'rtl' : 'ltr');
    // Re-rendering replaces the controls: the focus goes back to the one with the same id.
    const focused = this.#shadow.activeElement?.id;
    const toForm = button('again', t[M.open]);
    this.#content.lang = language;
    this.#content.replaceChildren(
      h(
        'header',
        { part: 'header' },
        h('h2', { id: 'title', part: 'title' }, t[view === 'status' ? M.track : M.open]),
        h(
          'select',
          { id: 'language', part: 'language', 'aria-label': t[M.language] },
          widgetLanguages.map((code) =>
            h(
              'option',
              { value: code, lang: code, selected: code === language },
              widgetStringValues[code][M.languageName],
            ),
          ),
        ),
        this.#launcher && button('close', '×', true, { part: 'close', 'aria-label': t[M.close] }),
      ),
      ...(view === 'form'
        ? [this.#formView(t), button('switch', t[M.track])]
        : view === 'status'
          ? [this.#statusView(t), button('switch', t[M.open])]
          : view === 'queued'
            ? [h('p', { id: 'done', tabindex: -1, autofocus: true }, t[M.queued]), toForm]
            : this.#receiptView(t, toForm)),
    );
    if (this.#launcher) {
      this.#launcher.textContent = t[M.open];
      this.#launcher.lang = language;
    }
    this.#filter();
    if (focused) this.#focus(focused);
  }

  /**
   * A labelled control with its hint and its error, tied to it for assistive technologies. A
   * text control (`input`, `textarea`) shows what the reporter typed in it.
   */
  #field(
    id: string,
    label: string,
    control: HTMLElement | 'input' | 'textarea',
    properties?: Readonly<Record<string, unknown>> | null,
    hint?: string,
    error: Message | false | undefined = id in this.#errors && [this.#errors[id] as M],
  ): HTMLElement {
    const element =
      typeof control === 'string'
        ? h(control, { id, value: this.#text(id), ...properties })
        : control;
    const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
    if (described) element.setAttribute('aria-describedby', described);
    if (error) element.setAttribute('aria-invalid', 'true');
    element.setAttribute('part', 'input');
    return h(
      'div',
      { class: 'field', part: 'field' },
      h('label', { for: id }, label),
      element,
      hint && h('p', { id: `${id}-hint`, class: 'hint' }, hint),
      error && errorText(`${id}-error`, this.#message(error)),
    );
  }

  #filter(): void {
    const query = fold(this.#text('search').trim());
    let found = false;
    for (const group of this.#shadow.querySelectorAll<HTMLElement>('.choices fieldset')) {
      const groupName = fold(group.querySelector('legend')?.textContent);
      let groupFound = false;
      for (const choice of group.querySelectorAll<HTMLElement>('.choice')) {
        choice.hidden = !`${groupName} ${fold(choice.textContent)}`.includes(query);
        groupFound ||= !choice.hidden;
      }
      group.hidden = !groupFound;
      found ||= groupFound;
    }
    const none = this.#shadow.getElementById('no-match');
    if (none) none.hidden = found;
  }

  #formView(t: WidgetStringValues): HTMLElement {
    const state = this.#categories.get(this.#language) ?? 'loading';
    const categories = Array.isArray(state) ? (state as readonly LocalizedCategory[]) : [];
    const chosen = this.#values.category;
    const category = categories.find((item) => item.code === chosen);
    const groups = new Map<string, LocalizedCategory[]>();
    for (const item of categories) {
      groups.set(item.groupName, [...(groups.get(item.groupName) ?? []), item]);
    }
    const categoryError = this.#errors.category;
    const { form: note, location } = this.#notes;
    const photo = this.#photo;
    return h(
      'form',
      { id: 'report', part: 'form', novalidate: true },
      h(
        'fieldset',
        { id: 'category', part: 'categories' },
        h('legend', null, t[M.category]),
        h('input', {
          type: 'search',
          id: 'search',
          part: 'input',
          'aria-label': t[M.search],
          placeholder: t[M.search],
          value: this.#text('search'),
          autofocus: Boolean(this.#launcher),
        }),
        categoryError !== undefined && errorText('category-error', t[categoryError]),
        state === 'failed'
          ? h('p', null, t[M.failed], ' ', button('retry', t[M.retry]))
          : state === 'loading'
            ? h('p', null, t[M.loading])
            : h(
                'div',
                { class: 'choices', part: 'choices' },
                [...groups].map(([groupName, items]) =>
                  h(
                    'fieldset',
                    null,
                    h('legend', null, groupName),
                    items.map((item) =>
                      h(
                        'label',
                        { class: 'choice', part: 'choice' },
                        h('input', {
                          type: 'radio',
                          name: 'category',
                          id: `category-${item.code}`,
                          value: item.code,
                          checked: item.code === chosen,
                          'aria-describedby': categoryError !== undefined && 'category-error',
                        }),
                        item.name,
                      ),
                    ),
                  ),
                ),
                h('p', { id: 'no-match', hidden: true }, t[M.noMatch]),
              ),
      ),
      category?.attributes.map((attribute) => this.#attributeField(attribute)),
      this.#field('description', t[M.description], 'textarea', {
        required: true,
        maxlength: 4000,
        rows: 4,
      }),
      h(
        'fieldset',
        { part: 'location' },
        h('legend', null, t[M.location]),
        h(
          'div',
          { class: 'row' },
          button('locate', t[M.locate]),
          location && h('span', { id: 'location-note' }, this.#message(location)),
        ),
        this.#field('landmark', t[M.landmark], 'input', { maxlength: 200 }),
      ),
      photo
        ? h(
            'div',
            { class: 'row' },
            h('img', { src: photo.url, alt: '', part: 'photo' }),
            button('remove-photo', t[M.removePhoto]),
          )
        : this.#field(
            'photo',
            t[M.photo],
            h('input', { type: 'file', id: 'photo', accept: 'image/*' }),
          ),
      this.#field(
        'phone',
        t[M.phone],
        'input',
        {
          type: 'tel',
          autocomplete: 'tel',
          inputmode: 'tel',
          dir: 'ltr',
          required: !this.hasAttribute('phone-optional'),
        },
        t[M.phoneHint],
      ),
      note && errorText(null, this.#message(note)),
      button('send', t[this.#busy ? M.loading : M.send], false, {
        class: 'primary',
        part: 'submit',
        'aria-disabled': this.#busy && 'true',
      }),
    );
  }

  /**
   * The control of an Open311 attribute of the chosen category (`attribute-{code}`): a list for
   * the list datatypes (several choices for `multivaluelist`), else a text, number or date field.
   */
  #attributeField({
    code,
    datatype,
    description,
    required,
    values = [],
  }: LocalizedCategory['attributes'][number]): HTMLElement {
    const id = `attribute-${code}`;
    const multiple = datatype === 'multivaluelist';
    const value = this.#values[id];
    return datatype.endsWith('list')
      ? this.#field(
          id,
          description,
          h(
            'select',
            { id, multiple, required },
            !multiple && h('option', { value: '' }, ''),
            values.map(({ key, name }) =>
              h('option', { value: key, selected: [value].flat().includes(key) }, name),
            ),
          ),
        )
      : this.#field(id, description, datatype === 'text' ? 'textarea' : 'input', {
          type: datatype === 'datetime' ? 'datetime-local' : 'text',
          inputmode: datatype === 'number' && 'decimal',
          required,
        });
  }

  async #locate(): Promise<void> {
    const notes = this.#notes;
    notes.location = [M.loading];
    this.#show(undefined, undefined, this.#strings[M.loading]);
    const result = await locateDevice();
    const found = 'position' in result;
    if (found) {
      this.#position = result.position;
      delete this.#errors.landmark;
    }
    notes.location = found ? [M.located, result.position.accuracyMeters] : [M.locationFailed];
    this.#show(undefined, found ? '' : 'landmark', this.#message(notes.location));
  }

  async #pickPhoto(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (file === undefined) return;
    try {
      const { blob } = await downscaleImage(file);
      const url = await new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = () => reject(reader.error);
        reader.readAsDataURL(blob);
      });
      this.#photo = { blob, url };
      this.#show('form', 'remove-photo');
    } catch {
      input.value = '';
      this.#say(this.#strings[M.failed]);
    }
  }

  #location(): ReportInput['location'] {
    const landmark = this.#text('landmark').trim();
    const lat = Number.parseFloat(this.#attribute('default-lat') ?? '');
    const lng = Number.parseFloat(this.#attribute('default-lng') ?? '');
    const position =
      this.#position ?? (Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : {});
    if (!('lat' in position) && !landmark) return undefined;
    return { ...position, ...(landmark && { landmark }) };
  }

  /** Forgets the report just sent or queued; the phone number and the status view's stay. */
  #clearForm(): void {
    const { phone, number, token, code } = this.#values;
    this.#values = {
      phone,
      number,
      token,
      code,
      landmark: this.#attribute('default-landmark') ?? '',
    };
    this.#errors = {};
    this.#notes = { ...(this.#notes.status && { status: this.#notes.status }) };
    this.#position = this.#photo = undefined;
  }

  async #submit(): Promise<void> {
    const api = this.#client();
    if (this.#busy) return;
    const language = this.#language;
    const errors: Record<string, M> = {};
    const categories = this.#categories.get(language);
    const category = Array.isArray(categories)
      ? (categories as readonly LocalizedCategory[]).find(
          (item) => item.code === this.#values.category,
        )
      : undefined;
    if (category === undefined) errors.category = M.needValue;
    const attributes: Record<string, AttributeValue> = {};
    for (const { code, datatype, required } of category?.attributes ?? []) {
      const raw = this.#values[`attribute-${code}`] ?? '';
      const value = Array.isArray(raw) ? raw : raw.trim();
      const number = Number(normalizeDigits(String(value)));
      if (value.length === 0 || (datatype === 'number' && Number.isNaN(number))) {
        if (required || value.length > 0) errors[`attribute-${code}`] = M.needValue;
      } else {
        attributes[code] = datatype === 'number' ? number : value;
      }
    }
    const description = this.#text('description').trim();
    if (!description) errors.description = M.needValue;
    const location = this.#location();
    if (location === undefined) errors.landmark = M.needLocation;
    const typed = this.#text('phone');
    const phone = typed.trim()
      ? toInternationalPhone(typed, this.#attribute('phone-country-code') ?? undefined)
      : '';
    if (phone === undefined || (!phone && !this.hasAttribute('phone-optional'))) {
      errors.phone = M.needPhone;
    }
    this.#errors = errors;
    delete this.#notes.form;
    const [firstInvalid] = Object.keys(errors);
    if (firstInvalid !== undefined || category === undefined || location === undefined) {
      this.#show(
        undefined,
        firstInvalid === 'category' ? 'search' : firstInvalid,
        this.#strings[errors[`${firstInvalid}`] ?? M.failed],
      );
      return;
    }
    const input: ReportInput = {
      categoryCode: category.code,
      description,
      channel: 'web',
      language,
      location,
      ...(phone && { reporter: { phone, language } }),
      ...(Object.keys(attributes).length > 0 && { attributes }),
      submittedAt: new Date().toISOString(),
    };
    let report: QueuedReport = {
      id: randomKey(),
      apiBase: api?.base ?? '',
      input,
      queuedAt: input.submittedAt ?? '',
      ...(this.#photo && { photo: this.#photo.blob }),
    };
    this.#busy = true;
    this.#show(undefined, undefined, this.#strings[M.loading]);
    try {
      if (api === undefined) throw missingBase();
      if (globalThis.navigator?.onLine === false) {
        await this.#queue(report);
      } else {
        const receipt = await sendReport(api.client, report, (uploaded) => {
          report = uploaded;
        });
        this.#clearForm();
        this.#accept(receipt, report, false);
      }
    } catch (error) {
      const code = codeOf(error);
      if (api !== undefined && (code === 'NETWORK_ERROR' || code === 'TIMEOUT')) {
        await this.#queue(report);
      } else {
        this.#emitError('submit', error);
        const issue = (error as { errors?: { path?: string }[] } | null)?.errors?.[0]?.path ?? '';
        const [head = '', attribute] = issue.split('.');
        const [field, message]: readonly [string, M] =
          code === 'INVALID_PHONE'
            ? ['phone', M.needPhone]
            : head === 'attributes'
              ? [`attribute-${attribute}`, M.needValue]
              : (issueFields[head] ?? ['', M.failed]);
        if (field) this.#errors[field] = message;
        else this.#notes.form = [M.failed];
        this.#busy = false;
        this.#show(undefined, field, this.#strings[message]);
      }
    } finally {
      this.#busy = false;
    }
  }

  async #queue(report: QueuedReport): Promise<void> {
    const t = this.#strings;
    try {
      await queue().put(report);
    } catch (error) {
      this.#emitError('submit', error);
      this.#notes.form = [M.failed];
      this.#busy = false;
      this.#show('form', 'send', t[M.failed]);
      return;
    }
    this.#busy = false;
    this.#queuedId = report.id;
    this.#clearForm();
    this.#emit('balagh:queued', {
      categoryCode: report.input.categoryCode,
      language: report.input.language as WidgetLanguage,
    });
    this.#show('queued', 'done', t[M.queued]);
  }

  #accept(receipt: ReportReceipt, report: QueuedReport, queued: boolean): void {
    const { number, status, categoryCode } = receipt;
    const last = { number, token: receipt.trackingToken };
    const t = this.#strings;
    storage(`balagh-widget:${report.apiBase}`, last);
    Object.assign(this.#values, last);
    this.#emit('balagh:submitted', {
      number,
      status,
      categoryCode,
      language: report.input.language as WidgetLanguage,
      queued,
    });
    if (queued && (this.#view !== 'queued' || this.#queuedId !== report.id)) return;
    this.#receipt = receipt;
    this.#busy = false;
    this.#show('receipt', 'done', `${t[M.thanks]} ${t[M.number]}: ${number}`);
  }

  #receiptView(t: WidgetStringValues, again: HTMLElement): Node[] {
    const receipt = this.#receipt;
    again.className = 'primary';
    return receipt
      ? [
          h(
            'div',
            { part: 'receipt' },
            h('p', { id: 'done', tabindex: -1, autofocus: true }, t[M.thanks]),
            h(
              'p',
              null,
              t[M.number],
              h('br'),
              h(
                'span',
                { id: 'number', class: 'number', part: 'number', dir: 'ltr' },
                receipt.number,
              ),
            ),
            h(
              'div',
              { class: 'row' },
              receipt.trackingUrl &&
                h(
                  'a',
                  { href: receipt.trackingUrl, target: '_blank', rel: 'noopener', part: 'link' },
                  t[M.track],
                ),
              button('check', t[M.check]),
              again,
            ),
          ),
        ]
      : [];
  }

  #statusView(t: WidgetStringValues): HTMLElement {
    const report = this.#report;
    const note = this.#notes.status;
    const codeError = note && note[0] >= M.codeInvalid && note;
    const field = (id: 'number' | 'token' | 'code', label: M, error?: Message | false) =>
      this.#field(
        id,
        t[label],
        'input',
        {
          dir: 'ltr',
          autocomplete: id === 'code' ? 'one-time-code' : 'off',
          spellcheck: 'false',
          inputmode: id !== 'token' && 'numeric',
        },
        undefined,
        error,
      );
    const language = this.#language;
    return h(
      'div',
      null,
      h(
        'form',
        { id: 'lookup', novalidate: true },
        field('number', M.number),
        field('token', M.token),
        button('check', t[M.check], false, { class: 'primary' }),
      ),
      report &&
        h(
          'div',
          { part: 'status' },
          h(
            'p',
            null,
            t[M.status],
            ': ',
            h('strong', { id: 'status-value', tabindex: -1 }, statusName(t, report.status)),
          ),
          !['resolved', 'closed', 'rejected', 'duplicate'].includes(report.status) &&
            report.resolutionDueAt &&
            h(
              'p',
              null,
              formatString(
                t[M.due],
                new Intl.DateTimeFormat(language === 'ar' ? 'ar-SA' : language, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                }).format(new Date(report.resolutionDueAt)),
              ),
            ),
          report.awaitingConfirmation &&
            h(
              'form',
              { id: 'closure', novalidate: true },
              h('p', null, t[M.fixed]),
              field('code', M.code, codeError),
              h(
                'div',
                { class: 'row' },
                button('confirm', t[M.confirm], false, { class: 'primary' }),
                button('not-fixed', t[M.notFixed]),
              ),
            ),
        ),
      note &&
        !codeError &&
        h('p', { id: 'status-note', tabindex: -1, part: 'message' }, this.#message(note)),
    );
  }

  /**
   * Runs one call of the status view: busy while it runs, its outcome noted (a closure-code
   * message goes under the code field, any other under the status) and announced.
   */
  async #call(
    operation: WidgetOperation,
    work: (client: BalaghClient) => Promise<Message | undefined>,
    focus: string,
  ): Promise<void> {
    const api = this.#client();
    if (this.#busy) return;
    this.#busy = true;
    let note: Message | undefined;
    try {
      if (api === undefined) throw missingBase();
      note = await work(api.client);
    } catch (error) {
      this.#emitError(operation, error);
      note = [
        ['REPORT_NOT_FOUND', 'INVALID_REPORT_NUMBER', 'VALIDATION_FAILED'].includes(codeOf(error))
          ? M.notFound
          : M.failed,
      ];
      if (operation === 'status') this.#report = undefined;
    } finally {
      this.#busy = false;
    }
    if (note) this.#notes.status = note;
    else delete this.#notes.status;
    const report = this.#report;
    this.#show(
      'status',
      note ? (note[0] >= M.codeInvalid ? 'code' : 'status-note') : focus,
      note ? this.#message(note) : report ? statusName(this.#strings, report.status) : '',
    );
  }

  #setReport(
    report: PublicReportStatus,
    event: 'balagh:status' | 'balagh:confirmed' | 'balagh:reopened',
  ): void {
    const { number, status, awaitingConfirmation } = report;
    this.#report = report;
    this.#emit(event, { number, status, awaitingConfirmation });
  }

  #lookupStatus(): Promise<void> {
    const ref = {
      number: normalizeDigits(this.#text('number')).trim(),
      token: this.#text('token').trim(),
    };
    Object.assign(this.#values, ref, { code: '' });
    return this.#call(
      'status',
      async (client) => {
        this.#setReport(await client.getReportStatus(ref), 'balagh:status');
        this.#ref = ref;
        return undefined;
      },
      'status-value',
    );
  }

  #confirm(): Promise<void> {
    const code = normalizeDigits(this.#text('code')).replace(/[\s\u2010-\u2015-]/g, '');
    const ref = this.#ref;
    return this.#call(
      'confirm',
      async (client) => {
        if (!/^\d{7}$/.test(code) || ref === undefined) return [M.codeMalformed];
        const { outcome, report, attemptsLeft = 0 } = await client.confirmClosure(ref, code);
        this.#report = report;
        if (outcome === 'valid') {
          this.#values.code = '';
          this.#setReport(report, 'balagh:confirmed');
          return [M.confirmed];
        }
        this.#emit('balagh:error', {
          operation: 'confirm',
          code: `CLOSURE_CODE_${outcome.toUpperCase()}` as ErrorCode,
        });
        return outcome === 'invalid'
          ? [M.codeInvalid, attemptsLeft]
          : [outcome === 'malformed' ? M.codeMalformed : M.codeLocked];
      },
      'status-note',
    );
  }

  #reopen(): Promise<void> {
    const ref = this.#ref;
    return this.#call(
      'reopen',
      async (client) => {
        if (ref === undefined) return [M.notFound];
        this.#setReport(await client.reopenReport(ref), 'balagh:reopened');
        return [M.reopened];
      },
      'status-note',
    );
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
