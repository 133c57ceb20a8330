import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { buildWidgetBundle } from '../../scripts/build-widget-bundle.js';

/** The attributes of the `<balagh-report>` on a test page. */
export type WidgetAttributes = Readonly<Record<string, string | true>>;

/** A site embedding the widget, as a municipality's partner would: another origin than the API. */
export interface WidgetPage {
  /** The page's origin, `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /**
   * A page embedding one `<balagh-report>` with these attributes; with `guide`, also the
   * theming CSS and the event listener of docs/widget.md.
   */
  url(attributes: WidgetAttributes, options?: { readonly guide?: boolean }): string;
  close(): Promise<void>;
}

const docsPath = new URL('../../../../docs/widget.md', import.meta.url);
/** Where docs/widget.md's plain-page example loads the script from. */
export const documentedScriptUrl = 'https://reports.example.gov.sa/widget/balagh-widget.js';

/** The first code block of a language in a Markdown text. */
function codeBlock(markdown: string, language: string): string | undefined {
  return new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``).exec(markdown)?.[1];
}

/**
 * The plain page of docs/widget.md (its first `html` example), so the guide's embedding code is
 * what the browser tests run: its script tag pointed at the bundle served here, its
 * `<balagh-report>` given the test's attributes.
 */
export async function documentedPage(): Promise<(attributes: WidgetAttributes) => string> {
  const html = codeBlock(await readFile(docsPath, 'utf8'), 'html');
  if (
    html === undefined ||
    !html.includes(documentedScriptUrl) ||
    !html.includes('<balagh-report')
  ) {
    throw new Error(
      'docs/widget.md must start its examples with a plain page embedding the widget.',
    );
  }
  const escapeAttribute = (value: string) =>
    value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  return (attributes) =>
    html.replace(documentedScriptUrl, '/balagh-widget.js').replace(
      /<balagh-report[\s\S]*?<\/balagh-report>/,
      `<balagh-report${Object.entries(attributes)
        .map(([name, value]) =>
          value === true ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`,
        )
        .join('')}></balagh-report>`,
    );
}

/**
 * Serves test pages embedding the script-tag bundle (built in memory from the sources, as
 * tsup builds dist/balagh-widget.iife.js), and axe-core for the accessibility checks, under a
 * Content-Security-Policy as strict as a municipal site's: no inline script or style.
 */
export async function startWidgetPage(apiOrigin: string): Promise<WidgetPage> {
  const [bundle, axe, page, guide] = await Promise.all([
    buildWidgetBundle(),
    readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js')),
    documentedPage(),
    readFile(docsPath, 'utf8'),
  ]);
  const assets: Record<string, readonly [string, string | Uint8Array | undefined]> = {
    '/balagh-widget.js': ['text/javascript', bundle.code],
    '/axe.min.js': ['text/javascript', axe],
    '/guide.css': ['text/css', codeBlock(guide, 'css')],
    '/guide.js': ['text/javascript', codeBlock(guide, 'js')],
  };
  const pages = new Map<string, string>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const html = pages.get(path);
    if (html !== undefined) {
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self' ${apiOrigin}`,
      });
      response.end(html);
    } else if (assets[path]?.[1] !== undefined) {
      const [type, body] = assets[path];
      response.writeHead(200, { 'content-type': `${type}; charset=utf-8` });
      response.end(body);
    } else {
      response.writeHead(404).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url(attributes, { guide = false } = {}) {
      const path = `/page-${pages.size + 1}`;
      const html = page(attributes);
      pages.set(
        path,
        guide
          ? html.replace(
              '</head>',
              '<link rel="stylesheet" href="/guide.css"><script src="/guide.js" defer></script></head>',
            )
          : html,
      );
      return `${origin}${path}`;
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
