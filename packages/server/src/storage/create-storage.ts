import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { createCounterReportCreator, createQueryStorage } from './create-query-storage.js';
import type { Database } from './database-schema.js';
import { migrationProvider } from './migrations.js';
import { createPostgresExecutor } from './postgres-executor.js';
import { createPostgresReportCreator } from './postgres-report-creator.js';
import { createSqliteExecutor } from './sqlite-executor.js';
import type { Storage } from './storage.js';

/** The SQLite file used when no URL is given. */
export const defaultDatabasePath = './data/balagh.db';

/** Options of {@link createStorage}. */
export interface StorageOptions {
  /**
   * Where the data lives. `postgres://…` or `postgresql://…`: PostgreSQL. Anything else is a
   * SQLite file: a path, `sqlite:<path>`, `file:<path>` or a `file://` URL, or `:memory:`.
   * Default {@link defaultDatabasePath}.
   */
  readonly url?: string;
  /** SQLite: units of work per group commit before flushing without waiting. Default 128. */
  readonly maximumBatch?: number;
  /** SQLite: milliseconds to wait for a lock held by another process. Default 5000. */
  readonly busyTimeoutMilliseconds?: number;
  /** PostgreSQL: connections in the pool. Default 10. */
  readonly poolSize?: number;
  /**
   * PostgreSQL: told when an idle pooled connection fails (a server restart, a terminated
   * backend). The pool drops the connection and opens a new one for the next query; without
   * this handler the error is ignored rather than crashing the process.
   */
  readonly onConnectionError?: (error: Error) => void;
}

/** Tells whether a storage URL names PostgreSQL. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Opens the storage the URL names and runs the migrations: PostgreSQL through a `pg` pool, or
 * an embedded SQLite file (created with its directory when missing) in WAL mode with
 * `synchronous=FULL`, `busy_timeout` and foreign keys on, writing with group commit.
 *
 * @throws when the database cannot be opened or a migration fails.
 * @example
 * ```ts
 * const storage = await createStorage({ url: process.env.DATABASE_URL });
 * // ...
 * await storage.close();
 * ```
 */
export async function createStorage(options: StorageOptions = {}): Promise<Storage> {
  const url = options.url ?? defaultDatabasePath;
  return isPostgresUrl(url) ? await openPostgres(url, options) : await openSqlite(url, options);
}

async function openSqlite(url: string, options: StorageOptions): Promise<Storage> {
  const path = sqlitePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const busyTimeout = Math.trunc(options.busyTimeoutMilliseconds ?? 5000);
  const database = new BetterSqlite3(path, { timeout: busyTimeout });
  try {
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.pragma(`busy_timeout = ${busyTimeout}`);
    database.pragma('foreign_keys = ON');
    // Statement and savepoint journals in memory: the WAL alone carries durability.
    database.pragma('temp_store = MEMORY');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    await migrate(db);
    const executor = createSqliteExecutor(database, db, {
      ...(options.maximumBatch === undefined ? {} : { maximumBatch: options.maximumBatch }),
      lockTimeoutMilliseconds: busyTimeout,
    });
    return createQueryStorage(executor, createCounterReportCreator(executor));
  } catch (error) {
    database.close();
    throw error;
  }
}

async function openPostgres(url: string, options: StorageOptions): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  pool.on('error', (error) => options.onConnectionError?.(error));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    // Many processes may start at once: one migrates, the others wait for it.
    await db.connection().execute(async (connection) => {
      await sql`select pg_advisory_lock(${migrationLockKey})`.execute(connection);
      try {
        await migrate(connection);
      } finally {
        await sql`select pg_advisory_unlock(${migrationLockKey})`.execute(connection);
      }
    });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const executor = createPostgresExecutor(db);
  return createQueryStorage(
    executor,
    createPostgresReportCreator(executor, {
      runPrepared: (name, text, values) => pool.query({ name, text, values }),
    }),
  );
}

/** Advisory lock key of the migrations ("balagh" in ASCII, as a number). */
const migrationLockKey = 0x62616c616768;

async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`Database migration ${failed ?? ''} failed.`, { cause: error });
  }
}

function sqlitePath(url: string): string {
  if (url === ':memory:' || url === 'sqlite::memory:') return ':memory:';
  if (url.startsWith('file://')) return fileURLToPath(url);
  const path = url.replace(/^(sqlite|file):/i, '');
  return resolve(path);
}
