import type { BrowserContext, Locator, Page } from 'playwright-core';

/** The events `<balagh-report>` dispatches, as the host page received them. */
export interface ReceivedEvent {
  readonly type: string;
  readonly detail: Record<string, unknown>;
}

/** A page of the test site with the widget, and what happened on it. */
export interface WidgetTab {
  readonly page: Page;
  /** The `<balagh-report>` element; Playwright's locators pierce its open shadow root. */
  readonly widget: Locator;
  /** Errors thrown in the page (a failed test must not hide them). */
  readonly errors: Error[];
  /** The `balagh:*` events received by the document so far. */
  events(): Promise<ReceivedEvent[]>;
}

const eventNames = [
  'balagh:submitted',
  'balagh:queued',
  'balagh:error',
  'balagh:status',
  'balagh:confirmed',
  'balagh:reopened',
];

/** Opens a test page in a new tab, recording the widget's events and the page's errors. */
export async function openWidgetTab(context: BrowserContext, url: string): Promise<WidgetTab> {
  const page = await context.newPage();
  page.setDefaultTimeout(5_000);
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.addInitScript((names) => {
    const received: unknown[] = [];
    Object.assign(window, { balaghEvents: received });
    for (const name of names) {
      document.addEventListener(name, (event) =>
        received.push({ type: event.type, detail: (event as CustomEvent).detail }),
      );
    }
  }, eventNames);
  await page.goto(url);
  return {
    page,
    widget: page.locator('balagh-report'),
    errors,
    events: () =>
      page.evaluate(() => (window as unknown as { balaghEvents: ReceivedEvent[] }).balaghEvents),
  };
}

/** The box of an element, to compare positions (left, right) in mirrored layouts. */
export async function boxOf(locator: Locator): Promise<{ left: number; right: number }> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('The element is not visible.');
  return { left: box.x, right: box.x + box.width };
}
