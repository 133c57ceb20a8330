import { BalaghError } from '@balagh/core';
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
  /**
   * Milliseconds a batch waits for the write lock while another process holds it, before its
   * units fail with a `SERVICE_UNAVAILABLE` BalaghError (its cause SQLite's `SQLITE_BUSY`).
   * Default 5000.
   */
  readonly lockTimeoutMilliseconds?: number;
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
 * queued unit runs inside ONE `BEGIN IMMEDIATE … COMMIT`: one WAL fsync (synchronous=FULL) for
 * all of them. The commit blocks the event loop, so requests arriving during its fsync wait in
 * the sockets and form the next batch: the batch grows with the load, without a timer.
 *
 * Units first run one after the other without savepoints of their own (a savepoint per unit
 * costs as much as the unit's own statements), inside one savepoint for the batch. If any unit
 * throws, the batch rolls back to that savepoint, keeping the write lock, and runs again with
 * each unit in its own SAVEPOINT, so that the failing unit rolls back alone while the others
 * commit. A unit may therefore run twice; units are pure functions of the database
 * (generators of queries), so only the second run counts. Queries run through cached prepared
 * statements.
 *
 * When another process holds the write lock (several service processes on one file), `BEGIN
 * IMMEDIATE` fails at once instead of sleeping in SQLite's busy handler, which would block the
 * event loop: the batch is tried again a moment later while requests keep arriving and join it.
 */
export function createSqliteExecutor(
  database: BetterSqlite3.Database,
  db: Kysely<Database>,
  options: SqliteExecutorOptions = {},
): StorageExecutor {
  const maximumBatch = options.maximumBatch ?? 128;
  const lockTimeoutMilliseconds = options.lockTimeoutMilliseconds ?? 5000;
  const statements = new Map<string, BetterSqlite3.Statement>();
  let queue: QueuedUnit[] = [];
  let flushScheduled = false;
  /** When the batch at the head of the queue first found the write lock taken; 0 when not waiting. */
  let waitingSince = 0;
  let lockRetries = 0;
  let transactions = 0;
  let units = 0;
  let closed = false;
  let closing = false;

  const statementOf = (sql: string): BetterSqlite3.Statement => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = database.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const execute = (query: CompiledQuery): QueryResult<unknown> => {
    const statement = statementOf(query.sql);
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

  const control = (sql: string) => statementOf(sql).run();
  // Some errors (a full disk, an I/O error) end the transaction by themselves.
  const rollback = () => {
    if (database.inTransaction) control('ROLLBACK');
  };

  /**
   * Runs every unit without a savepoint of its own, inside one savepoint for the batch; answers
   * `undefined` (rolled back to that savepoint, the write lock still held) when one throws.
   */
  const runOptimistically = (batch: readonly QueuedUnit[]): Outcome[] | undefined => {
    const outcomes: Outcome[] = [];
    control('SAVEPOINT batch');
    for (const unit of batch) {
      try {
        outcomes.push({ ok: true, value: runSync(unit.work) });
      } catch (error) {
        if (database.inTransaction) {
          control('ROLLBACK TO batch');
          control('RELEASE batch');
        }
        // Alone in the batch, the unit has rolled back by itself; others run again.
        return batch.length === 1 ? [{ ok: false, error }] : undefined;
      }
    }
    control('RELEASE batch');
    return outcomes;
  };

  /** Runs every unit in its own savepoint: a failing unit rolls back alone. */
  const runWithSavepoints = (batch: readonly QueuedUnit[]): Outcome[] => {
    const outcomes: Outcome[] = [];
    for (const unit of batch) {
      control('SAVEPOINT unit');
      try {
        outcomes.push({ ok: true, value: runSync(unit.work) });
        control('RELEASE unit');
      } catch (error) {
        control('ROLLBACK TO unit');
        control('RELEASE unit');
        outcomes.push({ ok: false, error });
      }
    }
    return outcomes;
  };

  /**
   * Takes the write lock without waiting (busy_timeout 0 for this statement only: reads keep
   * the connection's timeout). Answers SQLite's refusal when another process holds it.
   */
  const beginWithoutWaiting = (): true | { busy: unknown } => {
    if (closing) {
      // Closing: wait for the lock in SQLite's busy handler, as nothing else runs any more.
      control('BEGIN IMMEDIATE');
      return true;
    }
    database.pragma('busy_timeout = 0');
    try {
      control('BEGIN IMMEDIATE');
      return true;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return { busy: error };
      throw error;
    } finally {
      database.pragma(`busy_timeout = ${lockTimeoutMilliseconds}`);
    }
  };

  /** Tries the queued batch again soon, or fails it once the lock timeout has passed. */
  const retryWhenUnlocked = (busyError: unknown): void => {
    const now = Date.now();
    if (waitingSince === 0) waitingSince = now;
    if (now - waitingSince >= lockTimeoutMilliseconds) {
      waitingSince = 0;
      const batch = queue;
      queue = [];
      const error = new BalaghError(
        'SERVICE_UNAVAILABLE',
        'The database is locked by another process.',
        { details: { retryAfterSeconds: 1 }, cause: busyError },
      );
      for (const unit of batch) unit.reject(error);
      return;
    }
    lockRetries += 1;
    flushScheduled = true;
    // A commit of another process takes about a millisecond: try again after it.
    setTimeout(flush, 1);
  };

  const flush = (): void => {
    flushScheduled = false;
    if (queue.length === 0) return;
    let outcomes: Outcome[] | undefined;
    let begun: true | { busy: unknown };
    try {
      begun = beginWithoutWaiting();
    } catch (error) {
      const failed = queue;
      queue = [];
      for (const unit of failed) unit.reject(error);
      return;
    }
    if (begun !== true) {
      retryWhenUnlocked(begun.busy);
      return;
    }
    waitingSince = 0;
    const batch = queue;
    queue = [];
    try {
      outcomes = runOptimistically(batch);
      if (outcomes === undefined) {
        // An I/O error or a full disk may have ended the transaction by itself.
        if (!database.inTransaction) control('BEGIN IMMEDIATE');
        outcomes = runWithSavepoints(batch);
      }
      if (outcomes.some((outcome) => outcome.ok)) control('COMMIT');
      else rollback();
    } catch (error) {
      // BEGIN or the commit itself failed: nothing of the batch is durable.
      rollback();
      for (const unit of batch) unit.reject(error);
      return;
    }
    transactions += 1;
    units += batch.length;
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
        // While waiting for another process's lock, the queue only grows into the next batch.
        if (waitingSince !== 0) return;
        if (queue.length >= maximumBatch) flush();
        else if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(flush);
        }
      });
    },
    statistics: () => ({ transactions, units, lockRetries }),
    async close() {
      if (closed) return;
      closing = true;
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
