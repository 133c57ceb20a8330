import { describe, expect, it } from 'vitest';
import { createTestDatabase, forEachDatabase } from '../../test/support/for-each-database.js';
import { newReportRequest, receivedOutboxRow } from '../../test/support/report-fixtures.js';
import type { Storage } from './storage.js';

const t0 = Date.parse('2030-01-01T00:00:00.000Z');
const at = (milliseconds: number) => new Date(t0 + milliseconds).toISOString();

/** Creates a report whose `count` outbox rows are due at `t0`. */
async function reportWithOutbox(storage: Storage, count: number): Promise<string[]> {
  const request = newReportRequest({
    createdAt: at(0),
    outbox: (report) =>
      Array.from({ length: count }, (_, index) => ({
        ...receivedOutboxRow(report),
        id: `${report.id}-${index}`,
        idempotencyKey: `${report.id}:received:${index}`,
      })),
  });
  await storage.createReport(request);
  return (request.built?.outbox ?? []).map((row) => row.id);
}

forEachDatabase('outbox', (getDatabase) => {
  it('claims due rows once, marks them sent idempotently and counts pending and dead', async () => {
    const storage = await getDatabase().openStorage();
    const ids = await reportWithOutbox(storage, 3);
    expect(await storage.outboxCounts()).toEqual({ pending: 3, dead: 0 });
    expect(
      await storage.claimOutbox({
        workerId: 'w1',
        limit: 10,
        leaseMilliseconds: 60_000,
        now: at(-1),
      }),
    ).toEqual([]);

    const claimed = await storage.claimOutbox({
      workerId: 'w1',
      limit: 2,
      leaseMilliseconds: 60_000,
      now: at(1),
    });
    expect(claimed).toHaveLength(2);
    expect(
      claimed.every(
        (row) => row.status === 'sending' && row.claimedBy === 'w1' && row.attempts === 1,
      ),
    ).toBe(true);
    // A second claimer within the lease gets only the row left.
    const rest = await storage.claimOutbox({
      workerId: 'w2',
      limit: 10,
      leaseMilliseconds: 60_000,
      now: at(2),
    });
    expect(rest.map((row) => row.id)).toEqual(
      ids.filter((id) => !claimed.some((row) => row.id === id)),
    );

    const first = claimed[0];
    const second = claimed[1];
    const third = rest[0];
    if (first === undefined || second === undefined || third === undefined)
      throw new Error('rows missing');
    expect(await storage.markOutboxSent(first.id, at(3))).toBe(true);
    expect(await storage.markOutboxSent(first.id, at(4))).toBe(false);
    expect(await storage.markOutboxRetry(second.id, 'w1', at(10_000), 'timeout')).toBe(true);
    // Only the claimer may give a row up.
    expect(await storage.markOutboxDead(third.id, 'w1', 'not mine')).toBe(false);
    expect(await storage.markOutboxDead(third.id, 'w2', 'invalid number')).toBe(true);
    expect(await storage.outboxCounts()).toEqual({ pending: 1, dead: 1 });

    expect(
      await storage.claimOutbox({
        workerId: 'w1',
        limit: 10,
        leaseMilliseconds: 60_000,
        now: at(9_999),
      }),
    ).toEqual([]);
    const retried = await storage.claimOutbox({
      workerId: 'w1',
      limit: 10,
      leaseMilliseconds: 60_000,
      now: at(10_000),
    });
    expect(retried).toMatchObject([{ id: second.id, attempts: 2, lastError: 'timeout' }]);
    const rows = await storage.listOutbox({ reportId: first.reportId });
    expect(rows.find((row) => row.id === first.id)).toMatchObject({
      status: 'sent',
      sentAt: at(3),
    });
  });

  it('re-claims only unsent rows whose lease expired, so a crash delivers each row once', async () => {
    const storage = await getDatabase().openStorage();
    const [id] = await reportWithOutbox(storage, 1);
    const crashed = await storage.claimOutbox({
      workerId: 'crashed',
      limit: 10,
      leaseMilliseconds: 1000,
      now: at(100),
    });
    expect(crashed.map((row) => row.id)).toEqual([id]);
    expect(
      await storage.claimOutbox({
        workerId: 'w2',
        limit: 10,
        leaseMilliseconds: 1000,
        now: at(1099),
      }),
    ).toEqual([]);
    const reclaimed = await storage.claimOutbox({
      workerId: 'w2',
      limit: 10,
      leaseMilliseconds: 1000,
      now: at(1101),
    });
    expect(reclaimed).toMatchObject([{ id, claimedBy: 'w2', attempts: 2 }]);
    expect(await storage.markOutboxSent(id ?? '', at(1200))).toBe(true);
    // The crashed worker's late answer changes nothing, and a sent row is never claimed again.
    expect(await storage.markOutboxRetry(id ?? '', 'crashed', at(2000), 'late')).toBe(false);
    const later = await storage.claimOutbox({
      workerId: 'w3',
      limit: 100,
      leaseMilliseconds: 1000,
      now: at(999_999),
    });
    expect(later.map((row) => row.id)).not.toContain(id);
  });
});

describe('outbox claims on PostgreSQL', () => {
  it('gives two concurrent claimers disjoint rows (FOR UPDATE SKIP LOCKED)', async () => {
    const database = await createTestDatabase('postgres');
    try {
      const first = await database.openStorage();
      const second = await database.openStorage();
      const ids: string[] = [];
      for (let index = 0; index < 10; index += 1) ids.push(...(await reportWithOutbox(first, 10)));
      const claims = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          (index % 2 === 0 ? first : second).claimOutbox({
            workerId: `w${index}`,
            limit: 15,
            leaseMilliseconds: 60_000,
            now: at(1),
          }),
        ),
      );
      const claimedIds = claims.flat().map((row) => row.id);
      expect(new Set(claimedIds).size).toBe(claimedIds.length);
      expect(claimedIds.sort()).toEqual([...ids].sort());
    } finally {
      await database.dispose();
    }
  });
});
