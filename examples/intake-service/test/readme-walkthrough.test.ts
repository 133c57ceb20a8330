/**
 * The README of the intake service, followed as a new user would: `pnpm start` on a fresh data
 * directory, the keys, a report from a pilgrim, staff working it, the closure code from the
 * local SMS file, the reporter confirming it; then a restart on the same data and a stop.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RunningIntakeService,
  runIntakeService,
  startIntakeService,
} from './support/start-intake-service.js';

const phone = '+966512345678';
const report = {
  categoryCode: 'street_lighting',
  description: 'The lamp post at gate 79 is dark',
  location: { lat: 21.4225, lng: 39.8262, landmark: 'King Fahd Gate' },
  reporter: { phone },
  channel: 'web',
  language: 'en',
};

interface SmsLine {
  readonly to: string;
  readonly body: string;
}

describe('the intake service, as its README runs it', () => {
  let dataDirectory: string;
  let service: RunningIntakeService;
  let outputOfEarlierRuns = '';

  beforeAll(async () => {
    dataDirectory = await mkdtemp(join(tmpdir(), 'balagh-intake-'));
    service = await startIntakeService({ DATA_DIR: dataDirectory });
  });
  afterAll(async () => {
    await service?.stop();
    await rm(dataDirectory, { recursive: true, force: true });
  });

  const call = async (
    path: string,
    key: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; json: Record<string, unknown> }> => {
    const response = await fetch(`${service.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  const smsLines = async (): Promise<SmsLine[]> => {
    const text = await readFile(join(dataDirectory, 'sms-outbox.jsonl'), 'utf8').catch(() => '');
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as SmsLine);
  };

  /** Waits for the outbox dispatcher to write an SMS matching `test`. */
  const smsMatching = async (test: (line: SmsLine) => boolean): Promise<SmsLine> => {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const line = (await smsLines()).find(test);
      if (line !== undefined) return line;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`No such SMS in sms-outbox.jsonl:\n${JSON.stringify(await smsLines())}`);
  };

  it('works a report from the first start to a confirmed closure, with no phone number in its logs', async () => {
    // First start: the admin key is printed once and kept in admin-key.txt.
    const admin = (await readFile(join(dataDirectory, 'admin-key.txt'), 'utf8')).trim();
    expect(admin).toMatch(/^blg_/);
    expect(service.output()).toContain('First start: an admin API key was created.');
    expect(service.output()).toContain(admin);

    // The demo page embeds the widget with a key of its own; the console and the API document.
    const page = await fetch(`${service.url}/`);
    expect(page.status).toBe(200);
    const widgetKey = (await readFile(join(dataDirectory, 'widget-key.txt'), 'utf8')).trim();
    const pageText = await page.text();
    expect(pageText).toContain('/widget/balagh-widget.js');
    expect(pageText).toContain(widgetKey);
    const script = await fetch(`${service.url}/widget/balagh-widget.js`);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await script.text()).length).toBeGreaterThan(10_000);
    expect((await fetch(`${service.url}/console`)).status).toBe(200);
    expect((await call('/openapi.json', admin)).json.openapi).toMatch(/^3\.1/);

    // 1. Keys.
    const widget = await call('/v1/api-keys', admin, { name: 'Widget', role: 'integration' });
    const staff = await call('/v1/api-keys', admin, { name: 'Supervisor', role: 'supervisor' });
    expect([widget.status, staff.status]).toEqual([201, 201]);
    const widgetApiKey = String(widget.json.key);
    const staffKey = String(staff.json.key);

    // 2. A pilgrim reports a dark lamp post; a retry with the same Idempotency-Key is one report.
    const receipt = await call('/v1/reports', widgetApiKey, report, {
      'idempotency-key': 'demo-1',
    });
    expect(receipt.status).toBe(201);
    const again = await call('/v1/reports', widgetApiKey, report, { 'idempotency-key': 'demo-1' });
    expect(again.json.id).toBe(receipt.json.id);
    const number = String(receipt.json.number);
    const id = String(receipt.json.id);
    const token = String(receipt.json.trackingToken);
    expect(number).toMatch(/^\d{4}-\d{6}-\d$/);
    expect(JSON.stringify(receipt.json)).not.toContain('512345678');
    const received = await smsMatching((line) => line.body.includes(number));
    expect(received.to).toBe(phone);

    // 3. Staff see it, assign it, work it.
    const list = await call('/v1/reports?status=received', staffKey);
    const items = list.json.items as { number: string; departmentCode: string }[];
    expect(items.map((item) => item.number)).toContain(number);
    const steps = [
      ['assign', { departmentCode: 'lighting' }, 'assigned'],
      ['transition', { to: 'in_progress' }, 'in_progress'],
      ['transition', { to: 'resolved', note: 'Lamp replaced' }, 'resolved'],
    ] as const;
    for (const [action, body, status] of steps) {
      const answer = await call(`/v1/reports/${id}/${action}`, staffKey, body);
      expect(answer.status).toBe(200);
      expect(answer.json.status).toBe(status);
    }

    // 4. The closure code reaches the reporter by SMS (the README's grep).
    const closing = await smsMatching(
      (line) => line.body.includes(number) && /\d{3} \d{3}-\d/.test(line.body),
    );
    const code = /\d{3} \d{3}-\d/.exec(closing.body)?.[0] ?? '';

    // 5. A mistyped code (its check digit off by one) is refused and changes nothing; the
    // right one closes the report.
    const mistyped = `${code.slice(0, -1)}${(Number(code.at(-1)) + 1) % 10}`;
    const wrong = await call(`/v1/reports/${number}/confirm`, widgetApiKey, {
      token,
      code: mistyped,
    });
    expect(wrong.status).toBe(200);
    expect(wrong.json).toMatchObject({ outcome: 'malformed', report: { status: 'resolved' } });
    const confirmed = await call(`/v1/reports/${number}/confirm`, widgetApiKey, { token, code });
    expect(confirmed.json).toMatchObject({ outcome: 'valid', report: { status: 'closed' } });
    const tracked = await call(`/v1/reports/${number}?token=${token}`, widgetApiKey);
    expect(tracked.json).toMatchObject({ status: 'closed', closedHow: 'confirmed' });

    // The tracking link every SMS carries opens the widget's status view.
    const tracking = await fetch(`${service.url}/track/${number}?token=${token}`);
    expect(await tracking.text()).toContain(`report-number="${number}"`);

    // Logs never carry the reporter's phone number.
    expect(service.output()).not.toContain('512345678');
  });

  it('stops on SIGTERM with exit code 0, and starts again on the same data without a new admin key', async () => {
    expect(await service.stop()).toBe(0);
    outputOfEarlierRuns += service.output();
    const widgetKey = await readFile(join(dataDirectory, 'widget-key.txt'), 'utf8');
    service = await startIntakeService({ DATA_DIR: dataDirectory });
    expect(service.output()).not.toContain('First start');
    expect(await readFile(join(dataDirectory, 'widget-key.txt'), 'utf8')).toBe(widgetKey);
    const admin = (await readFile(join(dataDirectory, 'admin-key.txt'), 'utf8')).trim();
    const stats = await call('/v1/stats', admin);
    expect(stats.status).toBe(200);
    expect((stats.json.byStatus as Record<string, number>).closed).toBe(1);
    expect(outputOfEarlierRuns + service.output()).not.toContain('512345678');
  });

  it('refuses a bad configuration with a clear message and exit code 1', async () => {
    const { code, output } = await runIntakeService({
      DATA_DIR: dataDirectory,
      PORT: '99999',
      SMS_PROVIDER: 'carrier-pigeon',
    });
    expect(code).toBe(1);
    expect(output).toContain('PORT');
    expect(output).toContain('SMS_PROVIDER');
  });
});
