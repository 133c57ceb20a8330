import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildServiceBundle,
  callApi,
  reportInput,
  runConcurrently,
  type ServiceProcess,
  startServiceProcess,
  waitUntil,
} from './support/start-service-process.js';

/** Idempotency keys of the local file notifier's lines, with how often each appears. */
async function deliveredKeys(file: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const text = await readFile(file, 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const key = (JSON.parse(line) as { idempotencyKey: string }).idempotencyKey;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('crash recovery (SQLite, kill -9 under load)', () => {
  let directory: string;
  const processes: ServiceProcess[] = [];
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'balagh-crash-'));
    await buildServiceBundle();
  });
  afterAll(async () => {
    for (const running of processes) running.child.kill('SIGKILL');
    await rm(directory, { recursive: true, force: true });
  });

  it('keeps every acknowledged report with its timeline and delivers each notification once', async () => {
    const notifications = join(directory, 'notifications.jsonl');
    const env = {
      DATA_DIR: directory,
      NOTIFICATIONS_FILE: notifications,
      RATE_LIMIT_PER_KEY: '0',
      RATE_LIMIT_PER_ADDRESS: '0',
      OUTBOX_LEASE: '2s',
      OUTBOX_POLL_INTERVAL: '200ms',
      SLA_SWEEP_INTERVAL: '1h',
      SHUTDOWN_TIMEOUT: '2s',
    };
    const first = await startServiceProcess(env);
    processes.push(first);
    const admin = first.adminKey ?? '';
    const created = await callApi(first.url, '/v1/api-keys', admin, {
      name: 'load',
      role: 'integration',
    });
    const widget = (created.body as { key: string }).key;

    // A few hundred concurrent creates; the process is killed once 150 were acknowledged.
    const acknowledged: { id: string; number: string }[] = [];
    let killed = false;
    const results = await runConcurrently(400, 48, async (index) => {
      const response = await callApi(first.url, '/v1/reports', widget, reportInput(index));
      if (response.status === 201) {
        acknowledged.push(response.body as { id: string; number: string });
        if (acknowledged.length >= 150 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
      return response.status;
    });
    expect(killed).toBe(true);
    expect(await first.exited).toBe('SIGKILL');
    // Some requests were cut by the kill: they were never acknowledged.
    expect(results.some((result) => result.status === 'rejected')).toBe(true);

    const second = await startServiceProcess(env);
    processes.push(second);
    expect(second.adminKey).toBeUndefined();

    await waitUntil(
      async () => {
        const keys = await deliveredKeys(notifications);
        return acknowledged.every(({ id }) => keys.has(`${id}:received:0`));
      },
      20_000,
      'every acknowledged report’s notification is delivered',
    );
    await waitUntil(
      async () => {
        const metrics = await (await fetch(`${second.url}/metrics`)).text();
        return /^balagh_outbox_pending 0$/m.test(metrics);
      },
      20_000,
      'the outbox is empty',
    );
    // Past one more lease: a row claimed before the kill would have been delivered again by now.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const keys = await deliveredKeys(notifications);
    const repeated = [...keys].filter(([, count]) => count !== 1);
    expect(repeated).toEqual([]);

    const reads = await runConcurrently(acknowledged.length, 16, async (index) => {
      const receipt = acknowledged[index] as { id: string; number: string };
      const response = await callApi(second.url, `/v1/reports/${receipt.id}`, admin);
      return { receipt, response };
    });
    for (const read of reads) {
      expect(read.status).toBe('fulfilled');
      if (read.status !== 'fulfilled') continue;
      const { receipt, response } = read.value;
      expect(response.status).toBe(200);
      const report = response.body as { number: string; timeline: { to: string }[] };
      expect(report.number).toBe(receipt.number);
      expect(report.timeline[0]?.to).toBe('received');
    }

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 90_000);
});
