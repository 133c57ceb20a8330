import { BalaghError } from '@balagh/core';
import type { CompiledQuery } from 'kysely';
import { idempotentReplay, type ReportCreator } from './create-query-storage.js';
import { createPostgresReportSequence } from './postgres-report-sequence.js';
import {
  idempotencyInsertShape,
  type NewReportRows,
  newReportRows,
  outboxInsertShape,
  reportInsertShape,
  storedFromWrite,
  timelineInsertShape,
  trackingTokenInsertShape,
} from './report-row.js';
import type {
  CreateReportRequest,
  CreateReportResult,
  IdempotencyInput,
  NewReportRecord,
} from './storage.js';
import { compiledSql, type InsertShape, insertSql, type StorageExecutor } from './storage-work.js';

const createStatementCache = new Map<string, string>();

/**
 * The one statement of a create: data-modifying CTEs inserting each row, with SQL built once
 * per shape (timeline entries, outbox rows, idempotency record or not).
 */
function createStatement(rows: NewReportRows): CompiledQuery {
  const key = `${rows.timeline.length}|${rows.outbox.length}|${rows.idempotency !== undefined}`;
  const parameters: unknown[] = [];
  const parts: [string, InsertShape, readonly (readonly unknown[])[], string][] = [
    ['new_report', reportInsertShape, [rows.report], 'id'],
    ['new_timeline', timelineInsertShape, rows.timeline, 'report_id'],
    ['new_token', trackingTokenInsertShape, [rows.trackingToken], 'report_id'],
  ];
  if (rows.outbox.length > 0) parts.push(['new_outbox', outboxInsertShape, rows.outbox, 'id']);
  if (rows.idempotency !== undefined) {
    parts.push(['new_idempotency_key', idempotencyInsertShape, [rows.idempotency], 'key']);
  }
  let sql = createStatementCache.get(key);
  const build = sql === undefined;
  const ctes: string[] = [];
  for (const [name, shape, values, returning] of parts) {
    if (build) {
      const insert = insertSql(
        'postgres',
        shape.table,
        shape.columns,
        values.length,
        parameters.length + 1,
      );
      ctes.push(`"${name}" as (${insert} returning "${returning}")`);
    }
    for (const row of values) for (const value of row) parameters.push(value);
  }
  if (sql === undefined) {
    sql = `with ${ctes.join(', ')} select 1 as "created"`;
    createStatementCache.set(key, sql);
  }
  return compiledSql(sql, parameters);
}

/** Columns that are not `text`, by name, cast from the JSON of {@link batchStatement}. */
const nonTextColumns: Readonly<Record<string, string>> = {
  hijri_year: 'int4',
  sequence: 'int4',
  version: 'int4',
  position: 'int4',
  attempts: 'int4',
  lat: 'float8',
  lng: 'float8',
};

const batchShapes: readonly [
  string,
  InsertShape,
  (rows: NewReportRows) => readonly (readonly unknown[])[],
  string,
][] = [
  ['new_reports', reportInsertShape, (rows) => [rows.report], 'id'],
  ['new_timeline', timelineInsertShape, (rows) => rows.timeline, 'report_id'],
  ['new_tokens', trackingTokenInsertShape, (rows) => [rows.trackingToken], 'report_id'],
  ['new_outbox', outboxInsertShape, (rows) => rows.outbox, 'id'],
  [
    'new_idempotency_keys',
    idempotencyInsertShape,
    (rows) => (rows.idempotency === undefined ? [] : [rows.idempotency]),
    'key',
  ],
];

/**
 * One SQL text for any number of creates: each table's rows come as one JSON array of value
 * arrays (in the shape's column order), taken apart by PostgreSQL. `JSON.stringify` is far
 * cheaper in Node than `pg`'s escaping of a text array element by element; `jsonb` is parsed
 * once, where `json`'s `->>` parses the row again for every column (twice the server's CPU).
 */
const batchSql = (() => {
  const ctes = batchShapes.map(([name, shape, , returning], index) => {
    const values = shape.columns.map(
      (column, position) => `("row" ->> ${position})::${nonTextColumns[column] ?? 'text'}`,
    );
    const columns = shape.columns.map((column) => `"${column}"`).join(', ');
    return `"${name}" as (insert into "${shape.table}" (${columns}) select ${values.join(', ')} from jsonb_array_elements($${index + 1}::jsonb) as "rows"("row") returning "${returning}")`;
  });
  return `with ${ctes.join(', ')} select 1 as "created"`;
})();

/** Name of the prepared batch statement; a new SQL text needs a new name. */
const batchStatementName = 'balagh_create_reports_3';

/** The one statement of many creates; its SQL never changes, whatever their number. */
function batchStatement(creates: readonly NewReportRows[]): CompiledQuery {
  const parameters = batchShapes.map(([, , rowsOf]) => {
    const rows: (readonly unknown[])[] = [];
    for (const create of creates) for (const row of rowsOf(create)) rows.push(row);
    return JSON.stringify(rows);
  });
  return compiledSql(batchSql, parameters);
}

/** Options of {@link createPostgresReportCreator}. */
export interface PostgresReportCreatorOptions {
  /** Creates written by one statement at most. Default 256. */
  readonly maximumBatch?: number;
  /**
   * Batch statements under way at once; creates arriving meanwhile wait for the next one, so
   * batches grow with the load. Default 4.
   */
  readonly maximumBatchesInFlight?: number;
  /**
   * Runs the batch statement as a named prepared statement, parsed and planned once per
   * connection (`pg`'s `{ name, text, values }`); without it the statement runs through Kysely.
   */
  readonly runPrepared?: (name: string, text: string, values: unknown[]) => Promise<unknown>;
}

interface PendingCreate {
  readonly request: CreateReportRequest;
  readonly resolve: (result: CreateReportResult) => void;
  readonly reject: (error: unknown) => void;
}

interface BuiltCreate {
  readonly pending: PendingCreate;
  readonly record: NewReportRecord;
  readonly rows: NewReportRows;
}

/**
 * The PostgreSQL way to create reports: creates arriving together form a batch; the batch draws
 * its numbers from the year's sequence in one round trip (`createPostgresReportSequence`), then
 * ONE statement inserts every create's report, timeline entry, tracking token hash, outbox rows
 * and idempotency record (data-modifying CTEs over unnested arrays): atomic, without
 * `BEGIN`/`COMMIT` round trips. While batches are under way (at most
 * `maximumBatchesInFlight`), the next batch gathers.
 *
 * When a batch statement fails (a repeated Idempotency-Key, a constraint), each of its creates
 * is written again on its own, with the same number, so that only the failing one fails. Two
 * requests with the same idempotency key race on the key's primary key: the loser's statement
 * fails and it answers the winner's stored response.
 */
export function createPostgresReportCreator(
  executor: StorageExecutor,
  options: PostgresReportCreatorOptions = {},
): ReportCreator {
  const { db } = executor;
  const sequence = createPostgresReportSequence(db);
  const maximumBatch = options.maximumBatch ?? 256;
  const maximumInFlight = options.maximumBatchesInFlight ?? 4;
  let pending: PendingCreate[] = [];
  let scheduled = false;
  let inFlight = 0;
  let statements = 0;
  let written = 0;

  const replay = (idempotency: IdempotencyInput) =>
    executor.read(() => idempotentReplay(db, idempotency));

  const run = (statement: CompiledQuery) =>
    executor.read(function* () {
      yield statement;
    });

  const created = (built: BuiltCreate): CreateReportResult => ({
    kind: 'created',
    stored: storedFromWrite(built.record.write, 1),
    response: built.record.response,
  });

  /** Writes one create on its own; a repeated Idempotency-Key answers the stored response. */
  const writeOne = async (built: BuiltCreate): Promise<CreateReportResult> => {
    const { idempotency } = built.pending.request;
    const statement = createStatement(built.rows);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await run(statement);
        statements += 1;
        written += 1;
        return created(built);
      } catch (error) {
        const failure = error as { code?: string; constraint?: string };
        const repeatedKey =
          idempotency !== undefined &&
          failure.code === '23505' &&
          failure.constraint === 'idempotency_keys_pk';
        if (!repeatedKey) throw error;
        const replayed = await replay(idempotency);
        if (replayed !== undefined) return replayed;
        // The key's stored record had expired and is now deleted: insert once more.
        if (attempt >= 2) {
          throw new BalaghError(
            'CONFLICT',
            'A concurrent request used this Idempotency-Key; retry.',
            {
              cause: error,
            },
          );
        }
      }
    }
  };

  const settle = (built: BuiltCreate, write: Promise<CreateReportResult>) =>
    write.then(built.pending.resolve, built.pending.reject);

  /** Numbers, builds and writes one batch of creates of one Hijri year. */
  const writeYear = async (hijriYear: number, creates: readonly PendingCreate[]): Promise<void> => {
    let numbers: number[];
    try {
      numbers = await sequence.nextMany(hijriYear, creates.length);
    } catch (error) {
      for (const create of creates) create.reject(error);
      return;
    }
    const built: BuiltCreate[] = [];
    creates.forEach((create, index) => {
      try {
        const number = numbers[index] as number;
        const record = create.request.build(number);
        const rows = newReportRows(record, hijriYear, number, create.request.idempotency);
        built.push({ pending: create, record, rows });
      } catch (error) {
        create.reject(error);
      }
    });
    if (built.length === 0) return;
    // Even one create goes through the prepared batch statement: no parsing, no planning.
    try {
      const statement = batchStatement(built.map((create) => create.rows));
      if (options.runPrepared === undefined) await run(statement);
      else await options.runPrepared(batchStatementName, statement.sql, [...statement.parameters]);
    } catch {
      // Someone's create failed the statement: each on its own, so only that one fails.
      await Promise.all(built.map((create) => settle(create, writeOne(create))));
      return;
    }
    statements += 1;
    written += built.length;
    for (const create of built) create.pending.resolve(created(create));
  };

  const writeBatch = async (batch: readonly PendingCreate[]): Promise<void> => {
    const years = new Map<number, PendingCreate[]>();
    for (const create of batch) {
      const list = years.get(create.request.hijriYear);
      if (list === undefined) years.set(create.request.hijriYear, [create]);
      else list.push(create);
    }
    await Promise.all([...years].map(([year, creates]) => writeYear(year, creates)));
  };

  const schedule = () => {
    if (scheduled || pending.length === 0 || inFlight >= maximumInFlight) return;
    scheduled = true;
    setImmediate(flush);
  };

  function flush(): void {
    scheduled = false;
    const batch = pending.slice(0, maximumBatch);
    pending = pending.slice(batch.length);
    if (batch.length === 0) return;
    inFlight += 1;
    void writeBatch(batch).finally(() => {
      inFlight -= 1;
      schedule();
    });
    schedule();
  }

  return {
    statistics: () => ({ transactions: statements, units: written }),
    createReport(request) {
      return new Promise<CreateReportResult>((resolve, reject) => {
        pending.push({ request, resolve, reject });
        schedule();
      });
    },
  };
}
