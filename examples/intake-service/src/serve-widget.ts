/**
 * Serves the report widget as a third-party site would load it — one script, `/widget/balagh-widget.js`
 * — plus the demo page at `/` and the reporter's tracking page at `/track/{number}?token=`, both
 * embedding it with the demo's integration key. Wiring only: the widget does the work.
 */
import { readFile } from 'node:fs/promises';
import type { HttpApp } from '@balagh/server';
// The widget's own script-tag build (the options and plugin tsup uses for
// dist/balagh-widget.iife.js), run on the workspace sources: the demo serves the very bundle a site
// loads, without a build step first.
import { buildWidgetBundle } from '../../../packages/widget/scripts/build-widget-bundle.js';

const pageSecurityPolicy =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'";

const escapeAttribute = (value: string) =>
  value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** Mounts the widget script, the demo page and the tracking page on the service's app. */
export async function serveWidget(
  app: HttpApp,
  options: { readonly demoPagePath: string; readonly apiKey: string },
): Promise<void> {
  const [bundle, demoPage] = await Promise.all([
    buildWidgetBundle(),
    readFile(options.demoPagePath, 'utf8'),
  ]);
  const script = new TextDecoder().decode(bundle.code);
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
