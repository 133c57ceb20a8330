import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateClosureSecret } from '@balagh/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/for-each-database.js';
import {
  buildServiceBundle,
  callApi,
  reportInput,
  runConcurrently,
  type ServiceProcess,
  startServiceProcess,
  waitUntil,
} from './support/start-service-process.js';

async function linesOf(file: string): Promise<{ idempotencyKey: string }[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { idempotencyKey: string });
}

describe('scale-out (two service processes on one PostgreSQL)', () => {
  let database: TestDatabase & { dispose(): Promise<void> };
  let directory: string;
  const processes: ServiceProcess[] = [];
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    directory = await mkdtemp(join(tmpdir(), 'balagh-scale-'));
    await buildServiceBundle();
  });
  afterAll(async () => {
    for (const running of processes) running.child.kill('SIGKILL');
    await database.dispose();
    await rm(directory, { recursive: true, force: true });
  });

  it('gives every report its own number and delivers every outbox row once', async () => {
    const shared = {
      DATABASE_URL: database.url,
      CLOSURE_CODE_KEYS: `k${randomBytes(2).toString('hex')}:${generateClosureSecret()}`,
      RATE_LIMIT_PER_KEY: '0',
      RATE_LIMIT_PER_ADDRESS: '0',
      // Long enough that no claim expires under this load on two cores: a row whose lease ran
      // out may be sent again by the other process (at-least-once; providers dedupe by key).
      OUTBOX_LEASE: '15s',
      OUTBOX_POLL_INTERVAL: '200ms',
      SLA_SWEEP_INTERVAL: '1h',
      SHUTDOWN_TIMEOUT: '2s',
    };
    const files = [
      join(directory, 'a', 'notifications.jsonl'),
      join(directory, 'b', 'notifications.jsonl'),
    ];
    const first = await startServiceProcess({
      ...shared,
      DATA_DIR: join(directory, 'a'),
      NOTIFICATIONS_FILE: files[0] as string,
    });
    processes.push(first);
    const second = await startServiceProcess({
      ...shared,
      DATA_DIR: join(directory, 'b'),
      NOTIFICATIONS_FILE: files[1] as string,
    });
    processes.push(second);
    expect(second.adminKey).toBeUndefined();
    const created = await callApi(first.url, '/v1/api-keys', first.adminKey ?? '', {
      name: 'load',
      role: 'integration',
    });
    const widget = (created.body as { key: string }).key;

    const total = 400;
    const results = await runConcurrently(total, 64, async (index) => {
      const url = index % 2 === 0 ? first.url : second.url;
      return await callApi(url, '/v1/reports', widget, reportInput(index));
    });
    const receipts = results.map((result) => {
      if (result.status !== 'fulfilled') throw result.reason;
      expect(result.value.status).toBe(201);
      return result.value.body as { id: string; number: string };
    });
    expect(new Set(receipts.map((receipt) => receipt.number)).size).toBe(total);

    const all = async () => [
      ...(await linesOf(files[0] as string)),
      ...(await linesOf(files[1] as string)),
    ];
    await waitUntil(
      async () => (await all()).length >= total,
      20_000,
      'every notification is delivered',
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const delivered = await all();
    const keys = delivered.map((line) => line.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(total);
    // Both processes' dispatchers took part.
    expect((await linesOf(files[0] as string)).length).toBeGreaterThan(0);
    expect((await linesOf(files[1] as string)).length).toBeGreaterThan(0);

    const storage = await database.openStorage();
    const rows = await storage.listOutbox();
    expect(rows).toHaveLength(total);
    expect(rows.every((row) => row.status === 'sent')).toBe(true);
    expect(new Set(rows.map((row) => row.idempotencyKey))).toEqual(new Set(keys));

    first.child.kill('SIGTERM');
    second.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(await second.exited).toBe(0);
  }, 90_000);
});
