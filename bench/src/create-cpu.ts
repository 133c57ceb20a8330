/**
 * `pnpm bench:create-cpu`: CPU microseconds per report create, which the machine's load does not
 * distort the way it distorts wall-clock figures. Measures in one process, on SQLite
 * (synchronous=FULL) and PostgreSQL:
 *
 * - `service`: `service.forActor(actor).submitReport(input)`, 50 at a time;
 * - `http`: `app.request('POST /v1/reports')` through the whole Hono app (authentication,
 *   logging, body parsing, response), 50 at a time;
 * - `replay`: the Hajj season mix through the service, 50 at a time;
 * - `server`: the service process of `pnpm bench:intake` (node:http, dispatcher on) sent the
 *   creates by autocannon over loopback, 50 connections; its CPU is read from /proc;
 * - `dispatch`: the outbox dispatcher delivering, through the local file notifier, the backlog
 *   of notifications the in-process runs left (CPU per notification).
 *
 * `process.cpuUsage()` counts every thread of the process (user + system, so the fsyncs too).
 * In-process, the outbox dispatcher is off, so that only the create path is counted.
 *
 * Environment: CPU_CREATES (creates per measured run, default 5000), CPU_RUNS (a comma-separated
 * choice of `service,http,replay,server,dispatch`), CPU_PROFILE_DIR (the server process writes a
 * `--cpu-prof` profile there), CPU_SKIP_SQLITE=1, BENCH_SKIP_POSTGRES=1, BALAGH_TEST_PG_URL.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateClosureSecret, type ReportInput } from '@balagh/core';
import {
  type BalaghServer,
  createBalaghServer,
  createServerLogger,
  loadConfig,
} from '@balagh/server';
import autocannon from 'autocannon';
import { startTestPostgres } from '../../packages/server/test/support/start-test-postgres.js';
import { seasonReports } from './season-mix.js';
import { startChild } from './start-child.js';

const creates = Number(process.env['CPU_CREATES'] ?? 5000);
const concurrency = 50;
const skipPostgres = process.env['BENCH_SKIP_POSTGRES'] === '1';
const selectedRuns = process.env['CPU_RUNS']?.split(',');
const profileDirectory = process.env['CPU_PROFILE_DIR'];
const log = (text: string) => process.stdout.write(`${text}\n`);

const input: ReportInput = {
  categoryCode: 'street_lighting',
  description: 'The lamp post at King Fahd Gate is dark.',
  location: { lat: 21.4225, lng: 39.8262, landmark: 'King Fahd Gate' },
  reporter: { phone: '+966512345678' },
  channel: 'web',
  language: 'ar',
};
const body = JSON.stringify(input);

interface Measured {
  readonly microsecondsPerCreate: number;
  readonly wallMilliseconds: number;
  readonly unitsPerTransaction: number;
}

/** Runs `count` calls of `call`, `concurrency` at a time, and answers CPU µs per call. */
async function measure(
  server: BalaghServer,
  count: number,
  call: (index: number) => Promise<void>,
): Promise<Measured> {
  const before = server.storage.writeStatistics();
  let next = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const worker = async () => {
    while (next < count) await call(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const used = process.cpuUsage(cpu);
  const wallMilliseconds = performance.now() - started;
  const after = server.storage.writeStatistics();
  const transactions = after.transactions - before.transactions;
  return {
    microsecondsPerCreate: (used.user + used.system) / count,
    wallMilliseconds,
    unitsPerTransaction: transactions === 0 ? 0 : (after.units - before.units) / transactions,
  };
}

async function measureDatabase(
  name: string,
  databaseUrl: string,
  serverDatabaseUrl: string,
  directory: string,
) {
  await measureInProcess(name, databaseUrl, directory);
  if (selectedRuns === undefined || selectedRuns.includes('server')) {
    await measureServerProcess(name, serverDatabaseUrl, directory);
  }
}

async function measureInProcess(name: string, databaseUrl: string, directory: string) {
  if (selectedRuns?.every((run) => run === 'server')) return;
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    DATA_DIR: directory,
    CLOSURE_CODE_KEYS: `bench:${generateClosureSecret()}`,
    RATE_LIMIT_PER_KEY: '0',
    RATE_LIMIT_PER_ADDRESS: '0',
    LOG_LEVEL: 'warn',
  });
  const logger = createServerLogger({
    level: config.logLevel,
    destination: { write: (line: string) => process.stderr.write(line) },
  });
  const server = await createBalaghServer({
    config,
    logger,
    dispatcher: false,
    slaMonitor: false,
    bootstrapAdminKey: false,
    localFileNotifier: true,
  });
  try {
    const created = await server.service
      .forActor({ keyId: 'bench-admin', role: 'admin' })
      .createApiKey({ name: 'bench', role: 'integration' });
    const actor = await server.service.verifyApiKey(created.key);
    if (actor === undefined) throw new Error('The bench key does not verify.');
    const actorService = server.service.forActor(actor);
    const agent = server.service.forActor({ keyId: 'bench-agent', role: 'agent' });
    const season = seasonReports(creates, 7);
    const headers = { authorization: `Bearer ${created.key}`, 'content-type': 'application/json' };

    const service = async () => {
      await actorService.submitReport(input);
    };
    const http = async () => {
      const response = await server.app.request('/v1/reports', { method: 'POST', headers, body });
      await response.arrayBuffer();
      if (response.status !== 201) throw new Error(`HTTP ${response.status}`);
    };
    const replay = async (index: number) => {
      await agent.submitReport(season[index] as ReportInput);
    };
    const runs: [string, (index: number) => Promise<void>][] = [
      ['service', service],
      ['http', http],
      ['replay', replay],
    ];
    for (const [label, call] of runs) {
      if (selectedRuns !== undefined && !selectedRuns.includes(label)) continue;
      await measure(server, Math.min(1000, creates), call); // warm-up: JIT, caches
      const figures = await measure(server, creates, call);
      log(
        `  ${`${name} ${label}`.padEnd(18)} ${figures.microsecondsPerCreate.toFixed(0).padStart(6)} µs CPU/create   ${(
          (creates / figures.wallMilliseconds) *
          1000
        )
          .toFixed(0)
          .padStart(6)}/s wall   ${figures.unitsPerTransaction.toFixed(1)} units/transaction`,
      );
    }
    if (selectedRuns === undefined || selectedRuns.includes('dispatch')) {
      await measureDispatch(name, server);
    }
  } finally {
    await server.close();
  }
}

/**
 * The `dispatch` run: the outbox dispatcher delivers, through the local file notifier, the
 * backlog of notifications the create runs left (they ran with the dispatcher off).
 */
async function measureDispatch(name: string, server: BalaghServer): Promise<void> {
  const backlog = (await server.storage.outboxCounts()).pending;
  if (backlog === 0) return;
  const started = performance.now();
  const cpu = process.cpuUsage();
  server.dispatcher.start();
  while (server.dispatcher.statistics().sent < backlog) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const used = process.cpuUsage(cpu);
  const wallMilliseconds = performance.now() - started;
  log(
    `  ${`${name} dispatch`.padEnd(18)} ${((used.user + used.system) / backlog).toFixed(0).padStart(6)} µs CPU/notification   ${(
      (backlog / wallMilliseconds) *
      1000
    )
      .toFixed(0)
      .padStart(6)}/s wall   ${backlog} notifications`,
  );
}

/** User and system CPU of a process so far, in microseconds (Linux). */
async function processCpuMicroseconds(pid: number): Promise<{ user: number; system: number }> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
  return { user: Number(fields[11]) * 10_000, system: Number(fields[12]) * 10_000 };
}

async function measureServerProcess(name: string, databaseUrl: string, directory: string) {
  const child = await startChild(
    'service-process',
    {
      DATABASE_URL: databaseUrl,
      DATA_DIR: join(directory, 'server'),
      CLOSURE_CODE_KEYS: `bench:${generateClosureSecret()}`,
      RATE_LIMIT_PER_KEY: '0',
      RATE_LIMIT_PER_ADDRESS: '0',
      SLA_SWEEP_INTERVAL: '1h',
      BENCH_STATS: '1',
    },
    profileDirectory === undefined
      ? []
      : ['--cpu-prof', '--cpu-prof-interval=200', `--cpu-prof-dir=${profileDirectory}`],
  );
  let figures = '';
  try {
    const response = await fetch(`${child.url}/v1/api-keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${child.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench', role: 'integration' }),
    });
    if (response.status !== 201) throw new Error(`No API key: ${await response.text()}`);
    const { key } = (await response.json()) as { key: string };
    const options = {
      url: `${child.url}/v1/reports`,
      connections: concurrency,
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body,
    };
    const probe = await fetch(options.url, { method: 'POST', headers: options.headers, body });
    if (probe.status !== 201) throw new Error(`The service answered ${await probe.text()}`);
    await autocannon({ ...options, amount: Math.min(2000, creates) }); // warm-up
    const pid = child.process.pid ?? 0;
    const before = await processCpuMicroseconds(pid);
    const result = await autocannon({ ...options, amount: creates });
    const after = await processCpuMicroseconds(pid);
    const user = after.user - before.user;
    const used = user + after.system - before.system;
    const failed = result.non2xx + result.errors;
    figures = `  ${`${name} server`.padEnd(18)} ${(used / creates).toFixed(0).padStart(6)} µs CPU/create (${(user / creates).toFixed(0)} user)   ${result.requests.average
      .toFixed(0)
      .padStart(
        6,
      )}/s wall   p99 ${result.latency.p99} ms${failed > 0 ? `   (${failed} failed)` : ''}`;
  } finally {
    await child.stop();
  }
  // The counters cover the warm-up too: the process prints them as it exits.
  const statistics = /^STATS (.+)$/m.exec(child.stdout())?.[1];
  const { transactions, units } = JSON.parse(statistics ?? '{"transactions":0,"units":0}') as {
    transactions: number;
    units: number;
  };
  log(
    `${figures}   ${transactions === 0 ? 0 : (units / transactions).toFixed(1)} units/transaction`,
  );
}

async function main(): Promise<void> {
  log(
    `CPU per create, ${creates} creates per run, ${concurrency} at a time; load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
  const directory = await mkdtemp(join(tmpdir(), 'balagh-cpu-'));
  try {
    if (process.env['CPU_SKIP_SQLITE'] !== '1')
      await measureDatabase(
        'sqlite',
        `file:${join(directory, 'balagh.db')}`,
        `file:${join(directory, 'server.db')}`,
        directory,
      );
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
  if (skipPostgres) return;
  const cluster = await startTestPostgres();
  const name = `balagh_cpu_${randomBytes(4).toString('hex')}`;
  const names = [name, `${name}_server`];
  const psql = (sql: string) =>
    promisify(execFile)('psql', [cluster.url, '-v', 'ON_ERROR_STOP=1', '-qc', sql]);
  const pgDirectory = await mkdtemp(join(tmpdir(), 'balagh-cpu-'));
  try {
    const urls = names.map((database) => {
      const url = new URL(cluster.url);
      url.pathname = `/${database}`;
      return url.toString();
    });
    for (const database of names) await psql(`create database ${database}`);
    await measureDatabase('postgres', urls[0] ?? '', urls[1] ?? '', pgDirectory);
  } finally {
    for (const database of names) {
      await psql(`drop database if exists ${database} with (force)`).catch(() => {});
    }
    await cluster.stop();
    await rm(pgDirectory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
