import { isBalaghError } from '@balagh/core';
import { CompiledQuery } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from '../../test/support/for-each-database.js';
import { newReportRequest, type ReportFixture } from '../../test/support/report-fixtures.js';
import { duplicateCandidatesQuery } from './create-query-storage.js';
import type { Storage, StoredReport } from './storage.js';

const t0 = Date.parse('2030-03-01T00:00:00.000Z');
const minute = 60_000;
const at = (milliseconds: number) => new Date(t0 + milliseconds).toISOString();

async function create(storage: Storage, fixture: ReportFixture): Promise<StoredReport> {
  const request = newReportRequest(fixture);
  const result = await storage.createReport(request);
  if (result.kind !== 'created') throw new Error('not created');
  return result.stored;
}

async function collect(
  storage: Storage,
  query: Parameters<Storage['listReports']>[0],
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await storage.listReports({
      ...query,
      ...(cursor === undefined ? {} : { cursor }),
    });
    ids.push(...page.items.map((item) => item.report.id));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return ids;
}

forEachDatabase('report lists', (getDatabase) => {
  let storage: Storage;
  const reports: StoredReport[] = [];

  beforeAll(async () => {
    storage = await getDatabase().openStorage();
    const departments = ['lighting', 'roads', 'cleanliness'];
    const channels = ['web', 'whatsapp', 'call_center'] as const;
    for (let index = 0; index < 30; index += 1) {
      reports.push(
        await create(storage, {
          createdAt: at(index * minute),
          departmentCode: departments[index % 3] ?? 'lighting',
          categoryCode: index % 2 === 0 ? 'street_lighting' : 'potholes',
          channel: channels[index % 3] ?? 'web',
          areaCode: index < 15 ? 'mina' : 'arafat',
          status: index % 5 === 0 ? 'assigned' : 'received',
          slaState: index % 7 === 0 ? 'breached' : 'on_track',
          // Every fourth report has no due date; the others are due in reverse creation order.
          ...(index % 4 === 3 ? {} : { resolutionDueAt: at((100 - index) * minute) }),
        }),
      );
    }
  });

  it('pages newest first through every report without repeats', async () => {
    const ids = await collect(storage, { limit: 7 });
    expect(ids).toEqual([...reports].reverse().map((stored) => stored.report.id));
  });

  it('filters by status, department, category, channel, area, SLA state and creation range', async () => {
    const expected = (keep: (stored: StoredReport, index: number) => boolean) =>
      reports
        .filter(keep)
        .reverse()
        .map((stored) => stored.report.id);
    expect(await collect(storage, { status: ['assigned'], limit: 2 })).toEqual(
      expected((_, index) => index % 5 === 0),
    );
    expect(await collect(storage, { departmentCode: ['roads', 'cleanliness'] })).toEqual(
      expected((_, index) => index % 3 !== 0),
    );
    expect(
      await collect(storage, {
        categoryCode: ['potholes'],
        channel: ['whatsapp'],
        areaCode: ['arafat'],
        limit: 1,
      }),
    ).toEqual(expected((_, index) => index % 2 === 1 && index % 3 === 1 && index >= 15));
    expect(await collect(storage, { slaState: ['breached'] })).toEqual(
      expected((_, index) => index % 7 === 0),
    );
    expect(
      await collect(storage, {
        createdFrom: at(10 * minute),
        createdTo: at(20 * minute),
        limit: 3,
      }),
    ).toEqual(expected((_, index) => index >= 10 && index < 20));
  });

  it('sorts by resolution due time, soonest first, reports without one last', async () => {
    const ids = await collect(storage, { sort: 'sla_due', limit: 4 });
    const due = reports.filter((stored) => stored.resolutionDueAt !== undefined);
    const undue = reports.filter((stored) => stored.resolutionDueAt === undefined);
    expect(ids).toEqual([
      ...[...due]
        .sort((a, b) => (a.resolutionDueAt ?? '').localeCompare(b.resolutionDueAt ?? ''))
        .map((s) => s.report.id),
      ...[...undue].sort((a, b) => a.report.id.localeCompare(b.report.id)).map((s) => s.report.id),
    ]);
  });

  it('stores the SLA state the monitor computed only while the report is unchanged', async () => {
    const db = getDatabase();
    const store = await db.openStorage();
    const stored = await create(store, { createdAt: at(0), resolutionDueAt: at(60 * minute) });
    const update = {
      reportId: stored.report.id,
      slaState: 'at_risk' as const,
      resolutionDueAt: at(90 * minute),
    };
    expect(await store.storeSlaState({ ...update, version: stored.version })).toBe(true);
    expect(await store.getReport(stored.report.id)).toMatchObject({
      version: stored.version,
      slaState: 'at_risk',
      resolutionDueAt: at(90 * minute),
    });
    expect(
      await store.storeSlaState({ ...update, slaState: 'breached', version: stored.version + 1 }),
    ).toBe(false);
    expect((await store.getReport(stored.report.id))?.slaState).toBe('at_risk');
  });

  it('refuses a cursor it did not make', async () => {
    await expect(storage.listReports({ cursor: 'not-a-cursor' })).rejects.toSatisfy((error) =>
      isBalaghError(error, 'VALIDATION_FAILED'),
    );
  });

  it('pages through open reports in id order with their SLA marks, recording each mark once', async () => {
    const first = reports[1];
    if (first === undefined) throw new Error('missing');
    const outboxRow = {
      id: 'escalation-1',
      reportId: first.report.id,
      reportNumber: first.report.number,
      kind: 'escalation' as const,
      channel: 'web',
      recipient: { departmentCode: 'roads' },
      language: 'ar' as const,
      variables: { number: first.report.number },
      idempotencyKey: `${first.report.id}:sla:resolution:breached`,
      createdAt: at(0),
    };
    const mark = {
      reportId: first.report.id,
      clock: 'resolution',
      mark: 'breached',
      at: at(0),
      slaState: 'breached' as const,
    };
    const results = await Promise.all([
      storage.recordSlaMark({ ...mark, outbox: [outboxRow] }),
      storage.recordSlaMark({ ...mark, outbox: [{ ...outboxRow, id: 'escalation-2' }] }),
    ]);
    expect(results.sort()).toEqual([false, true]);
    expect(
      (await storage.listOutbox({ reportId: first.report.id })).filter(
        (row) => row.kind === 'escalation',
      ),
    ).toHaveLength(1);
    expect((await storage.getReport(first.report.id))?.slaState).toBe('breached');

    const seen: string[] = [];
    let cursor: string | undefined;
    let marks: readonly { clock: string; mark: string }[] = [];
    do {
      const page = await storage.listOpenReports({
        limit: 8,
        ...(cursor === undefined ? {} : { cursor }),
      });
      for (const item of page.items) {
        seen.push(item.stored.report.id);
        if (item.stored.report.id === first.report.id) marks = item.marks;
      }
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    // Every open report once, in id order (other tests of this block may add reports).
    expect(seen).toEqual([...new Set(seen)].sort());
    expect(seen).toEqual(expect.arrayContaining(reports.map((stored) => stored.report.id)));
    expect(marks).toEqual([{ clock: 'resolution', mark: 'breached' }]);
  });

  it('finds duplicate candidates in the range box through the duplicates index, never a full scan', async () => {
    const db = getDatabase();
    const store = await db.openStorage();
    // Enough rows of other categories and places that a full scan would be the worse plan.
    const fillers: Promise<unknown>[] = [];
    for (let index = 0; index < 1500; index += 1) {
      fillers.push(
        create(store, {
          createdAt: at(index * 1000),
          categoryCode: `category_${index % 25}`,
          lat: 21 + (index % 100) / 100,
          lng: 39.5 + (index % 50) / 100,
        }),
      );
    }
    await Promise.all(fillers);
    const near = await create(store, {
      createdAt: at(0),
      categoryCode: 'abandoned_vehicle',
      lat: 21.4225,
      lng: 39.8262,
    });
    await create(store, {
      createdAt: at(0),
      categoryCode: 'abandoned_vehicle',
      lat: 21.5,
      lng: 39.9,
    });
    const query = {
      categoryCode: 'abandoned_vehicle',
      statuses: ['received', 'assigned', 'in_progress'] as const,
      minLat: 21.42,
      maxLat: 21.425,
      minLng: 39.82,
      maxLng: 39.83,
      createdFrom: at(-60 * minute),
      createdTo: at(60 * minute),
    };
    const found = await store.findDuplicateCandidates(query);
    expect(found.map((stored) => stored.report.id)).toEqual([near.report.id]);

    const compiled = duplicateCandidatesQuery(store.kysely, query).compile();
    if (db.dialect === 'sqlite') {
      const plan = await store.kysely.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
      );
      const details = plan.rows.map((row) => row.detail).join('\n');
      expect(details).toContain('reports_duplicates_idx');
      expect(details).not.toMatch(/SCAN reports(?! USING)/);
    } else {
      await store.kysely.executeQuery(CompiledQuery.raw('analyze reports'));
      const plan = await store.kysely.executeQuery<{ 'QUERY PLAN': unknown }>(
        CompiledQuery.raw(`explain (format json) ${compiled.sql}`, [...compiled.parameters]),
      );
      const text = JSON.stringify(plan.rows);
      expect(text).toContain('reports_duplicates_idx');
      expect(text).not.toContain('Seq Scan');
    }
  });

  it('counts stats by status, category, department, channel and day, with rates', async () => {
    const db = getDatabase();
    const store = await db.openStorage();
    const from = '2031-01-01T00:00:00.000Z';
    const created = [
      await create(store, {
        createdAt: '2031-01-01T10:00:00.000Z',
        resolutionDueAt: '2031-01-03T00:00:00.000Z',
      }),
      await create(store, {
        createdAt: '2031-01-01T11:00:00.000Z',
        resolutionDueAt: '2031-01-01T12:00:00.000Z',
      }),
      await create(store, {
        createdAt: '2031-01-02T10:00:00.000Z',
        departmentCode: 'roads',
        channel: 'sms',
      }),
      await create(store, { createdAt: '2031-01-02T11:00:00.000Z', status: 'assigned' }),
    ];
    const resolve = async (
      stored: StoredReport,
      resolvedAt: string,
      status: 'resolved' | 'closed',
    ) => {
      const report = { ...stored.report, status, updatedAt: resolvedAt };
      await store.updateReport({
        reportId: report.id,
        expectedVersion: stored.version,
        write: {
          report,
          slaState: 'on_track',
          resolvedAt,
          ...(stored.resolutionDueAt === undefined
            ? {}
            : { resolutionDueAt: stored.resolutionDueAt }),
        },
      });
    };
    const [first, second] = created;
    if (first === undefined || second === undefined) throw new Error('missing');
    await resolve(first, '2031-01-01T12:00:00.000Z', 'closed'); // 2 h, within due
    await resolve(second, '2031-01-01T15:00:00.000Z', 'resolved'); // 4 h, late
    const stats = await store.stats({ from, to: '2031-02-01T00:00:00.000Z' });
    expect(stats).toEqual({
      total: 4,
      byStatus: { closed: 1, resolved: 1, received: 1, assigned: 1 },
      byCategory: { street_lighting: 4 },
      byDepartment: { lighting: 3, roads: 1 },
      byChannel: { web: 3, sms: 1 },
      byDay: [
        { day: '2031-01-01', count: 2 },
        { day: '2031-01-02', count: 2 },
      ],
      closureRate: 0.25,
      slaCompliance: 0.5,
      medianTimeToResolveMilliseconds: 3 * 3_600_000,
    });
    const scoped = await store.stats({
      from,
      to: '2031-02-01T00:00:00.000Z',
      departmentCode: 'roads',
    });
    expect(scoped.total).toBe(1);
    expect(scoped.closureRate).toBe(0);
    expect(scoped.slaCompliance).toBeNull();
    expect(scoped.medianTimeToResolveMilliseconds).toBeNull();
  });
});
