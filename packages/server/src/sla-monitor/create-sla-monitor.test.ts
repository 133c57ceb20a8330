import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  type BalaghEventMap,
  createBalaghEmitter,
  createClosureKeyring,
  defaultTaxonomy,
  slaStatus,
} from '@balagh/core';
import { sql } from 'kysely';
import pg from 'pg';
import { expect, it } from 'vitest';
import { forEachDatabase, type TestDatabase } from '../../test/support/for-each-database.js';
import { createReportService } from '../service/create-report-service.js';
import type { Actor } from '../service/report-service.js';
import { createSlaMonitor, slaMonitorLockKey } from './create-sla-monitor.js';

const widget: Actor = { keyId: 'widget', role: 'integration' };
const supervisor: Actor = { keyId: 'supervisor', role: 'supervisor' };

async function setUp(database: TestDatabase) {
  const storage = await database.openStorage();
  const emitter = createBalaghEmitter();
  const clock = { now: Date.parse('2030-03-10T06:00:00.000Z') };
  const service = createReportService({
    storage,
    taxonomy: defaultTaxonomy,
    closureKeyring: createClosureKeyring({
      currentKeyId: 'k',
      keys: { k: randomBytes(32).toString('base64url') },
    }),
    emitter,
    clock: () => clock.now,
    unconfirmedCloseAfterMs: 72 * 3_600_000,
    mediaDirectory: join(database.directory, 'media'),
  });
  const monitor = createSlaMonitor({
    service,
    storage,
    taxonomy: defaultTaxonomy,
    clock: () => clock.now,
  });
  const create = async (categoryCode = 'street_lighting') =>
    await service.forActor(widget).submitReport({
      categoryCode,
      description: 'The lamp post at gate 79 is dark.',
      reporter: { phone: '+966512345678' },
      channel: 'web',
      language: 'en',
    });
  return { storage, emitter, clock, service, monitor, create };
}

forEachDatabase('createSlaMonitor', (getDatabase) => {
  it('records at-risk and breached once per clock, each with one escalation, and tells', async () => {
    const { storage, emitter, clock, service, monitor, create } = await setUp(getDatabase());
    const receipt = await create();
    const report = (await storage.getReport(receipt.id))?.report;
    if (report === undefined) throw new Error('The report was not stored.');
    const policy = defaultTaxonomy.slaPolicyFor(report.categoryCode);
    const far = slaStatus(report, policy, Date.parse('2031-01-01T00:00:00.000Z'));
    const atRiskAt = Date.parse(far.resolution.atRiskAt ?? '');
    const breachedAt = Date.parse(far.resolution.breachedAt ?? '');
    const atRisk: BalaghEventMap['sla.at_risk'][0][] = [];
    const breached: BalaghEventMap['sla.breached'][0][] = [];
    emitter.on('sla.at_risk', (event) => atRisk.push(event));
    emitter.on('sla.breached', (event) => breached.push(event));

    expect(await monitor.sweep()).toMatchObject({ reports: 1, atRisk: 0, breached: 0 });

    clock.now = atRiskAt + 1;
    const first = await monitor.sweep();
    expect(first.atRisk + first.breached).toBeGreaterThanOrEqual(1);
    expect(atRisk.filter((event) => event.target === 'resolution')).toHaveLength(1);
    expect((await monitor.sweep()).atRisk).toBe(0);

    clock.now = breachedAt + 1;
    expect((await monitor.sweep()).breached).toBeGreaterThanOrEqual(1);
    expect((await monitor.sweep()).breached).toBe(0);
    expect(breached.filter((event) => event.target === 'resolution')).toHaveLength(1);

    const escalations = (await storage.listOutbox({ reportId: report.id })).filter(
      (row) => row.kind === 'escalation',
    );
    const keys = escalations.map((row) => row.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain(`${report.id}:sla:resolution:breached`);
    expect(keys.some((key) => key.startsWith(`${report.id}:sla:resolution:at_risk:`))).toBe(true);
    expect(escalations[0]?.recipient).toEqual({ departmentCode: report.departmentCode });

    const listed = await service.forActor(supervisor).listReports({ slaState: ['breached'] });
    expect(listed.items.map((item) => item.id)).toEqual([report.id]);
  });

  it('keeps the stored resolution due time current while the clock is paused', async () => {
    const { storage, clock, service, monitor, create } = await setUp(getDatabase());
    const receipt = await create('water_leak');
    await service
      .forActor(supervisor)
      .transitionReport(receipt.id, { to: 'awaiting_info', note: 'Which street?' });
    const before = (await storage.getReport(receipt.id))?.resolutionDueAt;
    clock.now += 3 * 3_600_000;
    const result = await monitor.sweep();
    const after = await storage.getReport(receipt.id);
    expect(result.updated).toBeGreaterThanOrEqual(1);
    expect(Date.parse(after?.resolutionDueAt ?? '')).toBeGreaterThan(Date.parse(before ?? ''));
  });

  it('closes resolved reports nobody confirmed in time', async () => {
    const { clock, service, monitor, create } = await setUp(getDatabase());
    const receipt = await create();
    const staff = service.forActor(supervisor);
    await staff.assignReport(receipt.id, { departmentCode: 'lighting' });
    await staff.transitionReport(receipt.id, { to: 'in_progress' });
    await staff.transitionReport(receipt.id, { to: 'resolved' });
    clock.now += 73 * 3_600_000;
    expect((await monitor.sweep()).closedUnconfirmed).toBe(1);
    const report = await staff.getReport(receipt.id);
    expect(report).toMatchObject({ status: 'closed', closedHow: 'unconfirmed' });
  });

  it('sweeps every interval once started, and stops cleanly', async () => {
    const database = getDatabase();
    const { storage, service, clock, create } = await setUp(database);
    const receipt = await create();
    clock.now += 30 * 86_400_000;
    const monitor = createSlaMonitor({
      service,
      storage,
      taxonomy: defaultTaxonomy,
      clock: () => clock.now,
      intervalMilliseconds: 20,
    });
    monitor.start();
    monitor.start();
    const deadline = Date.now() + 5000;
    let marks = 0;
    while (marks === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const page = await storage.listOpenReports({ limit: 1000 });
      marks = page.items.find((item) => item.stored.report.id === receipt.id)?.marks.length ?? 0;
    }
    await monitor.stop();
    expect(marks).toBeGreaterThan(0);
  });
});

forEachDatabase('createSlaMonitor lock', (getDatabase) => {
  it('skips the sweep while another process holds the monitor lock (PostgreSQL)', async () => {
    const database = getDatabase();
    const { monitor, create, storage } = await setUp(database);
    await create();
    if (database.dialect === 'sqlite') {
      // SQLite: a single process is assumed, so there is no lock to hold.
      expect((await monitor.sweep()).skipped).toBe(false);
      return;
    }
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      await other.query('select pg_advisory_lock($1)', [slaMonitorLockKey]);
      expect(await monitor.sweep()).toMatchObject({ skipped: true, reports: 0 });
      await other.query('select pg_advisory_unlock($1)', [slaMonitorLockKey]);
      expect(await monitor.sweep()).toMatchObject({ skipped: false, reports: 1 });
      // The lock is released after a sweep: another session can take it.
      const { rows } = await sql<{
        locked: boolean;
      }>`select pg_try_advisory_lock(${slaMonitorLockKey}) as locked`.execute(storage.kysely);
      expect(rows[0]?.locked).toBe(true);
      await sql`select pg_advisory_unlock_all()`.execute(storage.kysely);
    } finally {
      await other.end();
    }
  });
});
