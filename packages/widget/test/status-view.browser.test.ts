import { createClient } from '@balagh/client';
import { dammCheckDigit, type ReportReceipt } from '@balagh/core';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { widgetStrings } from '../src/index.js';
import { useWidgetSite } from './support/use-widget-site.js';
import { openWidgetTab, type WidgetTab } from './support/widget-driver.js';
import type { WidgetAttributes } from './support/widget-page.js';

// The status view against the real service: reports resolved through the service, closure codes
// read from the notification the reporter was sent.

const widgetSite = useWidgetSite();
let context: BrowserContext;

function createReport(): Promise<ReportReceipt> {
  return createClient({
    baseUrl: widgetSite.server.url,
    apiKey: widgetSite.server.widgetKey,
  }).createReport({
    categoryCode: 'street_lighting',
    description: 'The lamp post at gate 79 is dark',
    channel: 'web',
    language: 'ar',
    location: { lat: 21.4225, lng: 39.8262 },
    reporter: { phone: '+966512345678' },
  });
}

async function openStatus(attributes: WidgetAttributes): Promise<WidgetTab> {
  context = await widgetSite.newContext();
  return openWidgetTab(
    context,
    widgetSite.page.url({
      'api-base': widgetSite.server.url,
      'api-key': widgetSite.server.widgetKey,
      mode: 'inline',
      ...attributes,
    }),
  );
}

const toArabicIndic = (digits: string) =>
  digits.replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit)));

describe('the status view', () => {
  it('confirms a fixed report with its closure code, after refusing a wrong one', async () => {
    const receipt = await createReport();
    // The SMS prints it `482 915-1`.
    const code = (await widgetSite.server.resolve(receipt.number)).replace(/\D/g, '');
    expect(code).toMatch(/^\d{7}$/);
    const t = widgetStrings.ar;
    const { page, widget, events, errors } = await openStatus({
      lang: 'ar',
      view: 'status',
      'report-number': receipt.number,
      'tracking-token': receipt.trackingToken,
    });
    await widget.getByRole('button', { name: t.check }).click();
    await expect
      .poll(() => widget.locator('#status-value').textContent())
      .toBe(t.statuses.resolved);

    // A wrong code whose check digit is right reaches the service and costs an attempt.
    const wrongStem = `${(Number(code[0]) + 1) % 10}${code.slice(1, 6)}`;
    await widget.getByLabel(t.code).fill(`${wrongStem}${dammCheckDigit(wrongStem)}`);
    await widget.getByRole('button', { name: t.confirm }).click();
    await expect.poll(() => widget.locator('#code-error').textContent()).toContain('4');
    expect(await widget.getByLabel(t.code).getAttribute('aria-invalid')).toBe('true');
    expect((await widgetSite.server.agent.getReport(receipt.number)).status).toBe('resolved');

    // The right one, typed in Arabic-Indic digits as printed in the SMS, closes the report.
    await widget
      .getByLabel(t.code)
      .fill(toArabicIndic(`${code.slice(0, 3)} ${code.slice(3, 6)}-${code.slice(6)}`));
    await widget.getByRole('button', { name: t.confirm }).click();
    await expect.poll(() => widget.locator('#status-note').textContent()).toBe(t.confirmed);
    expect(await widget.locator('#status-value').textContent()).toBe(t.statuses.closed);
    await page.screenshot({
      path: new URL('../test-artifacts/ar-status.png', import.meta.url).pathname,
    });
    const stored = await widgetSite.server.agent.getReport(receipt.number);
    expect([stored.status, stored.closedHow]).toEqual(['closed', 'confirmed']);
    expect((await events()).map(({ type, detail }) => [type, detail])).toEqual([
      ['balagh:status', { number: receipt.number, status: 'resolved', awaitingConfirmation: true }],
      ['balagh:error', { operation: 'confirm', code: 'CLOSURE_CODE_INVALID' }],
      [
        'balagh:confirmed',
        { number: receipt.number, status: 'closed', awaitingConfirmation: false },
      ],
    ]);
    expect(errors).toEqual([]);
  });

  it('sends a report back to the team when the reporter says it is not fixed', async () => {
    const receipt = await createReport();
    await widgetSite.server.resolve(receipt.number);
    const t = widgetStrings.en;
    const { widget, events } = await openStatus({ lang: 'en' });
    await widget.getByRole('button', { name: t.track }).click();
    await widget.getByLabel(t.number).fill(toArabicIndic(receipt.number));
    await widget.getByLabel(t.token).fill(receipt.trackingToken);
    await widget.getByRole('button', { name: t.check }).click();
    await expect
      .poll(() => widget.locator('#status-value').textContent())
      .toBe(t.statuses.resolved);
    await widget.getByRole('button', { name: t.notFixed }).click();
    await expect.poll(() => widget.locator('#status-note').textContent()).toBe(t.reopened);
    expect(await widget.locator('#status-value').textContent()).toBe(t.statuses.in_progress);
    expect((await widgetSite.server.agent.getReport(receipt.number)).status).toBe('in_progress');
    expect((await events()).at(-1)).toEqual({
      type: 'balagh:reopened',
      detail: { number: receipt.number, status: 'in_progress', awaitingConfirmation: false },
    });
  });

  it('says no report matches when the tracking code is wrong', async () => {
    const receipt = await createReport();
    const t = widgetStrings.en;
    const { widget, events } = await openStatus({
      lang: 'en',
      view: 'status',
      'report-number': receipt.number,
      'tracking-token': 'not-the-token',
    });
    await widget.getByRole('button', { name: t.check }).click();
    await expect.poll(() => widget.locator('#status-note').textContent()).toBe(t.notFound);
    expect(await widget.locator('#status-value').count()).toBe(0);
    expect(await events()).toEqual([
      { type: 'balagh:error', detail: { operation: 'status', code: 'REPORT_NOT_FOUND' } },
    ]);
  });
});
