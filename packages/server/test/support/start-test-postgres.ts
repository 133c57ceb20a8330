import { execFile } from 'node:child_process';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian and Ubuntu install the PostgreSQL 15 server binaries. */
const postgresBinaries = process.env['BALAGH_TEST_PG_BIN'] ?? '/usr/lib/postgresql/15/bin';

/** A running PostgreSQL server for tests. */
export interface TestPostgres {
  /** URL of the `postgres` database, as the superuser: `postgres://postgres@127.0.0.1:port/postgres`. */
  readonly url: string;
  /** Stops the server and deletes its data directory (nothing when `BALAGH_TEST_PG_URL` was used). */
  stop(): Promise<void>;
}

/**
 * Starts a throwaway PostgreSQL 15 cluster for tests: `initdb` in a fresh directory under the
 * temp dir, owned by the `postgres` user (the server refuses to run as root), on a free port,
 * with `fsync=off` because the data is thrown away. When `BALAGH_TEST_PG_URL` is set, that
 * server is used instead and nothing is started.
 *
 * Never skips: when PostgreSQL cannot start, it throws with the server's output, so the
 * PostgreSQL half of the tests fails loudly.
 *
 * @throws Error when `initdb` or the server fails.
 * @example
 * ```ts
 * const postgres = await startTestPostgres();
 * try { await useIt(postgres.url); } finally { await postgres.stop(); }
 * ```
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const given = process.env['BALAGH_TEST_PG_URL'];
  if (given !== undefined && given !== '') return { url: given, stop: async () => {} };

  const directory = await mkdtemp(join(tmpdir(), 'balagh-pg-'));
  const dataDirectory = join(directory, 'data');
  const logFile = join(directory, 'server.log');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    await chown(directory, Number(stdout.trim()), Number(group.trim()));
  }
  await chmod(directory, 0o700);

  const asPostgres = async (binary: string, args: readonly string[]) => {
    const executable = join(postgresBinaries, binary);
    try {
      return asRoot
        ? await run('runuser', ['-u', 'postgres', '--', executable, ...args])
        : await run(executable, [...args]);
    } catch (error) {
      const output = error as { stdout?: string; stderr?: string };
      throw new Error(
        `PostgreSQL for the tests could not run ${binary}: ${output.stderr ?? ''}${output.stdout ?? ''}`,
        { cause: error },
      );
    }
  };

  await asPostgres('initdb', [
    '-D',
    dataDirectory,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C',
  ]);
  const port = await findFreePort();
  const serverOptions = [
    `-p ${port}`,
    `-k ${directory}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=400',
  ].join(' ');
  try {
    await asPostgres('pg_ctl', [
      '-D',
      dataDirectory,
      '-l',
      logFile,
      '-o',
      serverOptions,
      '-w',
      '-t',
      '60',
      'start',
    ]);
  } catch (error) {
    const log = await run('cat', [logFile]).then(
      (result) => result.stdout,
      () => '',
    );
    throw new Error(`PostgreSQL for the tests did not start:\n${log}`, { cause: error });
  }

  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await asPostgres('pg_ctl', ['-D', dataDirectory, '-m', 'immediate', '-w', 'stop']).catch(
        () => {},
      );
      await rm(directory, { recursive: true, force: true });
    },
  };
}

async function findFreePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
