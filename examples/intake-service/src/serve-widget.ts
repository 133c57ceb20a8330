/**
 * Serves the report widget as a third-party site would load it — one script, `/widget/balagh-widget.js`
 * — plus the demo page at `/` and the reporter's tracking page at `/track/{number}?token=`, both
 * embedding it with the demo's integration key. Wiring only: the widget does the work.
 */
import { readFile } from 'node:fs/promises';
import type { HttpApp } from '@balagh/server';
import { build } from 'esbuild';

const pageSecurityPolicy =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'";

/** Bundles `@balagh/widget/auto` into one script (from the workspace sources, as the IIFE build does). */
async function bundleWidget(): Promise<string> {
  const result = await build({
    stdin: {
      contents: "import '@balagh/widget/auto';",
      resolveDir: import.meta.dirname,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    charset: 'utf8',
    conditions: ['@balagh/source'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

const escapeAttribute = (value: string) =>
  value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** Mounts the widget script, the demo page and the tracking page on the service's app. */
export async function serveWidget(
  app: HttpApp,
  options: { readonly demoPagePath: string; readonly apiKey: string },
): Promise<void> {
  const [script, demoPage] = await Promise.all([
    bundleWidget(),
    readFile(options.demoPagePath, 'utf8'),
  ]);
  const html = (body: string) =>
    new Response(body, {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'content-security-policy': pageSecurityPolicy,
        'x-content-type-options': 'nosniff',
      },
    });
  app.get(
    '/widget/balagh-widget.js',
    () =>
      new Response(script, {
        headers: {
          'content-type': 'text/javascript; charset=utf-8',
          'cache-control': 'public, max-age=300',
          'x-content-type-options': 'nosniff',
        },
      }),
  );
  app.get('/', () =>
    html(demoPage.replaceAll('{{WIDGET_API_KEY}}', escapeAttribute(options.apiKey))),
  );
  // The link every notification carries: the status view, with the number and token filled in.
  app.get('/track/:number', (context) => {
    const number = escapeAttribute(context.req.param('number'));
    const token = escapeAttribute(context.req.query('token') ?? '');
    return html(`<!doctype html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>بلاغ ${number}</title>
  <link rel="stylesheet" href="/console/console.css">
  <script src="/widget/balagh-widget.js" defer></script>
</head>
<body>
  <main class="page">
    <balagh-report api-base="/" api-key="${escapeAttribute(options.apiKey)}" mode="inline" view="status"
      report-number="${number}" tracking-token="${token}"></balagh-report>
  </main>
</body>
</html>
`);
  });
}
