import {
  createWorkingCalendar,
  type SlaClockStatus,
  type SlaPolicy,
  type SlaStatus,
  slaStatus,
  type Taxonomy,
  type WorkingCalendar,
} from '@balagh/core';
import { sql } from 'kysely';
import { type HttpLogger, redactForLog, silentHttpLogger } from '../http/http-logger.js';
import type { ReportService } from '../service/report-service.js';
import type { OpenStoredReport, Storage } from '../storage/storage.js';

/** Options of {@link createSlaMonitor}. */
export interface SlaMonitorOptions {
  /** Records the marks (with their escalations and events) and closes unconfirmed reports. */
  readonly service: ReportService;
  /** The service's storage: open reports are paged from it and their stored SLA state kept current. */
  readonly storage: Storage;
  /** The taxonomy the service uses, for the SLA policies. */
  readonly taxonomy: Taxonomy;
  /** Milliseconds between sweeps; default 60 000. */
  readonly intervalMilliseconds?: number;
  /** Open reports read per page; default 500. */
  readonly pageSize?: number;
  /** Also close resolved reports nobody confirmed in time (`closeUnconfirmed`); default `true`. */
  readonly closeUnconfirmed?: boolean;
  /** pino or the like. */
  readonly logger?: HttpLogger;
  /** Current time in epoch milliseconds; default `Date.now`. */
  readonly clock?: () => number;
}

/** What one sweep did. */
export interface SlaSweepResult {
  /** `true` when another process held the monitor lock, so this sweep did nothing. */
  readonly skipped: boolean;
  /** Open reports looked at. */
  readonly reports: number;
  /** New at-risk marks recorded (each with an escalation). */
  readonly atRisk: number;
  /** New breach marks recorded (each with an escalation). */
  readonly breached: number;
  /** Reports whose stored SLA state or resolution due time was brought up to date. */
  readonly updated: number;
  /** Resolved reports closed as unconfirmed. */
  readonly closedUnconfirmed: number;
  /** Reports that failed (logged) and are tried again next sweep. */
  readonly failed: number;
}

/** The periodic SLA sweep of one process. */
export interface SlaMonitor {
  /** Sweeps every interval (the first after one interval); calling it twice does nothing. */
  start(): void;
  /** Runs one sweep (waiting for one in progress first). */
  sweep(): Promise<SlaSweepResult>;
  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void>;
}

/**
 * The PostgreSQL advisory lock key that lets one SLA monitor sweep at a time ("blgsla" in
 * ASCII, as a number).
 */
export const slaMonitorLockKey = 0x626c67736c61;

const clocks = ['response', 'resolution'] as const;

/**
 * Creates the SLA monitor: a periodic sweep over the open reports (paged in id order through the
 * open-reports index) that computes each one's SLA with core's `slaStatus` and
 *
 * - records `at_risk:<share>` (the highest configured share crossed, per clock) and `breached`
 *   exactly once per report and clock — the storage inserts a mark only if absent — and, in the
 *   same transaction, enqueues an escalation (outbox kind `escalation`, recipient the report's
 *   department); the service emits `sla.at_risk` / `sla.breached` for new marks;
 * - stores the SLA state and resolution due time the staff list filters and sorts on, when they
 *   changed (a paused clock's due time moves);
 * - closes, as unconfirmed, resolved reports nobody confirmed in time (`closeUnconfirmed`).
 *
 * On PostgreSQL one monitor sweeps at a time across all processes: each sweep takes
 * `pg_try_advisory_lock` on a connection of its own and skips when another process holds it. On
 * SQLite a single process is assumed (the database is a local file); run one service process.
 *
 * @example
 * ```ts
 * const monitor = createSlaMonitor({ service, storage, taxonomy: defaultTaxonomy, logger });
 * monitor.start();
 * // ...on shutdown:
 * await monitor.stop();
 * ```
 */
export function createSlaMonitor(options: SlaMonitorOptions): SlaMonitor {
  const { service, storage, taxonomy } = options;
  const intervalMilliseconds = options.intervalMilliseconds ?? 60_000;
  const pageSize = options.pageSize ?? 500;
  const logger = options.logger ?? silentHttpLogger;
  const clock = options.clock ?? Date.now;
  const calendars = new Map<SlaPolicy, WorkingCalendar>();
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<SlaSweepResult> | undefined;
  let started = false;
  let stopped = false;

  const policyOf = (open: OpenStoredReport): SlaPolicy => {
    const { report } = open.stored;
    return taxonomy.slaPolicy(report.slaPolicyCode) ?? taxonomy.slaPolicyFor(report.categoryCode);
  };

  const calendarOf = (policy: SlaPolicy): WorkingCalendar => {
    let calendar = calendars.get(policy);
    if (calendar === undefined) {
      calendar = createWorkingCalendar(policy.calendar);
      calendars.set(policy, calendar);
    }
    return calendar;
  };

  /** The mark a clock deserves now, if any: `breached`, or its highest at-risk share. */
  const markOf = (status: SlaClockStatus): string | undefined => {
    if (status.state === 'breached') return 'breached';
    // A stopped clock that made it in time needs no warning any more.
    if (status.state !== 'at_risk' || status.stoppedAt !== undefined) return undefined;
    const share = Math.max(...status.sharesCrossed);
    return Number.isFinite(share) ? `at_risk:${share}` : undefined;
  };

  async function sweepReport(
    open: OpenStoredReport,
    now: number,
    totals: { atRisk: number; breached: number; updated: number },
  ): Promise<void> {
    const { stored } = open;
    const policy = policyOf(open);
    const status: SlaStatus = slaStatus(stored.report, policy, now, {
      calendar: calendarOf(policy),
    });
    for (const clockName of clocks) {
      const mark = markOf(status[clockName]);
      if (mark === undefined) continue;
      if (open.marks.some((known) => known.clock === clockName && known.mark === mark)) continue;
      const clockStatus = status[clockName];
      const isNew = await service.recordSlaMark({
        reportId: stored.report.id,
        clock: clockName,
        mark,
        at: now,
        slaState: status.state,
        escalation: {
          variables: {
            dueAt: clockStatus.dueAt,
            ...(clockStatus.breachedAt === undefined ? {} : { breachedAt: clockStatus.breachedAt }),
          },
        },
      });
      if (isNew && mark === 'breached') totals.breached += 1;
      else if (isNew) totals.atRisk += 1;
    }
    const dueAt = status.resolution.dueAt;
    if (stored.slaState !== status.state || stored.resolutionDueAt !== dueAt) {
      const changed = await storage.storeSlaState({
        reportId: stored.report.id,
        version: stored.version,
        slaState: status.state,
        resolutionDueAt: dueAt,
      });
      if (changed) totals.updated += 1;
    }
  }

  async function sweepAll(): Promise<SlaSweepResult> {
    const now = clock();
    const totals = { atRisk: 0, breached: 0, updated: 0 };
    let reports = 0;
    let failed = 0;
    let cursor: string | undefined;
    do {
      const page = await storage.listOpenReports({
        limit: pageSize,
        ...(cursor === undefined ? {} : { cursor }),
      });
      for (const open of page.items) {
        reports += 1;
        try {
          await sweepReport(open, now, totals);
        } catch (error) {
          failed += 1;
          logger.error(
            {
              reportId: open.stored.report.id,
              error: error instanceof Error ? redactForLog(error.message) : 'unknown',
            },
            'SLA sweep of a report failed',
          );
        }
      }
      cursor = page.nextCursor;
    } while (cursor !== undefined && !stopped);
    let closedUnconfirmed = 0;
    if (options.closeUnconfirmed !== false) {
      try {
        closedUnconfirmed = await service.closeUnconfirmed(now);
      } catch (error) {
        logger.error(
          { error: error instanceof Error ? redactForLog(error.message) : 'unknown' },
          'closing unconfirmed reports failed',
        );
      }
    }
    return { skipped: false, reports, ...totals, closedUnconfirmed, failed };
  }

  async function sweepLocked(): Promise<SlaSweepResult> {
    if (storage.dialect !== 'postgres') return await sweepAll();
    // A session lock on one connection held for the sweep: a crashed process's lock goes with
    // its connection.
    return await storage.kysely.connection().execute(async (connection) => {
      const { rows } = await sql<{
        locked: boolean;
      }>`select pg_try_advisory_lock(${slaMonitorLockKey}) as locked`.execute(connection);
      if (rows[0]?.locked !== true) {
        return {
          skipped: true,
          reports: 0,
          atRisk: 0,
          breached: 0,
          updated: 0,
          closedUnconfirmed: 0,
          failed: 0,
        };
      }
      try {
        return await sweepAll();
      } finally {
        await sql`select pg_advisory_unlock(${slaMonitorLockKey})`.execute(connection);
      }
    });
  }

  async function sweep(): Promise<SlaSweepResult> {
    while (current !== undefined) await current.catch(() => undefined);
    const started = clock();
    current = sweepLocked();
    try {
      const result = await current;
      const changed =
        result.atRisk + result.breached + result.updated + result.closedUnconfirmed + result.failed;
      if (!result.skipped && changed > 0) {
        logger.info({ ...result, ms: clock() - started }, 'SLA sweep');
      }
      return result;
    } finally {
      current = undefined;
    }
  }

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      sweep()
        .catch((error: unknown) => {
          logger.error(
            { error: error instanceof Error ? redactForLog(error.message) : 'unknown' },
            'SLA sweep failed',
          );
        })
        .finally(schedule);
    }, intervalMilliseconds);
  };

  return {
    start() {
      if (started || stopped) return;
      started = true;
      // The first sweep waits one interval too: a process restarting under load (or many
      // starting at once) does not add a full sweep to its first seconds.
      schedule();
    },
    sweep,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current?.catch(() => undefined);
    },
  };
}
