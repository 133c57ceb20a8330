import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { HttpApp } from '@balagh/server';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Serves the example's static files: the staff console at `/console` (the demo page at `/` is
 * served by serve-widget.ts, which fills in its key), from a fixed list of files, so no request path ever reaches the file system.
 */
export function servePublicFiles(app: HttpApp, directory: string): void {
  const routes: Readonly<Record<string, string>> = {
    '/console': 'console/index.html',
    '/console/': 'console/index.html',
    '/console/console.js': 'console/console.js',
    '/console/console.css': 'console/console.css',
  };
  for (const [path, file] of Object.entries(routes)) {
    app.get(path, async () => {
      const body = await readFile(join(directory, file));
      return new Response(body, {
        headers: {
          'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-cache',
          // The console calls only this origin's API; no inline scripts anywhere.
          'content-security-policy':
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'",
          'x-content-type-options': 'nosniff',
        },
      });
    });
  }
}
