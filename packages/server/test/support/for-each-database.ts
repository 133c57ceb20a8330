import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { createStorage, type StorageOptions } from '../../src/storage/create-storage.js';
import type { Storage } from '../../src/storage/storage.js';

/** The databases every storage and API test runs against. */
export const testDialects = ['sqlite', 'postgres'] as const;

/** One of {@link testDialects}. */
export type TestDialect = (typeof testDialects)[number];

/** A fresh, empty database for one test file (one `forEachDatabase` block). */
export interface TestDatabase {
  readonly dialect: TestDialect;
  /** URL to pass to `createStorage`: a SQLite file in {@link directory}, or a new PostgreSQL database. */
  readonly url: string;
  /** A fresh temp directory for this block (media files, extra SQLite files), deleted afterwards. */
  readonly directory: string;
  /**
   * Opens a storage on this database (migrations run on first open); every storage opened
   * here is closed after the block.
   */
  openStorage(options?: Omit<StorageOptions, 'url'>): Promise<Storage>;
}

/**
 * Creates a fresh database of one dialect: a new SQLite file in a temp directory, or a new
 * PostgreSQL database (`CREATE DATABASE`) on the test server started by the global setup.
 * Call `dispose()` when done; it closes the storages opened through it and drops the database.
 *
 * @throws when the global PostgreSQL server is unavailable (never skipped).
 */
export async function createTestDatabase(
  dialect: TestDialect,
): Promise<TestDatabase & { dispose(): Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), `balagh-${dialect}-`));
  const storages: Storage[] = [];
  let url: string;
  let drop: () => Promise<void> = async () => {};
  if (dialect === 'sqlite') {
    url = join(directory, 'balagh.db');
  } else {
    const adminUrl = inject('balaghPostgresUrl');
    if (adminUrl === undefined || adminUrl === '') {
      throw new Error(
        'No test PostgreSQL: is test/support/postgres-global-setup.ts in globalSetup?',
      );
    }
    const name = `balagh_test_${randomBytes(6).toString('hex')}`;
    await withAdmin(adminUrl, (client) => client.query(`create database ${name}`));
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    drop = async () => {
      await withAdmin(adminUrl, (client) =>
        client.query(`drop database if exists ${name} with (force)`),
      );
    };
  }
  return {
    dialect,
    url,
    directory,
    async openStorage(options = {}) {
      const storage = await createStorage({ ...options, url });
      storages.push(storage);
      return storage;
    },
    async dispose() {
      await Promise.allSettled(storages.map((storage) => storage.close()));
      await drop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * Defines the tests of `define` once per database (SQLite and PostgreSQL), each with a fresh
 * database for the block: `getDatabase()` answers it inside tests and hooks.
 *
 * @example
 * ```ts
 * forEachDatabase('outbox', (getDatabase) => {
 *   it('claims a due row', async () => {
 *     const storage = await getDatabase().openStorage();
 *     // ...
 *   });
 * });
 * ```
 */
export function forEachDatabase(
  name: string,
  define: (getDatabase: () => TestDatabase) => void,
): void {
  describe.each(testDialects)(`${name} on %s`, (dialect) => {
    let database: (TestDatabase & { dispose(): Promise<void> }) | undefined;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
    });
    afterAll(async () => {
      await database?.dispose();
    });
    define(() => {
      if (database === undefined)
        throw new Error('The test database is not ready yet (use it inside tests or hooks).');
      return database;
    });
  });
}

async function withAdmin<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
