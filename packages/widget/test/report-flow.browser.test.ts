import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { widgetLanguages, widgetStrings } from '../src/index.js';
import { exifMarker, generatePng, withExif } from './support/generate-images.js';
import { launchBrowser } from './support/launch-browser.js';
import { type IntakeServer, startIntakeServer } from './support/start-intake-server.js';
import { boxOf, openWidgetTab, type WidgetTab } from './support/widget-driver.js';
import { startWidgetPage, type WidgetAttributes, type WidgetPage } from './support/widget-page.js';

// The widget's script-tag bundle, on a page of another origin, against the real intake service.

const artifacts = new URL('../test-artifacts/', import.meta.url);
const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: new URL(`${name}.png`, artifacts).pathname });

let server: IntakeServer;
let site: WidgetPage;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [server, browser] = await Promise.all([startIntakeServer(), launchBrowser()]);
  site = await startWidgetPage(server.url);
  await mkdir(artifacts, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
});

async function open(
  attributes: WidgetAttributes,
  options: Parameters<Browser['newContext']>[0] = {},
  guide = false,
): Promise<WidgetTab> {
  await context?.close();
  context = await browser.newContext(options);
  return openWidgetTab(
    context,
    site.url({ 'api-base': server.url, 'api-key': server.widgetKey, ...attributes }, { guide }),
  );
}

async function latestReport() {
  const [stored] = await server.reports();
  if (stored === undefined) throw new Error('No report was stored.');
  return stored.report;
}

/** The id of the element focused inside the widget's shadow root. */
const focusedId = (page: Page) =>
  page.evaluate(() => document.querySelector('balagh-report')?.shadowRoot?.activeElement?.id ?? '');

describe('a report from the widget', () => {
  it('takes a report in Arabic, laid out right to left, with the device location', async () => {
    const { page, widget, errors, events } = await open(
      { lang: 'ar' },
      {
        permissions: ['geolocation'],
        geolocation: { latitude: 21.4187, longitude: 39.8716, accuracy: 12 },
      },
    );
    await widget.getByRole('button', { name: 'الإبلاغ عن مشكلة' }).click();
    await widget.getByRole('radio', { name: 'إنارة الشوارع' }).check();
    expect(await widget.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    expect(await widget.getAttribute('dir')).toBe('rtl');
    // Mirrored, not only right-aligned: the close button ends the header on the left, each
    // radio button stands on the right of its label, the submit button starts on the right.
    const dialog = await boxOf(widget.getByRole('dialog'));
    const close = await boxOf(widget.getByRole('button', { name: 'إغلاق' }));
    const title = await boxOf(widget.locator('#title'));
    expect(close.right).toBeLessThan(title.left);
    expect(close.left - dialog.left).toBeLessThan(dialog.right - title.right + 1);
    const radio = await boxOf(widget.locator('#category-street_lighting'));
    const choice = await boxOf(
      widget.locator('.choice', { has: page.locator('#category-street_lighting') }),
    );
    expect(choice.right - radio.right).toBeLessThan(radio.left - choice.left);

    await widget.getByLabel('صف المشكلة').fill('عمود الإنارة مطفأ عند مخيم منى ٤٢');
    await widget.getByRole('button', { name: 'استخدام موقعي' }).click();
    await expect.poll(() => widget.locator('#location-note').textContent()).toContain('±12');
    await widget.getByLabel('رقم الجوال').fill('٠٥١ ٢٣٤ ٥٦٧٨');
    await widget.getByRole('button', { name: 'إرسال البلاغ' }).click();
    await expect.poll(() => widget.locator('#number').textContent()).toMatch(/^\d{4}-\d{6}-\d$/);
    const send = await boxOf(widget.getByRole('button', { name: 'الإبلاغ عن مشكلة' }).last());
    expect(send.right).toBeGreaterThan((dialog.left + dialog.right) / 2);
    await screenshot(page, 'ar-receipt');

    const report = await latestReport();
    expect(await widget.locator('#number').textContent()).toBe(report.number);
    expect(report).toMatchObject({
      categoryCode: 'street_lighting',
      description: 'عمود الإنارة مطفأ عند مخيم منى ٤٢',
      language: 'ar',
      channel: 'web',
      reporter: { phone: '+966512345678' },
      location: { lat: 21.4187, lng: 39.8716, accuracyMeters: 12 },
    });
    const receipt = widget.getByRole('link', { name: 'متابعة بلاغ' });
    expect(await receipt.getAttribute('href')).toMatch(
      new RegExp(`/track/${report.number}\\?token=`),
    );
    expect(await events()).toEqual([
      {
        type: 'balagh:submitted',
        detail: {
          number: report.number,
          status: 'received',
          categoryCode: 'street_lighting',
          language: 'ar',
          queued: false,
        },
      },
    ]);
    expect(errors).toEqual([]);
  });

  it('takes a report in Urdu with a typed landmark when the location is refused', async () => {
    const { page, widget, errors } = await open({ lang: 'ur' });
    await widget.getByRole('button', { name: 'مسئلے کی اطلاع دیں' }).click();
    expect(await widget.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    await widget.getByRole('searchbox').fill('کچرا');
    // The search narrows the list to the one category that mentions rubbish.
    await expect.poll(() => widget.getByRole('radio').count()).toBe(1);
    await widget.getByRole('radio', { name: 'سڑکوں کی صفائی اور کچرا' }).check();
    await widget.getByLabel('مسئلے کی تفصیل لکھیں').fill('گلی میں کچرا جمع ہے');
    await widget.getByRole('button', { name: 'میرا مقام استعمال کریں' }).click();
    await expect
      .poll(() => widget.locator('#location-note').textContent())
      .toBe(widgetStrings.ur.locationFailed);
    expect(await focusedId(page)).toBe('landmark');
    await page.keyboard.type('منیٰ کیمپ 42');
    await widget.getByLabel('موبائل نمبر').fill('+92 300 1234567');
    await screenshot(page, 'ur-form');
    await widget.getByRole('button', { name: 'رپورٹ بھیجیں' }).click();
    await expect.poll(() => widget.locator('#number').textContent()).toMatch(/^\d{4}-/);
    await screenshot(page, 'ur-receipt');
    expect(await latestReport()).toMatchObject({
      language: 'ur',
      description: 'گلی میں کچرا جمع ہے',
      location: { landmark: 'منیٰ کیمپ 42' },
      reporter: { phone: '+923001234567' },
    });
    expect((await latestReport()).location).not.toHaveProperty('lat');
    expect(errors).toEqual([]);
  });

  it('switches language at run time without losing what was typed, then reports in English', async () => {
    const { page, widget, errors } = await open({
      lang: 'en',
      mode: 'inline',
      'default-lat': '21.42',
      'default-lng': '39.83',
    });
    await widget.getByRole('radio', { name: 'Water leak' }).check();
    await widget.getByLabel('Describe the problem').fill('Water running down the street');
    await widget.getByLabel('Mobile number').fill('0512345678');
    for (const language of widgetLanguages) {
      await widget
        .getByRole('combobox', {
          name: widgetStrings[(await widget.getAttribute('lang')) as 'en'].language,
        })
        .selectOption(language);
      await expect
        .poll(() => widget.locator('#title').textContent())
        .toBe(widgetStrings[language].open);
      expect(await widget.evaluate((element) => getComputedStyle(element).direction)).toBe(
        language === 'ar' || language === 'ur' ? 'rtl' : 'ltr',
      );
      expect(await widget.locator('#description').inputValue()).toBe(
        'Water running down the street',
      );
      expect(await widget.locator('#phone').inputValue()).toBe('0512345678');
      expect(await widget.locator('#category-water_leak').isChecked()).toBe(true);
      await screenshot(page, `${language}-form`);
    }
    await widget.getByRole('combobox').selectOption('en');
    await widget.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => widget.locator('#number').textContent()).toMatch(/^\d{4}-/);
    await screenshot(page, 'en-receipt');
    expect(await latestReport()).toMatchObject({
      language: 'en',
      categoryCode: 'water_leak',
      location: { lat: 21.42, lng: 39.83 },
    });
    expect(errors).toEqual([]);
  });

  it('is usable with the keyboard alone, from the launcher to the report number', async () => {
    const { page, widget, errors } = await open({ lang: 'en' });
    const tabTo = async (id: string) => {
      for (let presses = 0; presses < 20 && (await focusedId(page)) !== id; presses += 1) {
        await page.keyboard.press('Tab');
        // Every stop shows where the focus is.
        const outline = await page.evaluate(() => {
          const active = document.querySelector('balagh-report')?.shadowRoot?.activeElement;
          return active ? getComputedStyle(active).outlineWidth : '3px';
        });
        expect(outline).toBe('3px');
      }
      expect(await focusedId(page)).toBe(id);
    };
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BALAGH-REPORT');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('search');
    await page.keyboard.type('light');
    await tabTo('category-street_lighting');
    await page.keyboard.press('Space');
    await tabTo('description');
    await page.keyboard.type('The lamp post at gate 79 is dark');
    await tabTo('landmark');
    await page.keyboard.type('Gate 79');
    await tabTo('phone');
    await page.keyboard.type('٠٥١٢٣٤٥٦٧٨');
    await tabTo('send');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('done');
    const number = await widget.locator('#number').textContent();
    expect(number).toBe((await latestReport()).number);
    expect(await latestReport()).toMatchObject({
      categoryCode: 'street_lighting',
      location: { landmark: 'Gate 79' },
    });
    await page.keyboard.press('Escape');
    await expect.poll(() => widget.getByRole('dialog').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BALAGH-REPORT');
    expect(errors).toEqual([]);
  });

  it('filters the categories on Enter in the search box, without sending the form', async () => {
    const { page, widget, events } = await open({ lang: 'en', mode: 'inline' });
    await expect.poll(() => widget.getByRole('radio').count()).toBeGreaterThan(1);
    const all = await widget.getByRole('radio').count();
    await widget.getByRole('searchbox').fill('water');
    await page.keyboard.press('Enter');
    await expect.poll(() => widget.getByRole('radio').count()).toBeLessThan(all);
    expect(await focusedId(page)).toBe('search');
    expect(await widget.getByRole('searchbox').inputValue()).toBe('water');
    // A submitted form would have marked its empty fields.
    expect(await widget.locator('[aria-invalid=true], .error').count()).toBe(0);
    expect(await events()).toEqual([]);
  });

  it('exposes the element and its registration as the BalaghWidget global', async () => {
    const { page } = await open({ lang: 'en' });
    const global = await page.evaluate(() => {
      const { BalaghWidget } = window as unknown as {
        BalaghWidget?: { BalaghReportElement?: unknown; defineBalaghReport?: unknown };
      };
      return {
        registered: BalaghWidget?.BalaghReportElement === customElements.get('balagh-report'),
        define: typeof BalaghWidget?.defineBalaghReport,
      };
    });
    expect(global).toEqual({ registered: true, define: 'function' });
  });

  it('tells which field is missing and moves the focus to it', async () => {
    const { page, widget } = await open({ lang: 'en', mode: 'inline' });
    const before = (await server.reports()).length;
    await widget.getByRole('radio', { name: 'Street lighting' }).check();
    await widget.getByRole('button', { name: 'Send report' }).click();
    expect(await focusedId(page)).toBe('description');
    expect(await widget.locator('#description').getAttribute('aria-invalid')).toBe('true');
    expect(await widget.locator('#description-error').textContent()).toBe(
      widgetStrings.en.needValue,
    );
    await expect
      .poll(() => widget.getByRole('status').textContent())
      .toBe(widgetStrings.en.needValue);
    await widget.getByLabel('Describe the problem').fill('Dark lamp');
    await widget.getByRole('button', { name: 'Send report' }).click();
    expect(await focusedId(page)).toBe('landmark');
    expect(await widget.locator('#landmark-error').textContent()).toBe(
      widgetStrings.en.needLocation,
    );
    expect(await server.reports()).toHaveLength(before);
  });

  it('finds no accessibility violations in any view, in Arabic and in English', async () => {
    const audit = async (page: Page) => {
      await page.addScriptTag({ url: '/axe.min.js' });
      return page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                context: unknown,
                options: unknown,
              ) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run(document, {
          runOnly: {
            type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
          },
        });
        return result.violations.map((violation) => ({
          id: violation.id,
          targets: violation.nodes.map((node) => node.target),
        }));
      });
    };
    for (const language of ['ar', 'en'] as const) {
      const t = widgetStrings[language];
      const { page, widget } = await open({ lang: language, 'default-landmark': 'Gate 1' });
      expect(await audit(page)).toEqual([]);
      await widget.getByRole('button', { name: t.open }).click();
      await widget.locator('#category-restaurant_hygiene').check();
      await widget.getByRole('button', { name: t.send }).click();
      expect(await widget.locator('[aria-invalid=true]').count()).toBeGreaterThan(0);
      expect(await audit(page)).toEqual([]);
      await widget.locator('#description').fill('Dirty kitchen');
      await widget.locator('#attribute-establishment_name').fill('Al Baik');
      await widget.locator('#phone').fill('0512345678');
      await widget.getByRole('button', { name: t.send }).click();
      await expect.poll(() => widget.locator('#number').isVisible()).toBe(true);
      expect(await audit(page)).toEqual([]);
      await widget.getByRole('button', { name: t.check }).click();
      await expect
        .poll(() => widget.locator('#status-value').textContent())
        .toBe(t.statuses.received);
      expect(await audit(page)).toEqual([]);
    }
  });

  it('downscales a large photo in the browser before uploading it', async () => {
    const { widget } = await open({ lang: 'en', mode: 'inline', 'default-landmark': 'Gate 1' });
    await widget.getByRole('radio', { name: 'Visual distortion' }).check();
    await widget.getByLabel('Describe the problem').fill('Graffiti on the wall');
    await widget.getByLabel('Photo (optional)').setInputFiles({
      name: 'wall.png',
      mimeType: 'image/png',
      buffer: generatePng(4000, 3000),
    });
    await expect
      .poll(() => widget.getByRole('button', { name: 'Remove photo' }).isVisible())
      .toBe(true);
    await widget.getByLabel('Mobile number').fill('0512345678');
    await widget.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => widget.locator('#number').textContent()).toMatch(/^\d{4}-/);
    const [attachment] = (await latestReport()).attachments;
    expect(attachment).toMatchObject({ contentType: 'image/jpeg', width: 1600, height: 1200 });
    const media = await server.service.readMedia(attachment?.mediaId ?? '');
    expect([media.width, media.height]).toEqual([1600, 1200]);
    expect([...media.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });

  it('strips the camera metadata of a photo before uploading it', async () => {
    const { page, widget } = await open({
      lang: 'en',
      mode: 'inline',
      'default-landmark': 'Gate 1',
    });
    const jpeg = await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 800;
      canvas.height = 600;
      const context = canvas.getContext('2d');
      if (context) {
        context.fillStyle = '#3a7';
        context.fillRect(0, 0, 800, 600);
      }
      const blob = await new Promise<Blob | null>((resolve) =>
        canvas.toBlob(resolve, 'image/jpeg'),
      );
      return Array.from(new Uint8Array(await (blob as Blob).arrayBuffer()));
    });
    const photo = withExif(Buffer.from(jpeg));
    expect(photo.includes(exifMarker)).toBe(true);
    await widget.getByRole('radio', { name: 'Visual distortion' }).check();
    await widget.getByLabel('Describe the problem').fill('Broken sign');
    await widget
      .getByLabel('Photo (optional)')
      .setInputFiles({ name: 'sign.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expect
      .poll(() => widget.getByRole('button', { name: 'Remove photo' }).isVisible())
      .toBe(true);
    await widget.getByLabel('Mobile number').fill('0512345678');
    await widget.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => widget.locator('#number').textContent()).toMatch(/^\d{4}-/);
    const [attachment] = (await latestReport()).attachments;
    const media = await server.service.readMedia(attachment?.mediaId ?? '');
    expect([media.width, media.height]).toEqual([800, 600]);
    expect(Buffer.from(media.bytes).includes(exifMarker)).toBe(false);
    expect(Buffer.from(media.bytes).includes('Exif')).toBe(false);
  });

  it('takes the theme and forwards the events as docs/widget.md shows', async () => {
    const { page, widget } = await open({ lang: 'en', 'default-landmark': 'Gate 1' }, {}, true);
    const launcher = widget.getByRole('button', { name: 'Report a problem' });
    expect(await launcher.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe(
      'rgb(122, 31, 92)',
    );
    expect(await launcher.evaluate((button) => getComputedStyle(button).boxShadow)).not.toBe(
      'none',
    );
    await launcher.click();
    await widget.locator('#category-pests').check();
    await widget.getByLabel('Describe the problem').fill('Rats near the bins');
    await widget.getByLabel('Mobile number').fill('0512345678');
    await widget.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => widget.locator('#number').isVisible()).toBe(true);
    const dataLayer = await page.evaluate(
      () => (window as unknown as { dataLayer: unknown[] }).dataLayer,
    );
    expect(dataLayer).toEqual([
      {
        event: 'balagh:submitted',
        number: (await latestReport()).number,
        status: 'received',
        categoryCode: 'pests',
        language: 'en',
        queued: false,
      },
    ]);
    // What the page's analytics receive holds nothing personal.
    expect(JSON.stringify(dataLayer)).not.toMatch(/512345678|Rats|Gate 1/);
  });

  it('gives every control a target of at least 44 by 44 pixels', async () => {
    const { widget } = await open({ lang: 'ur' });
    await widget.getByRole('button', { name: widgetStrings.ur.open }).click();
    await widget.locator('#category-street_lighting').check();
    const small = await widget.evaluate((element) =>
      [
        ...(element.shadowRoot?.querySelectorAll(
          'button, select, textarea, input:not([type=radio]), .choice, a',
        ) ?? []),
      ]
        .map((control) => ({ control, box: control.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.width < 44 || box.height < 44))
        .map(
          ({ control, box }) => `${control.id || control.textContent}: ${box.width}×${box.height}`,
        ),
    );
    expect(small).toEqual([]);
  });
});
