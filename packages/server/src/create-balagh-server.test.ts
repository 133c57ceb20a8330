import { readFile, stat } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { forEachDatabase, type TestDatabase } from '../test/support/for-each-database.js';
import { createServerLogger } from './config/create-server-logger.js';
import { loadConfig } from './config/load-config.js';
import { createBalaghServer } from './create-balagh-server.js';

const phone = '+966512345678';

function captureLogger() {
  const text: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      text.push(String(chunk));
      done();
    },
  });
  return { text, logger: createServerLogger({ destination, level: 'info' }) };
}

async function start(database: TestDatabase, extra: Record<string, string> = {}) {
  const config = loadConfig({
    DATA_DIR: database.directory,
    DATABASE_URL: database.url,
    PORT: '0',
    OUTBOX_POLL_INTERVAL: '1m',
    SHUTDOWN_TIMEOUT: '5s',
    ...extra,
  });
  const { text, logger } = captureLogger();
  const server = await createBalaghServer({
    config,
    logger,
    webhooks: {
      slow: async () => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        return new Response('done');
      },
    },
  });
  return { server, logs: text };
}

const waitUntil = async (condition: () => Promise<boolean>, milliseconds = 5000) => {
  const deadline = Date.now() + milliseconds;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the condition.');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

forEachDatabase('createBalaghServer', (getDatabase) => {
  it('serves the API, delivers the notification at once and logs no phone number', async () => {
    const database = getDatabase();
    const { server, logs } = await start(database);
    const { url } = await server.listen();
    try {
      const admin = server.initialAdminKey ?? '';
      expect(admin).toMatch(/^blg_/);
      const keyFile = `${database.directory}/admin-key.txt`;
      expect((await readFile(keyFile, 'utf8')).trim()).toBe(admin);
      expect((await stat(keyFile)).mode & 0o777).toBe(0o600);

      const call = (path: string, key: string, body?: unknown) =>
        fetch(`${url}${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      const created = await call('/v1/api-keys', admin, { name: 'widget', role: 'integration' });
      const { key: widget } = (await created.json()) as { key: string };
      const response = await call('/v1/reports', widget, {
        categoryCode: 'street_lighting',
        description: 'Dark lamp post at gate 79',
        reporter: { phone },
        channel: 'web',
        language: 'en',
      });
      expect(response.status).toBe(201);
      const receipt = (await response.json()) as { number: string; trackingUrl?: string };
      expect(receipt.trackingUrl).toMatch(/\/track\//);

      const notifications = server.config.notificationsFile;
      await waitUntil(async () =>
        (await readFile(notifications, 'utf8').catch(() => '')).includes(receipt.number),
      );
      const line = JSON.parse((await readFile(notifications, 'utf8')).trim()) as {
        kind: string;
        recipient: { phone: string };
      };
      expect(line).toMatchObject({ kind: 'received', recipient: { phone } });

      // The line is written before the dispatcher records the send: wait for the count.
      const sentLine = 'balagh_notifications_total{outcome="sent",kind="received"} 1';
      let metrics = '';
      await waitUntil(async () => {
        metrics = await (await fetch(`${url}/metrics`)).text();
        return metrics.includes(sentLine);
      });
      expect(metrics).toContain(sentLine);
      expect(metrics).toContain('balagh_reports_created_total{channel="web"} 1');
    } finally {
      await server.close();
    }
    const logText = logs.join('');
    expect(logText).toContain('"msg":"listening"');
    expect(logText).not.toContain('966512345678');
    expect(logText).not.toContain(server.initialAdminKey ?? 'no key');
  });

  it('creates the first admin key only when there is no key', async () => {
    const database = getDatabase();
    const { server } = await start(database);
    expect(server.initialAdminKey).toBeUndefined();
    await server.close();
  });

  it('lets a request in flight finish on close, then refuses connections', async () => {
    const { server } = await start(getDatabase());
    const { url } = await server.listen();
    const inFlight = fetch(`${url}/webhooks/slow`, { method: 'POST' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = server.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('done');
    await closed;
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
