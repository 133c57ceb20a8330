import {
  type Compilable,
  CompiledQuery,
  type Insertable,
  type Kysely,
  type QueryResult,
} from 'kysely';
import type { Database } from './database-schema.js';

/**
 * A unit of database work written once for both dialects: a generator that yields compiled
 * queries and receives their results. SQLite runs it synchronously inside the group-commit
 * transaction (better-sqlite3 is synchronous); PostgreSQL runs it on one pooled connection,
 * awaiting each query.
 */
export type StorageWork<T> = Generator<CompiledQuery, T, QueryResult<unknown>>;

/** Runs {@link StorageWork} for one dialect. */
export interface StorageExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  /** Builds (compiles) queries; never used to run a write directly. */
  readonly db: Kysely<Database>;
  /** Runs work outside a transaction (reads). */
  read<T>(work: () => StorageWork<T>): Promise<T>;
  /** Runs work in one transaction: on SQLite, in its own savepoint of a group commit. */
  transact<T>(work: () => StorageWork<T>): Promise<T>;
  /** Counters of the write path. */
  statistics(): { transactions: number; units: number };
  /** Waits for queued writes and closes the connection(s). */
  close(): Promise<void>;
}

/** Runs one query inside {@link StorageWork} and answers its rows. */
export function* rowsOf<R>(query: Compilable<R>): StorageWork<R[]> {
  const result = yield query.compile();
  return result.rows as R[];
}

/** Runs one query inside {@link StorageWork} and answers its first row, if any. */
export function* firstRowOf<R>(query: Compilable<R>): StorageWork<R | undefined> {
  const rows = yield* rowsOf(query);
  return rows[0];
}

/** Runs one statement inside {@link StorageWork} and answers how many rows it changed. */
export function* affectedRowsOf(query: Compilable<unknown>): StorageWork<number> {
  const result = yield query.compile();
  return Number(result.numAffectedRows ?? 0n);
}

const compiledSql = new WeakMap<Kysely<Database>, Map<string, string | false>>();

/**
 * Compiles a query whose SQL depends only on `key`, once per Kysely instance: later calls reuse
 * that SQL with the given `parameters`, skipping Kysely's query building on the hot write path.
 * The first compilation checks that Kysely's parameters are exactly `parameters`; when they are
 * not, the shape is never cached and every call compiles normally, so a wrong `key` or
 * parameter order can cost speed but never correctness.
 */
export function compileCached(
  db: Kysely<Database>,
  key: string,
  parameters: readonly unknown[],
  build: () => Compilable<unknown>,
): CompiledQuery {
  let cache = compiledSql.get(db);
  if (cache === undefined) {
    cache = new Map();
    compiledSql.set(db, cache);
  }
  const sql = cache.get(key);
  if (typeof sql === 'string') return CompiledQuery.raw(sql, [...parameters]);
  const compiled = build().compile();
  if (sql === undefined) {
    const same =
      compiled.parameters.length === parameters.length &&
      compiled.parameters.every((value, index) => Object.is(value, parameters[index]));
    cache.set(key, same ? compiled.sql : false);
  }
  return compiled;
}

/**
 * Compiles a plain insert of rows that all have the same columns, reusing the SQL of earlier
 * inserts of the same table, columns and row count (see {@link compileCached}).
 */
export function compileInsert<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): CompiledQuery {
  const first = rows[0];
  const build = () => db.insertInto(table).values(rows as never);
  if (first === undefined) return build().compile();
  const columns = Object.keys(first);
  const sameColumns = rows.every((row) => {
    const keys = Object.keys(row);
    return (
      keys.length === columns.length && keys.every((column, index) => column === columns[index])
    );
  });
  if (!sameColumns) return build().compile();
  const parameters = rows.flatMap((row) =>
    columns.map((column) => (row as Record<string, unknown>)[column] ?? null),
  );
  return compileCached(
    db,
    `insert|${table}|${columns.join(',')}|${rows.length}`,
    parameters,
    build,
  );
}

/** Runs a compiled statement inside {@link StorageWork} and answers how many rows it changed. */
export function* affectedRowsOfCompiled(query: CompiledQuery): StorageWork<number> {
  const result = yield query;
  return Number(result.numAffectedRows ?? 0n);
}

/** Runs a compiled query inside {@link StorageWork} and answers its rows. */
export function* rowsOfCompiled<R>(query: CompiledQuery): StorageWork<R[]> {
  const result = yield query;
  return result.rows as R[];
}
