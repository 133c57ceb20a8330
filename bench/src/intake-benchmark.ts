/**
 * `pnpm bench:intake`: creates per second of the intake service against a bare node:http server
 * measured in the same run, over loopback with autocannon (50 connections, a fixed time), on
 * SQLite and on a throwaway PostgreSQL cluster; the same with 100,000 stored reports; and the
 * replay of a Hajj season (10,200 reports) through the service in-process, 256 submits at a
 * time. Prints the figures and each target's pass/fail.
 *
 * Environment: BENCH_DURATION (seconds per measured run, default 10), BENCH_ROUNDS (rounds of
 * bare, empty and seeded runs per database, default 3: the medians are compared), BENCH_SEED
 * (stored reports, default 100000), BENCH_SEASON (default 10200), BALAGH_TEST_PG_URL (use that
 * server instead of starting one), BENCH_SKIP_POSTGRES=1.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateClosureSecret } from '@balagh/core';
import { createBalaghServer, createServerLogger, createStorage, loadConfig } from '@balagh/server';
import autocannon, { type Result } from 'autocannon';
import { startTestPostgres } from '../../packages/server/test/support/start-test-postgres.js';
import { seasonReports } from './season-mix.js';
import { seedReports } from './seed-reports.js';
import { type Child, startChild } from './start-child.js';

const run = promisify(execFile);
const duration = Number(process.env['BENCH_DURATION'] ?? 10);
const seedCount = Number(process.env['BENCH_SEED'] ?? 100_000);
const seasonCount = Number(process.env['BENCH_SEASON'] ?? 10_200);
const connections = 50;
/** Rounds of bare, empty and seeded runs per database; the medians are compared. */
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const skipPostgres = process.env['BENCH_SKIP_POSTGRES'] === '1';
/** Season submits under way at once in the replay. */
const replayConcurrency = 256;

const reportBody = JSON.stringify({
  categoryCode: 'street_lighting',
  description: 'The lamp post at King Fahd Gate is dark.',
  location: { lat: 21.4225, lng: 39.8262, landmark: 'King Fahd Gate' },
  reporter: { phone: '+966512345678' },
  channel: 'web',
  language: 'ar',
});

interface Figures {
  readonly name: string;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly failures: number;
  /**
   * CPU time of the whole machine (every process: the load generator, the server, PostgreSQL,
   * anything else running) per request answered, in microseconds.
   */
  readonly machineCpuMicroseconds: number;
}

/** Microseconds of CPU the machine has spent busy since boot (all cores, from /proc/stat). */
function machineBusyMicroseconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]?.trim().split(/\s+/) ?? [];
  const ticks = fields.slice(1).map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  // The kernel counts in USER_HZ, 100 per second on Linux.
  return (total - idle) * 10_000;
}

const log = (text: string) => process.stdout.write(`${text}\n`);

async function load(name: string, url: string, key: string): Promise<Figures> {
  const options = {
    url: `${url}/v1/reports`,
    connections,
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: reportBody,
  };
  await autocannon({ ...options, duration: 2 }); // warm-up: JIT, pools, caches
  const busyBefore = machineBusyMicroseconds();
  const result: Result = await autocannon({ ...options, duration });
  const busy = machineBusyMicroseconds() - busyBefore;
  const figures = {
    name,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors,
    machineCpuMicroseconds: busy / Math.max(1, result.requests.average * duration),
  };
  logFigures(figures);
  return figures;
}

function logFigures(figures: Figures): void {
  const perSecond = figures.perSecond.toFixed(0).padStart(7);
  const p50 = figures.p50.toFixed(1).padStart(5);
  const p99 = figures.p99.toFixed(1).padStart(6);
  const cpu = figures.machineCpuMicroseconds.toFixed(0).padStart(4);
  const failed = figures.failures > 0 ? `   (${figures.failures} failed)` : '';
  log(
    `  ${figures.name.padEnd(28)} ${perSecond} creates/s   p50 ${p50} ms   p99 ${p99} ms   ${cpu} µs CPU each${failed}`,
  );
}

const closureKeys = `bench:${generateClosureSecret()}`;

/** Starts the service on a database and answers it with a key of `role`. */
async function startService(
  databaseUrl: string,
  directory: string,
  role: 'integration' | 'agent',
): Promise<{ service: Child; key: string }> {
  const service = await startChild('service-process', {
    DATABASE_URL: databaseUrl,
    DATA_DIR: directory,
    CLOSURE_CODE_KEYS: closureKeys,
    RATE_LIMIT_PER_KEY: '0',
    RATE_LIMIT_PER_ADDRESS: '0',
    SLA_SWEEP_INTERVAL: '1h',
  });
  const response = await fetch(`${service.url}/v1/api-keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${service.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench', role }),
  });
  if (response.status !== 201) throw new Error(`No API key: ${await response.text()}`);
  const { key } = (await response.json()) as { key: string };
  return { service, key };
}

/**
 * Replays the season through the service in-process, as a channel running inside the service
 * would: `concurrency` submits under way at once, so that creates arriving together share a
 * group commit (SQLite) or a batch statement (PostgreSQL), with the outbox dispatcher
 * delivering the notifications meanwhile.
 */
async function replaySeason(
  databaseUrl: string,
  directory: string,
): Promise<{ ms: number; failed: number }> {
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    DATA_DIR: join(directory, 'replay'),
    CLOSURE_CODE_KEYS: closureKeys,
    LOG_LEVEL: 'warn',
  });
  const server = await createBalaghServer({
    config,
    logger: createServerLogger({
      level: 'warn',
      destination: { write: (line: string) => process.stderr.write(line) },
    }),
    localFileNotifier: true,
    slaMonitor: false,
    bootstrapAdminKey: false,
  });
  try {
    server.dispatcher.start();
    const agent = server.service.forActor({ keyId: 'season-replay', role: 'agent' });
    const inputs = seasonReports(seasonCount);
    let next = 0;
    let failed = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < inputs.length) {
        const input = inputs[next++] as (typeof inputs)[number];
        try {
          if (input.channel === 'call_center' || input.channel === 'field_officer') {
            await agent.createOnBehalf(input);
          } else {
            await agent.submitReport(input);
          }
        } catch {
          failed += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: replayConcurrency }, worker));
    return { ms: performance.now() - started, failed };
  } finally {
    await server.close();
  }
}

interface DatabaseFactory {
  readonly dialect: 'sqlite' | 'postgres';
  create(): Promise<{ url: string; directory: string; dispose(): Promise<void> }>;
}

function sqliteDatabases(): DatabaseFactory {
  return {
    dialect: 'sqlite',
    async create() {
      const directory = await mkdtemp(join(tmpdir(), 'balagh-bench-'));
      return {
        url: `file:${join(directory, 'balagh.db')}`,
        directory,
        dispose: () => rm(directory, { recursive: true, force: true }),
      };
    },
  };
}

function postgresDatabases(adminUrl: string): DatabaseFactory {
  const psql = (sql: string) => run('psql', [adminUrl, '-v', 'ON_ERROR_STOP=1', '-qc', sql]);
  return {
    dialect: 'postgres',
    async create() {
      const name = `balagh_bench_${randomBytes(4).toString('hex')}`;
      await psql(`create database ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const directory = await mkdtemp(join(tmpdir(), 'balagh-bench-'));
      return {
        url: url.toString(),
        directory,
        async dispose() {
          await psql(`drop database if exists ${name} with (force)`);
          await rm(directory, { recursive: true, force: true });
        },
      };
    },
  };
}

/** Waits (at most two minutes) until a service's outbox has no pending notification. */
async function outboxDrained(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const metrics = await (await fetch(`${url}/metrics`)).text();
    const pending = /^balagh_outbox_pending (\d+)/m.exec(metrics)?.[1];
    if (pending === '0') return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  log('  (the outbox did not drain within two minutes)');
}

/** The figures of a run whose creates per second is the median of the runs. */
function median(runs: readonly Figures[], name: string): Figures {
  const middle = (values: readonly number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const half = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1
      ? (sorted[half] ?? 0)
      : ((sorted[half - 1] ?? 0) + (sorted[half] ?? 0)) / 2;
  };
  return {
    name,
    perSecond: middle(runs.map((run) => run.perSecond)),
    p50: middle(runs.map((run) => run.p50)),
    p99: middle(runs.map((run) => run.p99)),
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
    machineCpuMicroseconds: middle(runs.map((run) => run.machineCpuMicroseconds)),
  };
}

interface DatabaseFigures {
  readonly empty: Figures;
  readonly seeded: Figures;
  /** The bare server's median over the runs made between this database's. */
  readonly bare: Figures;
  readonly seasonMs: number;
}

/**
 * Measures one database: the season replay, then `rounds` rounds of the bare server, a fresh
 * empty database and the seeded one, one after the other, so that a burst of load on a shared
 * machine hits one run of each rather than all runs of one; the medians are compared.
 */
async function measureDatabase(factory: DatabaseFactory, bare: Child): Promise<DatabaseFigures> {
  log(`\n${factory.dialect}:`);
  const season = await factory.create();
  let seasonMs: number;
  try {
    const replay = await replaySeason(season.url, season.directory);
    seasonMs = replay.ms;
    log(
      `  ${'Hajj season replay'.padEnd(28)} ${seasonCount} reports in ${(replay.ms / 1000).toFixed(2)} s (${(
        (seasonCount / replay.ms) * 1000
      ).toFixed(0)}/s)${replay.failed > 0 ? `, ${replay.failed} failed` : ''}`,
    );
  } finally {
    await season.dispose();
  }

  const seeded = await factory.create();
  const bareRuns: Figures[] = [];
  const emptyRuns: Figures[] = [];
  const seededRuns: Figures[] = [];
  try {
    const storage = await createStorage({ url: seeded.url });
    const seedMs = await seedReports(storage, seedCount);
    await storage.close();
    log(`  seeded ${seedCount} reports in ${(seedMs / 1000).toFixed(1)} s`);
    const seededService = await startService(seeded.url, seeded.directory, 'integration');
    try {
      for (let round = 1; round <= rounds; round += 1) {
        bareRuns.push(await load(`bare node:http (round ${round})`, bare.url, 'none'));
        const empty = await factory.create();
        try {
          const { service, key } = await startService(empty.url, empty.directory, 'integration');
          try {
            emptyRuns.push(await load(`${factory.dialect}, empty database`, service.url, key));
          } finally {
            await service.stop();
          }
        } finally {
          await empty.dispose();
        }
        seededRuns.push(
          await load(
            `${factory.dialect}, ${seedCount} stored`,
            seededService.service.url,
            seededService.key,
          ),
        );
        // The run's notifications are delivered before anything else is measured, so that
        // the next runs neither share the machine with this dispatcher nor inherit its backlog.
        await outboxDrained(seededService.service.url);
      }
    } finally {
      await seededService.service.stop();
    }
  } finally {
    await seeded.dispose();
  }
  const figures = {
    bare: median(bareRuns, 'bare node:http'),
    empty: median(emptyRuns, `${factory.dialect}, empty database`),
    seeded: median(seededRuns, `${factory.dialect}, ${seedCount} stored`),
    seasonMs,
  };
  log(`  medians of ${rounds} rounds:`);
  for (const median of [figures.bare, figures.empty, figures.seeded]) logFigures(median);
  return figures;
}

const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

async function main(): Promise<void> {
  log(
    `Intake benchmark: ${connections} connections, ${duration} s per run, ${rounds} rounds, loopback.`,
  );
  const loadAverage = () =>
    loadavg()
      .map((value) => value.toFixed(2))
      .join(' ');
  // Other work on the machine skews every figure: the load average says how much there was.
  log(`${cpus().length} cores, load average ${loadAverage()} (1, 5, 15 min) at the start.`);
  const bare = await startChild('bare-server');
  let sqlite: DatabaseFigures;
  let postgres: DatabaseFigures | undefined;
  try {
    sqlite = await measureDatabase(sqliteDatabases(), bare);
    if (!skipPostgres) {
      const cluster = await startTestPostgres();
      try {
        postgres = await measureDatabase(postgresDatabases(cluster.url), bare);
      } finally {
        await cluster.stop();
      }
    }
  } finally {
    await bare.stop();
  }

  const ratio = (result: DatabaseFigures) => result.empty.perSecond / result.bare.perSecond;
  const seededShare = (result: DatabaseFigures) => result.seeded.perSecond / result.empty.perSecond;
  log(`\nLoad average ${loadAverage()} at the end.`);
  log('\nTargets (medians; each database against the bare server of its own rounds):');
  const sqliteRatio = ratio(sqlite);
  log(
    `  SQLite ≥ 20% of bare, p99 ≤ 30 ms: ${(sqliteRatio * 100).toFixed(1)}%, p99 ${sqlite.empty.p99.toFixed(1)} ms   ${verdict(
      sqliteRatio >= 0.2 && sqlite.empty.p99 <= 30,
    )}`,
  );
  if (postgres !== undefined) {
    const postgresRatio = ratio(postgres);
    log(
      `  PostgreSQL ≥ 10% of bare: ${(postgresRatio * 100).toFixed(1)}% (p99 ${postgres.empty.p99.toFixed(1)} ms)   ${verdict(
        postgresRatio >= 0.1,
      )}`,
    );
  }
  const sqliteSeeded = seededShare(sqlite);
  log(
    `  SQLite with ${seedCount} stored within 10% of empty (≥ 90%): ${(sqliteSeeded * 100).toFixed(1)}%   ${verdict(
      sqliteSeeded >= 0.9,
    )}`,
  );
  if (postgres !== undefined) {
    const postgresSeeded = seededShare(postgres);
    log(
      `  PostgreSQL with ${seedCount} stored within 10% of empty (≥ 90%): ${(postgresSeeded * 100).toFixed(1)}%   ${verdict(
        postgresSeeded >= 0.9,
      )}`,
    );
  }
  log(
    `  Season replay < 5 s on SQLite: ${(sqlite.seasonMs / 1000).toFixed(2)} s   ${verdict(
      sqlite.seasonMs < 5000,
    )}`,
  );
  log(
    `\nCPU budget (all ${cpus().length} cores of the machine; the load generator's share included):`,
  );
  logBudget('SQLite', sqlite, 0.2);
  if (postgres !== undefined) logBudget('PostgreSQL', postgres, 0.1);
}

/**
 * Prints the machine CPU a create may use at the rate a target asks for (every core busy,
 * nothing else running), beside what a create used in this run: a target whose rate needs
 * more CPU than the machine has cannot be met by spreading the work over more processes.
 */
function logBudget(name: string, result: DatabaseFigures, share: number): void {
  const rate = result.bare.perSecond * share;
  const budget = (cpus().length * 1_000_000) / rate;
  log(
    `  ${name} at ${(share * 100).toFixed(0)}% of bare = ${rate.toFixed(0)} creates/s: at most ${budget.toFixed(
      0,
    )} µs of CPU per create; used ${result.empty.machineCpuMicroseconds.toFixed(0)} µs (${(
      (result.empty.machineCpuMicroseconds / budget) * 100
    ).toFixed(0)}% of the budget)`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
