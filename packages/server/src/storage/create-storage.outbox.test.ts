import { CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, forEachDatabase } from '../../test/support/for-each-database.js';
import { newReportRequest, receivedOutboxRow } from '../../test/support/report-fixtures.js';
import { claimOutboxQuery } from './create-query-storage.js';
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

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

/** Sort nodes of a PostgreSQL plan that read a scan of `outbox` with no Limit in between. */
function sortsOverUnlimitedScans(node: PlanNode): PlanNode[] {
  const scansUnlimited = (below: PlanNode): boolean =>
    below['Node Type'] !== 'Limit' &&
    ((below['Node Type'].endsWith('Scan') && below['Relation Name'] === 'outbox') ||
      (below.Plans ?? []).some(scansUnlimited));
  const own = node['Node Type'] === 'Sort' && (node.Plans ?? []).some(scansUnlimited) ? [node] : [];
  return [...own, ...(node.Plans ?? []).flatMap(sortsOverUnlimitedScans)];
}

forEachDatabase('outbox claim order and plan', (getDatabase) => {
  it('claims at most `limit` rows: ended leases first, then the pending rows due longest', async () => {
    const storage = await getDatabase().openStorage();
    const ids = await reportWithOutbox(storage, 6);
    // Two rows claimed by a dispatcher that died: their leases end at 1 s.
    const dead = await storage.claimOutbox({
      workerId: 'died',
      limit: 2,
      leaseMilliseconds: 1000,
      now: at(0),
    });
    const pending = ids.filter((id) => !dead.some((row) => row.id === id));
    // The others fall due one after the other, the last one in the future.
    for (const [index, id] of pending.entries()) {
      await storage.kysely
        .updateTable('outbox')
        .set({ next_attempt_at: at(100 * (4 - index)) })
        .where('id', '=', id)
        .execute();
    }
    const first = await storage.claimOutbox({
      workerId: 'w',
      limit: 3,
      leaseMilliseconds: 60_000,
      now: at(2000),
    });
    expect(first).toHaveLength(3);
    // The ended leases, and the pending row due earliest (the last one, due at 100 ms).
    expect(new Set(first.map((row) => row.id))).toEqual(
      new Set([...dead.map((row) => row.id), pending[3]]),
    );
    const second = await storage.claimOutbox({
      workerId: 'w',
      limit: 10,
      leaseMilliseconds: 60_000,
      now: at(350),
    });
    // Due at 200 and 300 ms; the row due at 400 ms is not due yet.
    expect(second.map((row) => row.id)).toEqual([pending[2], pending[1]]);
  });

  it('claims through the two indexes, with no sort of the due rows and no scan', async () => {
    const db = getDatabase();
    const store = await db.openStorage();
    await reportWithOutbox(store, 3);
    const compiled = claimOutboxQuery(
      store.kysely,
      { workerId: 'w', limit: 64, leaseMilliseconds: 60_000, now: at(0) },
      db.dialect === 'postgres',
    ).compile();
    if (db.dialect === 'sqlite') {
      const plan = await store.kysely.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
      );
      const details = plan.rows.map((row) => row.detail).join('\n');
      expect(details).toContain('outbox_claim_idx');
      expect(details).toContain('outbox_lease_idx');
      expect(details).not.toContain('TEMP B-TREE');
      expect(details).not.toMatch(/SCAN outbox(?! USING)/);
    } else {
      // Without statistics PostgreSQL scans a small table whatever its indexes: disable the
      // sequential scan to see which indexes the claim can use.
      await store.kysely.connection().execute(async (connection) => {
        await connection.executeQuery(CompiledQuery.raw('set enable_seqscan = off'));
        const plan = await connection.executeQuery<{ 'QUERY PLAN': unknown }>(
          CompiledQuery.raw(`explain (format json) ${compiled.sql}`, [...compiled.parameters]),
        );
        const text = JSON.stringify(plan.rows);
        expect(text).toContain('outbox_claim_idx');
        expect(text).toContain('outbox_lease_idx');
        expect(text).not.toContain('Seq Scan');
        // A sort may order the ids claimed (at most `limit`), never the due rows themselves.
        const [explained] = (plan.rows[0]?.['QUERY PLAN'] ?? []) as { Plan: PlanNode }[];
        if (explained === undefined) throw new Error('No plan.');
        expect(sortsOverUnlimitedScans(explained.Plan)).toEqual([]);
      });
    }
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
