import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser } from './launch-browser.js';
import { type IntakeServer, startIntakeServer } from './start-intake-server.js';
import { startWidgetPage, type WidgetPage } from './widget-page.js';

/** What a browser test file works against: the real service, a host page, Chromium. */
export interface WidgetSite {
  /** The intake service on loopback. */
  readonly server: IntakeServer;
  /** A third-party page embedding the widget's script-tag build. */
  readonly page: WidgetPage;
  /** Opens a browser context of its own; it is closed after the test. */
  newContext(): Promise<BrowserContext>;
}

/**
 * Starts the intake service, the host page and Chromium before a test file's tests, closes
 * each test's browser context after it, and everything after the file.
 */
export function useWidgetSite(): WidgetSite {
  let server: IntakeServer | undefined;
  let page: WidgetPage | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The widget site is used before beforeAll ran.');
    return value;
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startIntakeServer(), launchBrowser()]);
    page = await startWidgetPage(server.url);
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await page?.close();
    await server?.close();
  });

  return {
    get server() {
      return started(server);
    },
    get page() {
      return started(page);
    },
    async newContext() {
      context = await started(browser).newContext();
      return context;
    },
  };
}
