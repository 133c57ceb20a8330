import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { widgetStrings } from '../src/index.js';
import { generatePng } from './support/generate-images.js';
import { useWidgetSite } from './support/use-widget-site.js';
import { openWidgetTab, type WidgetTab } from './support/widget-driver.js';

// A report submitted without network waits in IndexedDB and reaches the real service once.

const t = widgetStrings.en;
const widgetSite = useWidgetSite();
let context: BrowserContext;

async function openInline(): Promise<WidgetTab> {
  context = await widgetSite.newContext();
  return openWidgetTab(
    context,
    widgetSite.page.url({
      'api-base': widgetSite.server.url,
      'api-key': widgetSite.server.widgetKey,
      lang: 'en',
      mode: 'inline',
    }),
  );
}

async function fillReport({ widget }: WidgetTab, description: string): Promise<void> {
  await widget.getByRole('radio', { name: 'Overflowing bins' }).check();
  await widget.getByLabel('Describe the problem').fill(description);
  await widget.getByLabel('Landmark or address').fill('Mina camp 42');
  await widget.getByLabel('Mobile number').fill('0512345678');
}

const queuedCount = (tab: WidgetTab) =>
  tab.page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('balagh-widget');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const count = request.result.transaction('reports').objectStore('reports').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );

const reportsDescribed = async (description: string) =>
  (await widgetSite.server.reports()).filter(({ report }) => report.description === description);

describe('the offline queue', () => {
  it('keeps a report made offline, with its photo, and sends it once when the network returns', async () => {
    const tab = await openInline();
    const { page, widget, events, errors } = tab;
    await fillReport(tab, 'Bins overflowing, sent from a dead zone');
    await widget.getByLabel('Photo (optional)').setInputFiles({
      name: 'bins.png',
      mimeType: 'image/png',
      buffer: generatePng(2400, 1800),
    });
    await expect
      .poll(() => widget.getByRole('button', { name: t.removePhoto }).isVisible())
      .toBe(true);
    await context.setOffline(true);
    await widget.getByRole('button', { name: t.send }).click();
    await expect.poll(() => widget.locator('#done').textContent()).toBe(t.queued);
    expect(await queuedCount(tab)).toBe(1);
    expect(await reportsDescribed('Bins overflowing, sent from a dead zone')).toEqual([]);
    expect(await events()).toEqual([
      { type: 'balagh:queued', detail: { categoryCode: 'overflowing_bins', language: 'en' } },
    ]);

    await context.setOffline(false);
    await expect.poll(() => widget.locator('#number').isVisible(), { timeout: 10_000 }).toBe(true);
    const [stored, ...more] = await reportsDescribed('Bins overflowing, sent from a dead zone');
    expect(more).toEqual([]);
    expect(await widget.locator('#number').textContent()).toBe(stored?.report.number);
    expect(stored?.report.attachments).toEqual([
      expect.objectContaining({ contentType: 'image/jpeg', width: 1600, height: 1200 }),
    ]);
    expect((await events()).at(-1)).toEqual({
      type: 'balagh:submitted',
      detail: {
        number: stored?.report.number,
        status: 'received',
        categoryCode: 'overflowing_bins',
        language: 'en',
        queued: true,
      },
    });
    expect(await queuedCount(tab)).toBe(0);

    // The next page load finds nothing left to send.
    await page.reload();
    await expect.poll(() => widget.getByRole('radio').count()).toBeGreaterThan(0);
    expect(await reportsDescribed('Bins overflowing, sent from a dead zone')).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('sends a report whose answers were lost again on the next page load, with the same key, and the service keeps one', async () => {
    const tab = await openInline();
    const { page, widget, events } = tab;
    const keys: string[] = [];
    // The service receives and stores the report, but every answer is lost on the way back.
    await page.route(`${widgetSite.server.url}/v1/reports`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push((await route.request().headerValue('idempotency-key')) ?? '');
      await route.fetch();
      await route.abort('connectionreset');
    });
    await fillReport(tab, 'Bins overflowing, the answer got lost');
    await widget.getByRole('button', { name: t.send }).click();
    await expect
      .poll(() => widget.locator('#done').textContent(), { timeout: 10_000 })
      .toBe(t.queued);
    expect(await reportsDescribed('Bins overflowing, the answer got lost')).toHaveLength(1);
    expect(keys.length).toBeGreaterThan(1);

    await page.unroute(`${widgetSite.server.url}/v1/reports`);
    await page.route(`${widgetSite.server.url}/v1/reports`, async (route) => {
      keys.push((await route.request().headerValue('idempotency-key')) ?? '');
      await route.continue();
    });
    await page.reload();
    await expect
      .poll(async () => (await events()).map((event) => event.type))
      .toEqual(['balagh:submitted']);
    const [stored, ...more] = await reportsDescribed('Bins overflowing, the answer got lost');
    expect(more).toEqual([]);
    expect((await events())[0]?.detail).toMatchObject({
      number: stored?.report.number,
      queued: true,
    });
    expect(new Set(keys).size).toBe(1);
    expect(await queuedCount(tab)).toBe(0);
  });
});
