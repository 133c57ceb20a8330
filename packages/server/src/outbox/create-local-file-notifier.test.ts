import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Notification } from '@balagh/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createLocalFileNotifier,
  type LocalNotificationRecord,
} from './create-local-file-notifier.js';

const resolvedNotification = (overrides: Partial<Notification> = {}): Notification => ({
  id: '0193a1b2-0000-7000-8000-000000000001',
  idempotencyKey: 'report-1:resolved:3',
  kind: 'resolved',
  reportId: 'report-1',
  reportNumber: '1448-000123-7',
  language: 'en',
  channel: 'web',
  recipient: { phone: '+966512345678' },
  variables: { number: '1448-000123-7', closureCode: '482 915-1' },
  attempt: 0,
  ...overrides,
});

describe('createLocalFileNotifier', () => {
  let directory: string;
  let path: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'balagh-notifier-'));
    path = join(directory, 'nested', 'notifications.jsonl');
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const lines = async () =>
    (await readFile(path, 'utf8'))
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as LocalNotificationRecord);

  it('appends one line with the rendered text, the closure code and the recipient', async () => {
    const notifier = createLocalFileNotifier({ path, clock: () => Date.UTC(2026, 10, 27) });
    const receipt = await notifier.send(resolvedNotification());
    expect(receipt.deliveredVia).toBe('local-file');
    const [record] = await lines();
    expect(record?.text).toContain('482 915-1');
    expect(record?.text).toContain('1448-000123-7');
    expect(record?.recipient.phone).toBe('+966512345678');
    expect(record?.variables.closureCode).toBe('482 915-1');
    expect(record?.at).toBe('2026-11-27T00:00:00.000Z');
    expect(record?.attempt).toBe(1);
  });

  it('writes a notification once per idempotency key, also after a restart', async () => {
    const first = createLocalFileNotifier({ path });
    await Promise.all([
      first.send(resolvedNotification()),
      first.send(resolvedNotification({ attempt: 1 })),
    ]);
    // A torn line from a crash does not hide the lines before it.
    await appendFile(path, '{"idempotencyKey":"torn', 'utf8');
    const second = createLocalFileNotifier({ path });
    await second.send(resolvedNotification({ attempt: 2 }));
    await second.send(
      resolvedNotification({
        idempotencyKey: 'report-1:closed:4',
        kind: 'closed',
        variables: { number: '1448-000123-7', closedHow: 'confirmed' },
      }),
    );
    const keys = (await readFile(path, 'utf8'))
      .split('\n')
      .filter((line) => line.includes('"kind"'));
    expect(keys.filter((line) => line.includes('report-1:resolved:3'))).toHaveLength(1);
    expect(keys.filter((line) => line.includes('report-1:closed:4'))).toHaveLength(1);
    // The line after the torn one starts on a line of its own.
    const closed = keys.find((line) => line.includes('report-1:closed:4')) ?? '';
    expect((JSON.parse(closed) as LocalNotificationRecord).kind).toBe('closed');
  });

  it('appends many notifications sent at once, each exactly once and whole', async () => {
    const notifier = createLocalFileNotifier({ path });
    const sent = Array.from({ length: 300 }, (_, index) =>
      resolvedNotification({
        id: `notification-${index}`,
        idempotencyKey: `report-${index}:resolved:3`,
      }),
    );
    // Each one twice at the same time, as a retry racing the first try would.
    const receipts = await Promise.all([...sent, ...sent].map((item) => notifier.send(item)));
    expect(receipts.slice(300).map((receipt) => receipt.providerMessageId)).toEqual(
      receipts.slice(0, 300).map((receipt) => receipt.providerMessageId),
    );
    const records = await lines();
    expect(records).toHaveLength(300);
    expect(new Set(records.map((record) => record.idempotencyKey)).size).toBe(300);
  });

  it('fails every waiting notification as retryable when the file cannot be written', async () => {
    // The file's folder is a file: nothing can be created under it.
    await appendFile(join(directory, 'nested'), 'not a folder', 'utf8');
    const notifier = createLocalFileNotifier({ path });
    const results = await Promise.allSettled(
      [1, 2, 3].map((index) =>
        notifier.send(resolvedNotification({ idempotencyKey: `report-${index}:resolved:3` })),
      ),
    );
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toMatchObject({ retryable: true });
    }
  });

  it('delivers staff escalations as plain text', async () => {
    const notifier = createLocalFileNotifier({ path });
    const escalation = resolvedNotification({
      kind: 'escalation',
      idempotencyKey: 'report-1:sla:resolution:breached',
      recipient: { departmentCode: 'lighting' },
      variables: { number: '1448-000123-7', clock: 'resolution', mark: 'breached' },
    });
    expect(notifier.canDeliver(escalation)).toBe(true);
    await notifier.send(escalation);
    const [record] = await lines();
    expect(record?.text).toMatch(/Escalation of report 1448-000123-7 to lighting/);
    expect(record?.text).toContain('mark=breached');
  });

  it('refuses for good a message that cannot be rendered', async () => {
    const notifier = createLocalFileNotifier({ path });
    const error = await notifier
      .send(resolvedNotification({ variables: { number: '1448-000123-7' } }))
      .catch((caught: unknown) => caught);
    expect((error as { retryable?: boolean }).retryable).toBe(false);
  });
});
