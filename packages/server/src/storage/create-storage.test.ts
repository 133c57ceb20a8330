import { createHash } from 'node:crypto';
import { isBalaghError } from '@balagh/core';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, forEachDatabase } from '../../test/support/for-each-database.js';
import {
  createsWithOneFailing,
  newReportRequest,
  receivedOutboxRow,
} from '../../test/support/report-fixtures.js';
import type { Storage } from './storage.js';

const hour = 3_600_000;

forEachDatabase('report storage', (getDatabase) => {
  let storagePromise: Promise<Storage> | undefined;
  const storage = () => {
    storagePromise ??= getDatabase().openStorage();
    return storagePromise;
  };

  it('creates a report and reads it back with its timeline, token hash and outbox row', async () => {
    const store = await storage();
    const request = newReportRequest({
      hijriYear: 1401,
      phone: '+966512345678',
      lat: 21.42,
      lng: 39.82,
    });
    const result = await store.createReport(request);
    expect(result.kind).toBe('created');
    const report = request.built?.write.report;
    if (report === undefined) throw new Error('not built');
    expect(report.number).toMatch(/^1401-000001-\d$/);

    const byId = await store.getReport(report.id);
    expect(byId?.report).toEqual(report);
    expect(byId?.version).toBe(1);
    expect((await store.getReportByNumber(report.number))?.report.id).toBe(report.id);
    expect(await store.getTimeline(report.id)).toEqual(report.timeline);
    expect(await store.getTrackingTokenHash(report.id)).toBe(request.built?.trackingTokenHash);
    const outbox = await store.listOutbox({ reportId: report.id });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ kind: 'received', status: 'pending', attempts: 0 });
    expect((await store.findLatestReportByContact({ phone: '+966512345678' }))?.report.id).toBe(
      report.id,
    );
  });

  it('never stores a reporter phone number in an indexed column', async () => {
    const store = await storage();
    const request = newReportRequest({ hijriYear: 1402, phone: '+966500000001' });
    await store.createReport(request);
    const id = request.built?.write.report.id ?? '';
    const row = await store.kysely
      .selectFrom('reports')
      .select(['reporter_phone_hash', 'reporter_whatsapp_hash'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.reporter_phone_hash).toBe(
      createHash('sha256').update('phone:+966500000001').digest('hex'),
    );
    expect(row.reporter_phone_hash).not.toContain('966500000001');
  });

  it('writes nothing of a report when one of its outbox rows fails to insert', async () => {
    const store = await storage();
    // Two outbox rows with one idempotency key: the second insert violates the unique index.
    const request = newReportRequest({
      hijriYear: 1403,
      outbox: (report) => [
        receivedOutboxRow(report),
        { ...receivedOutboxRow(report), id: 'other' },
      ],
    });
    await expect(store.createReport(request)).rejects.toThrow();
    const id = request.built?.write.report.id ?? '';
    expect(await store.getReport(id)).toBeUndefined();
    expect(await store.getTimeline(id)).toEqual([]);
    expect(await store.getTrackingTokenHash(id)).toBeUndefined();
    expect(await store.listOutbox({ reportId: id })).toEqual([]);
  });

  it('answers the stored response to the same idempotency key and body', async () => {
    const store = await storage();
    const now = new Date().toISOString();
    const idempotency = {
      scope: 'key-1',
      key: 'same',
      requestHash: 'hash-a',
      now,
      expiresAt: new Date(Date.parse(now) + 24 * hour).toISOString(),
    };
    const first = await store.createReport(newReportRequest({ hijriYear: 1404, idempotency }));
    const second = await store.createReport(newReportRequest({ hijriYear: 1404, idempotency }));
    expect(first.kind).toBe('created');
    expect(second).toEqual({ kind: 'replayed', response: first.response });
    const other = store.createReport(
      newReportRequest({ hijriYear: 1404, idempotency: { ...idempotency, requestHash: 'hash-b' } }),
    );
    await expect(other).rejects.toSatisfy((error) =>
      isBalaghError(error, 'IDEMPOTENCY_KEY_REUSED'),
    );
    // Scoped per API key: another key may use the same idempotency key.
    const otherScope = await store.createReport(
      newReportRequest({ hijriYear: 1404, idempotency: { ...idempotency, scope: 'key-2' } }),
    );
    expect(otherScope.kind).toBe('created');
    const count = await store.kysely
      .selectFrom('reports')
      .select((expression) => expression.fn.countAll().as('count'))
      .where('hijri_year', '=', 1404)
      .executeTakeFirstOrThrow();
    expect(Number(count.count)).toBe(2);
  });

  it('creates one report for concurrent requests with the same idempotency key', async () => {
    const store = await storage();
    const now = new Date().toISOString();
    const idempotency = {
      scope: 'key-1',
      key: 'concurrent',
      requestHash: 'hash-a',
      now,
      expiresAt: new Date(Date.parse(now) + 24 * hour).toISOString(),
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        store.createReport(newReportRequest({ hijriYear: 1405, idempotency })),
      ),
    );
    expect(results.filter((result) => result.kind === 'created')).toHaveLength(1);
    const responses = new Set(results.map((result) => JSON.stringify(result.response)));
    expect(responses.size).toBe(1);
    const rows = await store.kysely
      .selectFrom('reports')
      .select('id')
      .where('hijri_year', '=', 1405)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('numbers 200 concurrent creates 1 to 200 within a Hijri year, separately per year', async () => {
    const store = await storage();
    const creates = Array.from({ length: 200 }, (_, index) =>
      store.createReport(newReportRequest({ hijriYear: index % 2 === 0 ? 1406 : 1407 })),
    );
    await Promise.all(creates);
    for (const year of [1406, 1407]) {
      const rows = await store.kysely
        .selectFrom('reports')
        .select(['sequence', 'number'])
        .where('hijri_year', '=', year)
        .execute();
      const sequences = rows.map((row) => Number(row.sequence)).sort((a, b) => a - b);
      expect(sequences).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
      expect(new Set(rows.map((row) => row.number)).size).toBe(100);
    }
  });

  it('fails an update with CONFLICT when the version changed', async () => {
    const store = await storage();
    const request = newReportRequest({ hijriYear: 1408 });
    await store.createReport(request);
    const write = request.built?.write;
    if (write === undefined) throw new Error('not built');
    const later = new Date(Date.parse(write.report.createdAt) + 1000).toISOString();
    const entry = {
      at: later,
      actor: 'agent-1',
      role: 'agent',
      from: 'received',
      to: 'assigned',
      departmentCode: 'roads',
    } as const;
    const next = {
      ...write,
      report: {
        ...write.report,
        status: 'assigned' as const,
        updatedAt: later,
        timeline: [...write.report.timeline, entry],
      },
    };
    const updated = await store.updateReport({
      reportId: write.report.id,
      expectedVersion: 1,
      write: next,
      newTimelineEntries: [entry],
    });
    expect(updated.version).toBe(2);
    await expect(
      store.updateReport({
        reportId: write.report.id,
        expectedVersion: 1,
        write: next,
        newTimelineEntries: [entry],
      }),
    ).rejects.toSatisfy((error) => isBalaghError(error, 'CONFLICT'));
    await expect(store.updateReport({ reportId: 'missing', expectedVersion: 1 })).rejects.toSatisfy(
      (error) => isBalaghError(error, 'REPORT_NOT_FOUND'),
    );
    expect(await store.getTimeline(write.report.id)).toHaveLength(2);
    expect((await store.getReport(write.report.id))?.report.status).toBe('assigned');
  });

  it('keeps closure-code state, and deletes it when asked', async () => {
    const store = await storage();
    const request = newReportRequest({ hijriYear: 1409 });
    await store.createReport(request);
    const id = request.built?.write.report.id ?? '';
    const state = {
      keyId: 'k1',
      counter: 1,
      issuedAt: new Date().toISOString(),
      failedAttempts: 2,
    };
    await store.updateReport({ reportId: id, expectedVersion: 1, closureState: state });
    expect(await store.getClosureState(id)).toEqual(state);
    await store.updateReport({
      reportId: id,
      expectedVersion: 2,
      closureState: { ...state, failedAttempts: 3 },
    });
    expect((await store.getClosureState(id))?.failedAttempts).toBe(3);
    await store.updateReport({ reportId: id, expectedVersion: 3, closureState: null });
    expect(await store.getClosureState(id)).toBeUndefined();
  });

  it('stores API keys by hash and revokes them once', async () => {
    const store = await storage();
    const createdAt = new Date().toISOString();
    await store.insertApiKey({
      id: 'k-admin',
      name: 'Admin',
      role: 'admin',
      secretHash: 'abc',
      createdAt,
    });
    await store.insertApiKey({
      id: 'k-dept',
      name: 'Lighting',
      role: 'department',
      departmentCode: 'lighting',
      secretHash: 'def',
      createdAt,
    });
    expect(await store.getApiKey('k-dept')).toEqual({
      id: 'k-dept',
      name: 'Lighting',
      role: 'department',
      departmentCode: 'lighting',
      secretHash: 'def',
      createdAt,
    });
    expect(await store.revokeApiKey('k-dept', '2030-01-01T00:00:00.000Z')).toBe(true);
    expect(await store.revokeApiKey('k-dept', '2031-01-01T00:00:00.000Z')).toBe(true);
    expect((await store.getApiKey('k-dept'))?.revokedAt).toBe('2030-01-01T00:00:00.000Z');
    expect(await store.revokeApiKey('nope', createdAt)).toBe(false);
    expect((await store.listApiKeys()).map((key) => key.id).sort()).toEqual(['k-admin', 'k-dept']);
  });

  it('keeps conversations until they expire', async () => {
    const store = await storage();
    await store.putConversation(
      'whatsapp',
      'wa-1',
      { step: 'category' },
      '2030-01-01T00:00:00.000Z',
      '2030-01-02T00:00:00.000Z',
    );
    expect(
      (await store.getConversation('whatsapp', 'wa-1', '2030-01-01T12:00:00.000Z'))?.state,
    ).toEqual({ step: 'category' });
    await store.putConversation(
      'whatsapp',
      'wa-1',
      { step: 'location' },
      '2030-01-01T01:00:00.000Z',
      '2030-01-02T01:00:00.000Z',
    );
    expect(
      (await store.getConversation('whatsapp', 'wa-1', '2030-01-01T12:00:00.000Z'))?.state,
    ).toEqual({ step: 'location' });
    expect(
      await store.getConversation('whatsapp', 'wa-1', '2030-01-03T00:00:00.000Z'),
    ).toBeUndefined();
    await store.deleteConversation('whatsapp', 'wa-1');
    expect(
      await store.getConversation('whatsapp', 'wa-1', '2030-01-01T12:00:00.000Z'),
    ).toBeUndefined();
  });

  it('marks a channel message seen once, also when two connections race, until it expires', async () => {
    const store = await storage();
    const other = await getDatabase().openStorage();
    const now = '2030-01-01T00:00:00.000Z';
    const until = '2030-01-08T00:00:00.000Z';
    try {
      const marks = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          (index % 2 === 0 ? store : other).markMessageSeen('whatsapp', 'wamid.race', now, until),
        ),
      );
      expect(marks.filter(Boolean)).toHaveLength(1);
      expect(await store.markMessageSeen('whatsapp', 'wamid.race', now, until)).toBe(false);
      // Another channel's id is another message.
      expect(await store.markMessageSeen('sms', 'wamid.race', now, until)).toBe(true);
      // Once its mark expired, the id counts as new again, and is marked anew.
      const later = '2030-01-09T00:00:00.000Z';
      expect(
        await other.markMessageSeen('whatsapp', 'wamid.race', later, '2030-01-16T00:00:00.000Z'),
      ).toBe(true);
      expect(
        await store.markMessageSeen('whatsapp', 'wamid.race', later, '2030-01-16T00:00:00.000Z'),
      ).toBe(false);
      await store.markMessageSeen('whatsapp', 'wamid.old', now, until);
      await store.purgeExpired(later);
      const left = await store.kysely
        .selectFrom('seen_messages')
        .select(['channel', 'message_id'])
        .where('message_id', 'in', ['wamid.race', 'wamid.old'])
        .orderBy('channel')
        .execute();
      expect(left).toEqual([{ channel: 'whatsapp', message_id: 'wamid.race' }]);
    } finally {
      await other.close();
    }
  });

  it('answers a ping', async () => {
    await expect((await storage()).ping()).resolves.toBeUndefined();
  });
});

describe('report numbers on PostgreSQL across two processes', () => {
  it('never repeats a number when two pools create at once', async () => {
    const database = await createTestDatabase('postgres');
    try {
      const first = await database.openStorage({ poolSize: 5 });
      const second = await database.openStorage({ poolSize: 5 });
      const creates = Array.from({ length: 200 }, (_, index) =>
        (index % 2 === 0 ? first : second).createReport(newReportRequest({ hijriYear: 1410 })),
      );
      await Promise.all(creates);
      const rows = await first.kysely
        .selectFrom('reports')
        .select(['sequence', 'number'])
        .execute();
      expect(rows.map((row) => Number(row.sequence)).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 200 }, (_, index) => index + 1),
      );
      expect(new Set(rows.map((row) => row.number)).size).toBe(200);
    } finally {
      await database.dispose();
    }
  });
});

describe('group commit on SQLite', () => {
  it('commits writes arriving together in one transaction, each in its own savepoint', async () => {
    const database = await createTestDatabase('sqlite');
    try {
      const store = await database.openStorage();
      const before = store.writeStatistics();
      const { results } = await createsWithOneFailing(store, 1411, 50, 49);
      const after = store.writeStatistics();
      expect(results.filter((result) => result.status === 'rejected')).toHaveLength(1);
      expect(after.units - before.units).toBe(100);
      // 100 units in at most a couple of transactions (one per flush), not 100 fsyncs.
      expect(after.transactions - before.transactions).toBeLessThanOrEqual(2);
      const rows = await store.kysely
        .selectFrom('reports')
        .select('sequence')
        .where('hijri_year', '=', 1411)
        .execute();
      expect(rows).toHaveLength(99);
      // The failed unit's counter increment rolled back with its savepoint: no gap.
      expect(rows.map((row) => Number(row.sequence)).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 99 }, (_, index) => index + 1),
      );
    } finally {
      await database.dispose();
    }
  });
});

describe('SQLite write lock held by another process', () => {
  it('waits for the lock without blocking the event loop, then commits', async () => {
    const database = await createTestDatabase('sqlite');
    const other = new BetterSqlite3(database.url);
    try {
      const store = await database.openStorage({ busyTimeoutMilliseconds: 5000 });
      other.prepare('BEGIN IMMEDIATE').run();
      let settled = false;
      const created = store.createReport(newReportRequest({ hijriYear: 1412 })).finally(() => {
        settled = true;
      });
      // SQLite's busy handler would sleep inside BEGIN and hold up these timers.
      const started = performance.now();
      let turns = 0;
      while (performance.now() - started < 150) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        turns += 1;
      }
      expect(settled).toBe(false);
      expect(turns).toBeGreaterThan(10);
      other.prepare('COMMIT').run();
      expect((await created).kind).toBe('created');
      expect(store.writeStatistics().lockRetries).toBeGreaterThan(0);
    } finally {
      other.close();
      await database.dispose();
    }
  });

  it('fails the waiting writes as unavailable after the timeout, and writes again afterwards', async () => {
    const database = await createTestDatabase('sqlite');
    const other = new BetterSqlite3(database.url);
    try {
      const store = await database.openStorage({ busyTimeoutMilliseconds: 100 });
      other.prepare('BEGIN IMMEDIATE').run();
      const waiting = await Promise.allSettled([
        store.createReport(newReportRequest({ hijriYear: 1413 })),
        store.createReport(newReportRequest({ hijriYear: 1413 })),
      ]);
      for (const result of waiting) {
        expect(result.status).toBe('rejected');
        const reason = (result as PromiseRejectedResult).reason;
        expect(isBalaghError(reason) && reason.code).toBe('SERVICE_UNAVAILABLE');
        expect(reason.details).toEqual({ retryAfterSeconds: 1 });
        expect(reason.cause).toMatchObject({ code: 'SQLITE_BUSY' });
      }
      other.prepare('COMMIT').run();
      expect((await store.createReport(newReportRequest({ hijriYear: 1413 }))).kind).toBe(
        'created',
      );
      const numbers = await store.kysely
        .selectFrom('reports')
        .select('sequence')
        .where('hijri_year', '=', 1413)
        .execute();
      expect(numbers.map((row) => Number(row.sequence))).toEqual([1]);
    } finally {
      other.close();
      await database.dispose();
    }
  });
});

describe('batched creates on PostgreSQL', () => {
  it('writes creates arriving together in one statement, and a failing one fails alone', async () => {
    const database = await createTestDatabase('postgres');
    try {
      const store = await database.openStorage();
      const before = store.writeStatistics();
      await Promise.all(
        Array.from({ length: 100 }, () =>
          store.createReport(newReportRequest({ hijriYear: 1412 })),
        ),
      );
      const after = store.writeStatistics();
      expect(after.units - before.units).toBe(100);
      expect(after.transactions - before.transactions).toBeLessThanOrEqual(2);

      // What one batch statement stored reads back exactly as built.
      const requests = Array.from({ length: 10 }, (_, index) =>
        newReportRequest({
          hijriYear: 1414,
          lat: 21.4225 + index / 7,
          lng: 39.826_212_345_678_9,
          areaCode: 'ajyad',
          phone: '+966512345678',
          ...(index % 2 === 0 ? { whatsappUserId: `wa-"${index}"\\` } : {}),
          resolutionDueAt: '2030-01-01T00:00:00.000Z',
          slaState: 'at_risk',
          idempotency: {
            scope: 'key-1',
            key: `batch-${index}`,
            requestHash: `hash-${index}`,
            now: '2030-01-01T00:00:00.000Z',
            expiresAt: '2999-01-01T00:00:00.000Z',
          },
        }),
      );
      const batchBefore = store.writeStatistics();
      const written = await Promise.all(requests.map((request) => store.createReport(request)));
      expect(store.writeStatistics().transactions - batchBefore.transactions).toBe(1);
      expect(written.every((result) => result.kind === 'created')).toBe(true);
      for (const request of requests) {
        const built = request.built;
        if (built === undefined) throw new Error('not built');
        const { report } = built.write;
        expect(await store.getReport(report.id)).toEqual({
          report,
          version: 1,
          slaState: 'at_risk',
          resolutionDueAt: '2030-01-01T00:00:00.000Z',
        });
        expect(await store.getTimeline(report.id)).toEqual(report.timeline);
        expect(await store.getTrackingTokenHash(report.id)).toBe(built.trackingTokenHash);
        expect(await store.listOutbox({ reportId: report.id })).toMatchObject(
          built.outbox.map((row) => ({ ...row, status: 'pending', attempts: 0 })),
        );
        const again = await store.createReport({ ...request, build: () => built });
        expect(again).toEqual({ kind: 'replayed', response: built.response });
      }

      const { results, failing } = await createsWithOneFailing(store, 1413, 20, 19);
      expect(results.filter((result) => result.status === 'rejected')).toHaveLength(1);
      const rows = await store.kysely
        .selectFrom('reports')
        .select(['sequence', 'number'])
        .where('hijri_year', '=', 1413)
        .execute();
      expect(rows).toHaveLength(39);
      // The failing create's number is a gap (sequences are not transactional), never a repeat.
      expect(new Set(rows.map((row) => row.number)).size).toBe(39);
      expect(await store.listOutbox({ reportId: failing.built?.write.report.id ?? '' })).toEqual(
        [],
      );
    } finally {
      await database.dispose();
    }
  });
});
