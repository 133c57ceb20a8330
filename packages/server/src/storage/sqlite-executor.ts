import type BetterSqlite3 from 'better-sqlite3';
import type { CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Database } from './database-schema.js';
import type { StorageExecutor, StorageWork } from './storage-work.js';

/** Options of {@link createSqliteExecutor}. */
export interface SqliteExecutorOptions {
  /**
   * Units of work queued before a group commit is flushed at once, without waiting for the
   * next turn of the event loop. Default 128.
   */
  readonly maximumBatch?: number;
}

interface QueuedUnit {
  readonly work: () => StorageWork<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: unknown };

/**
 * Runs storage work on one better-sqlite3 connection with group commit.
 *
 * better-sqlite3 is synchronous, so a transaction is never open across an `await`: writes are
 * queued, and on the next turn of the event loop (or once `maximumBatch` are waiting) every
 * queued unit runs inside ONE `BEGIN IMMEDIATE … COMMIT`, each in its own SAVEPOINT, so that
 * one failing unit rolls back alone while the others commit together: one WAL fsync
 * (synchronous=FULL) for all of them. Queries are built with Kysely, compiled, and run through
 * cached prepared statements.
 */
export function createSqliteExecutor(
  database: BetterSqlite3.Database,
  db: Kysely<Database>,
  options: SqliteExecutorOptions = {},
): StorageExecutor {
  const maximumBatch = options.maximumBatch ?? 128;
  const statements = new Map<string, BetterSqlite3.Statement>();
  let queue: QueuedUnit[] = [];
  let flushScheduled = false;
  let transactions = 0;
  let units = 0;
  let closed = false;

  const execute = (query: CompiledQuery): QueryResult<unknown> => {
    let statement = statements.get(query.sql);
    if (statement === undefined) {
      statement = database.prepare(query.sql);
      statements.set(query.sql, statement);
    }
    const parameters = query.parameters.map(toSqliteValue);
    if (statement.reader) return { rows: statement.all(...parameters) };
    const info = statement.run(...parameters);
    return { rows: [], numAffectedRows: BigInt(info.changes) };
  };

  const runSync = <T>(work: () => StorageWork<T>): T => {
    const generator = work();
    let step = generator.next();
    while (!step.done) step = generator.next(execute(step.value));
    return step.value;
  };

  const flush = (): void => {
    flushScheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    const outcomes: Outcome[] = [];
    const runBatch = database.transaction(() => {
      for (const unit of batch) {
        // A nested better-sqlite3 transaction is a SAVEPOINT: a failing unit rolls back alone.
        const savepoint = database.transaction(() => runSync(unit.work));
        try {
          outcomes.push({ ok: true, value: savepoint() });
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
      }
    });
    try {
      runBatch.immediate();
    } catch (error) {
      // The commit itself failed: nothing of the batch is durable.
      for (const unit of batch) unit.reject(error);
      return;
    } finally {
      transactions += 1;
      units += batch.length;
    }
    batch.forEach((unit, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) unit.resolve(outcome.value);
      else unit.reject(outcome?.error);
    });
  };

  return {
    dialect: 'sqlite',
    db,
    async read(work) {
      return runSync(work);
    },
    transact<T>(work: () => StorageWork<T>): Promise<T> {
      if (closed) return Promise.reject(new Error('The storage is closed.'));
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (queue.length >= maximumBatch) flush();
        else if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(flush);
        }
      });
    },
    statistics: () => ({ transactions, units }),
    async close() {
      if (closed) return;
      flush();
      closed = true;
      statements.clear();
      await db.destroy();
      if (database.open) database.close();
    },
  };
}

function toSqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === undefined) return null;
  return value;
}
