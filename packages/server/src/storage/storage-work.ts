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
  statistics(): { transactions: number; units: number; lockRetries: number };
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

const cachedSql = new WeakMap<Kysely<Database>, Map<string, string | false>>();

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
  let cache = cachedSql.get(db);
  if (cache === undefined) {
    cache = new Map();
    cachedSql.set(db, cache);
  }
  const sql = cache.get(key);
  if (typeof sql === 'string') return compiledSql(sql, parameters);
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

const emptyQuery = CompiledQuery.raw('');

/**
 * A compiled query from SQL text and its parameters, without Kysely's query building: for the
 * hot write path, whose SQL is fixed (see {@link insertSql}).
 */
export function compiledSql(sql: string, parameters: readonly unknown[]): CompiledQuery {
  return { query: emptyQuery.query, queryId: emptyQuery.queryId, sql, parameters };
}

const valuesSqlCache = new Map<string, string>();

/**
 * The `(…), (…)` list of an insert of `rowCount` rows of `columnCount` values each, in the
 * dialect's placeholders (`?`, or `$n` from `firstParameter`); cached.
 */
export function valuesSql(
  dialect: 'sqlite' | 'postgres',
  columnCount: number,
  rowCount: number,
  firstParameter = 1,
): string {
  const key = `${dialect}|${columnCount}|${rowCount}|${firstParameter}`;
  let sql = valuesSqlCache.get(key);
  if (sql === undefined) {
    const rows: string[] = [];
    let parameter = firstParameter;
    for (let row = 0; row < rowCount; row += 1) {
      const placeholders: string[] = [];
      for (let column = 0; column < columnCount; column += 1) {
        placeholders.push(dialect === 'sqlite' ? '?' : `$${parameter}`);
        parameter += 1;
      }
      rows.push(`(${placeholders.join(', ')})`);
    }
    sql = rows.join(', ');
    valuesSqlCache.set(key, sql);
  }
  return sql;
}

/** `insert into "table" ("a", "b") values (…)` of `rowCount` rows, in the dialect's placeholders. */
export function insertSql(
  dialect: 'sqlite' | 'postgres',
  table: string,
  columns: readonly string[],
  rowCount: number,
  firstParameter = 1,
): string {
  return `insert into "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) values ${valuesSql(
    dialect,
    columns.length,
    rowCount,
    firstParameter,
  )}`;
}

/** A table and the columns its hot-path inserts give, in the order of their value arrays. */
export interface InsertShape {
  readonly table: keyof Database & string;
  readonly columns: readonly string[];
}

const insertQueryCache = new WeakMap<InsertShape, Map<string, string>>();

/**
 * Compiles a plain insert of rows given as value arrays in the shape's column order (see
 * {@link rowValues}), with SQL built once per shape, dialect and row count.
 */
export function compileRowsInsert(
  dialect: 'sqlite' | 'postgres',
  shape: InsertShape,
  rows: readonly (readonly unknown[])[],
): CompiledQuery {
  let cache = insertQueryCache.get(shape);
  if (cache === undefined) {
    cache = new Map();
    insertQueryCache.set(shape, cache);
  }
  const key = `${dialect}|${rows.length}`;
  let sql = cache.get(key);
  if (sql === undefined) {
    sql = insertSql(dialect, shape.table, shape.columns, rows.length);
    cache.set(key, sql);
  }
  return compiledSql(sql, rows.length === 1 ? (rows[0] ?? []) : rows.flat());
}

/** The values of a row in `columns` order, `null` for a missing one. */
export function rowValues<T extends object>(row: T, columns: readonly (keyof T)[]): unknown[] {
  const values = new Array<unknown>(columns.length);
  for (let index = 0; index < columns.length; index += 1) {
    values[index] = row[columns[index] as keyof T] ?? null;
  }
  return values;
}
