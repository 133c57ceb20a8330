import { BalaghError, type ClosureCodeState, type Status, type TimelineEntry } from '@balagh/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import { hashContact } from './contact-hash.js';
import type { Database, ReportsTable } from './database-schema.js';
import { decodeReportCursor, encodeReportCursor } from './report-cursor.js';
import {
  idempotencyInsertShape,
  type NewReportRows,
  newReportRows,
  outboxInsertRow,
  outboxInsertShape,
  reportInsertShape,
  reportStateColumns,
  storedFromWrite,
  timelineInsertShape,
  timelineRows,
  toOutboxRow,
  toStoredReport,
  trackingTokenInsertShape,
} from './report-row.js';
import type {
  ApiKeyRecord,
  CreateReportRequest,
  CreateReportResult,
  DuplicateCandidatesQuery,
  IdempotencyInput,
  MediaRecord,
  OutboxClaim,
  OutboxInsert,
  Storage,
  StorageListQuery,
} from './storage.js';
import {
  affectedRowsOf,
  affectedRowsOfCompiled,
  compileCached,
  compiledSql,
  compileInsert,
  compileRowsInsert,
  firstRowOf,
  rowsOf,
  rowsOfCompiled,
  type StorageExecutor,
  type StorageWork,
} from './storage-work.js';

/** The dialect-specific part of a storage: how a report gets its number and is inserted. */
export interface ReportCreator {
  createReport(request: CreateReportRequest): Promise<CreateReportResult>;
  /** Statements that wrote creates, and creates written, when not counted by the executor. */
  statistics?(): { transactions: number; units: number };
}

const defaultListLimit = 50;
const maximumListLimit = 200;
/** Median time to resolve is computed over at most this many most recent resolutions. */
const medianSampleLimit = 50_000;

/** Kept as SQL literals so the planner can match the partial index `reports_open_idx`. */
const openReportsPredicate = sql<boolean>`status not in ('closed', 'rejected', 'duplicate')`;

/**
 * Builds the duplicates range query: equality on category and status, then latitude,
 * longitude and creation-time ranges, served by `reports_duplicates_idx`. Exported so tests
 * can EXPLAIN exactly what the storage runs.
 */
export function duplicateCandidatesQuery(db: Kysely<Database>, query: DuplicateCandidatesQuery) {
  let select = db
    .selectFrom('reports')
    .selectAll()
    .where('category_code', '=', query.categoryCode)
    .where('status', 'in', [...query.statuses])
    .where('lat', '>=', query.minLat)
    .where('lat', '<=', query.maxLat)
    .where('lng', '>=', query.minLng)
    .where('lng', '<=', query.maxLng)
    .where('created_at', '>=', query.createdFrom)
    .where('created_at', '<', query.createdTo);
  if (query.excludeId !== undefined) select = select.where('id', '!=', query.excludeId);
  return select.limit(query.limit ?? 50);
}

/**
 * Builds the outbox claim: an update of at most `limit` rows, those whose lease ended first and
 * then the pending rows due longest, returning them. Each kind is one index-ordered look-up that
 * stops at `limit` rows (`outbox_lease_idx`, `outbox_claim_idx`), so a claim costs the same with
 * a backlog of a million rows as with ten; one `OR` over both indexes would sort every due row on
 * each claim. On PostgreSQL the rows are taken `FOR UPDATE SKIP LOCKED`, so that dispatchers in
 * other processes skip them instead of waiting. Exported so tests can EXPLAIN what runs.
 */
export function claimOutboxQuery(db: Kysely<Database>, claim: OutboxClaim, postgres: boolean) {
  const claimedUntil = new Date(Date.parse(claim.now) + claim.leaseMilliseconds).toISOString();
  /** Rows in `status` whose `column` has passed, earliest first, at most `limit`. */
  const earliest = (
    status: 'pending' | 'sending',
    column: 'next_attempt_at' | 'claimed_until',
    comparison: '<=' | '<',
  ) => {
    const select = db
      .selectFrom('outbox')
      .select('id')
      .where('status', '=', status)
      .where(column, comparison, claim.now)
      .orderBy(column)
      .limit(claim.limit);
    return postgres ? select.forUpdate().skipLocked() : select;
  };
  const pendingDue = earliest('pending', 'next_attempt_at', '<=');
  const leaseEnded = earliest('sending', 'claimed_until', '<');
  const due = db
    .selectFrom(
      db
        .selectFrom(leaseEnded.as('lease_ended'))
        .select('id')
        .unionAll(db.selectFrom(pendingDue.as('pending_due')).select('id'))
        .as('due'),
    )
    .select('id')
    .limit(claim.limit);
  return db
    .updateTable('outbox')
    .set((expression) => ({
      status: 'sending',
      claimed_by: claim.workerId,
      claimed_until: claimedUntil,
      attempts: expression('attempts', '+', 1),
    }))
    .where('id', 'in', due)
    .returningAll();
}

/**
 * Reads the stored response of an idempotency key: replays it, refuses another body, or
 * answers `undefined` when the key is new (an expired record is deleted).
 */
export function* idempotentReplay(
  db: Kysely<Database>,
  idempotency: IdempotencyInput,
): StorageWork<CreateReportResult | undefined> {
  const [existing] = yield* rowsOfCompiled<Selectable<Database['idempotency_keys']>>(
    compileCached(db, 'idempotency-key', [idempotency.scope, idempotency.key], () =>
      db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('scope', '=', idempotency.scope)
        .where('key', '=', idempotency.key),
    ),
  );
  if (existing === undefined) return undefined;
  if (existing.expires_at <= idempotency.now) {
    yield* affectedRowsOf(
      db
        .deleteFrom('idempotency_keys')
        .where('scope', '=', idempotency.scope)
        .where('key', '=', idempotency.key)
        .where('expires_at', '<=', idempotency.now),
    );
    return undefined;
  }
  if (existing.request_hash !== idempotency.requestHash) {
    throw new BalaghError(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used with another request body.',
    );
  }
  return { kind: 'replayed', response: JSON.parse(existing.response) as unknown };
}

/**
 * Inserts every row of a new report (report, timeline, token hash, outbox, idempotency
 * record), as separate statements of fixed SQL, inside the caller's transaction.
 */
export function* insertNewReport(
  dialect: 'sqlite' | 'postgres',
  rows: NewReportRows,
): StorageWork<void> {
  yield compileRowsInsert(dialect, reportInsertShape, [rows.report]);
  yield compileRowsInsert(dialect, timelineInsertShape, rows.timeline);
  yield compileRowsInsert(dialect, trackingTokenInsertShape, [rows.trackingToken]);
  if (rows.outbox.length > 0) yield compileRowsInsert(dialect, outboxInsertShape, rows.outbox);
  if (rows.idempotency !== undefined) {
    yield compileRowsInsert(dialect, idempotencyInsertShape, [rows.idempotency]);
  }
}

function* insertOutbox(
  db: Kysely<Database>,
  rows: readonly OutboxInsert[] | undefined,
): StorageWork<void> {
  if (rows === undefined || rows.length === 0) return;
  yield* affectedRowsOfCompiled(compileInsert(db, 'outbox', rows.map(outboxInsertRow)));
}

/** The SQLite way to create a report: a counter row per Hijri year, in the same transaction. */
export function createCounterReportCreator(executor: StorageExecutor): ReportCreator {
  const { db } = executor;
  return {
    createReport(request) {
      return executor.transact(function* () {
        if (request.idempotency !== undefined) {
          const replay = yield* idempotentReplay(db, request.idempotency);
          if (replay !== undefined) return replay;
        }
        const [counter] = yield* rowsOfCompiled<{ value: number }>(
          compileCached(db, 'next-report-sequence', [request.hijriYear, 1, 1], () =>
            db
              .insertInto('report_sequences')
              .values({ hijri_year: request.hijriYear, value: 1 })
              .onConflict((conflict) =>
                conflict.column('hijri_year').doUpdateSet((update) => ({
                  value: update('report_sequences.value', '+', 1),
                })),
              )
              .returning('value'),
          ),
        );
        const sequence = Number(counter?.value);
        const record = request.build(sequence);
        yield* insertNewReport(
          executor.dialect,
          newReportRows(record, request.hijriYear, sequence, request.idempotency),
        );
        return {
          kind: 'created',
          stored: storedFromWrite(record.write, 1),
          response: record.response,
        } satisfies CreateReportResult;
      });
    },
  };
}

/**
 * The storage over a {@link StorageExecutor}: the same queries for SQLite and PostgreSQL,
 * with the dialect's way of creating reports.
 */
export function createQueryStorage(executor: StorageExecutor, creator: ReportCreator): Storage {
  const { db } = executor;
  const postgres = executor.dialect === 'postgres';

  /** A single-statement write: autocommit on PostgreSQL, the group commit on SQLite. */
  const writeStatement = <T>(work: () => StorageWork<T>): Promise<T> =>
    postgres ? executor.read(work) : executor.transact(work);

  interface SentMark {
    readonly id: string;
    readonly at: string;
    readonly resolve: (changed: boolean) => void;
    readonly reject: (error: unknown) => void;
  }
  let sentMarks: SentMark[] = [];

  /**
   * Notifications marked sent in the same turn of the event loop (a dispatcher writes a
   * batch's outcomes together) share one UPDATE: one round trip on PostgreSQL, one unit of
   * the group commit on SQLite.
   */
  const markSentTogether = (id: string, at: string) =>
    new Promise<boolean>((resolve, reject) => {
      sentMarks.push({ id, at, resolve, reject });
      if (sentMarks.length === 1) setImmediate(flushSentMarks);
    });

  const flushSentMarks = () => {
    const marks = sentMarks;
    sentMarks = [];
    writeStatement(function* () {
      return yield* rowsOfCompiled<{ id: string }>(
        postgres
          ? compiledSql(
              `update "outbox" set "status" = 'sent', "sent_at" = "marks"."at", "claimed_until" = null from unnest($1::text[], $2::text[]) as "marks"("id", "at") where "outbox"."id" = "marks"."id" and "outbox"."status" <> 'sent' returning "outbox"."id"`,
              [marks.map((mark) => mark.id), marks.map((mark) => mark.at)],
            )
          : compiledSql(
              `update "outbox" set "status" = 'sent', "sent_at" = "marks"."value" ->> '$.at', "claimed_until" = null from json_each(?) as "marks" where "outbox"."id" = "marks"."value" ->> '$.id' and "outbox"."status" <> 'sent' returning "outbox"."id"`,
              [JSON.stringify(marks.map((mark) => ({ id: mark.id, at: mark.at })))],
            ),
      );
    }).then(
      (rows) => {
        const changed = new Set(rows.map((row) => row.id));
        for (const mark of marks) mark.resolve(changed.has(mark.id));
      },
      (error: unknown) => {
        for (const mark of marks) mark.reject(error);
      },
    );
  };

  const readReport = (
    build: (select: ReturnType<typeof selectReports>) => ReturnType<typeof selectReports>,
  ) =>
    executor.read(function* () {
      const row = yield* firstRowOf(build(selectReports()));
      return row === undefined ? undefined : toStoredReport(row);
    });

  function selectReports() {
    return db.selectFrom('reports').selectAll();
  }

  const readReports = (query: ReturnType<typeof selectReports>) =>
    executor.read(function* () {
      const rows = yield* rowsOf(query);
      return rows.map(toStoredReport);
    });

  return {
    dialect: executor.dialect,
    kysely: db,

    createReport: (request) => creator.createReport(request),

    updateReport(update) {
      return executor.transact(function* () {
        const nextVersion = update.expectedVersion + 1;
        const changed = yield* affectedRowsOf(
          db
            .updateTable('reports')
            .set(
              update.write === undefined
                ? { version: nextVersion }
                : { ...reportStateColumns(update.write), version: nextVersion },
            )
            .where('id', '=', update.reportId)
            .where('version', '=', update.expectedVersion),
        );
        if (changed === 0) {
          const exists = yield* firstRowOf(
            db.selectFrom('reports').select('version').where('id', '=', update.reportId),
          );
          if (exists === undefined) {
            throw new BalaghError('REPORT_NOT_FOUND', 'No such report.', {
              details: { reportId: update.reportId },
            });
          }
          throw new BalaghError(
            'CONFLICT',
            'The report changed meanwhile; read it again and retry.',
            {
              details: { reportId: update.reportId, expectedVersion: update.expectedVersion },
            },
          );
        }
        const entries = update.newTimelineEntries ?? [];
        if (entries.length > 0) {
          const length = update.write?.report.timeline.length;
          if (length === undefined) {
            throw new BalaghError('INTERNAL', 'Timeline entries need the new report state.');
          }
          yield* affectedRowsOfCompiled(
            compileInsert(db, 'report_timeline', timelineRows(update.reportId, length, entries)),
          );
        }
        if (update.closureState === null) {
          yield* affectedRowsOf(
            db.deleteFrom('closure_codes').where('report_id', '=', update.reportId),
          );
        } else if (update.closureState !== undefined) {
          const state = JSON.stringify(update.closureState);
          const updatedAt = update.write?.report.updatedAt ?? update.closureState.issuedAt;
          yield* affectedRowsOf(
            db
              .insertInto('closure_codes')
              .values({ report_id: update.reportId, state, updated_at: updatedAt })
              .onConflict((conflict) =>
                conflict.column('report_id').doUpdateSet({ state, updated_at: updatedAt }),
              ),
          );
        }
        yield* insertOutbox(db, update.outbox);
        if (update.write !== undefined) return storedFromWrite(update.write, nextVersion);
        const row = yield* firstRowOf(selectReports().where('id', '=', update.reportId));
        if (row === undefined) throw new BalaghError('REPORT_NOT_FOUND', 'No such report.');
        return toStoredReport(row);
      });
    },

    getReport: (id) => readReport((select) => select.where('id', '=', id)),
    getReportByNumber: (number) => readReport((select) => select.where('number', '=', number)),

    findLatestReportByContact(contact, statuses) {
      const column = 'phone' in contact ? 'reporter_phone_hash' : 'reporter_whatsapp_hash';
      return readReport((select) => {
        let query = select.where(column, '=', hashContact(contact));
        if (statuses !== undefined && statuses.length > 0)
          query = query.where('status', 'in', [...statuses]);
        return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1);
      });
    },

    getTrackingTokenHash: (reportId) =>
      executor.read(function* () {
        const row = yield* firstRowOf(
          db.selectFrom('tracking_tokens').select('token_hash').where('report_id', '=', reportId),
        );
        return row?.token_hash;
      }),

    getClosureState: (reportId) =>
      executor.read(function* () {
        const row = yield* firstRowOf(
          db.selectFrom('closure_codes').select('state').where('report_id', '=', reportId),
        );
        return row === undefined ? undefined : (JSON.parse(row.state) as ClosureCodeState);
      }),

    getClosureStates: (reportIds) =>
      executor.read(function* () {
        const states = new Map<string, ClosureCodeState>();
        if (reportIds.length === 0) return states;
        const rows = yield* rowsOf(
          db
            .selectFrom('closure_codes')
            .select(['report_id', 'state'])
            .where('report_id', 'in', [...reportIds]),
        );
        for (const row of rows)
          states.set(row.report_id, JSON.parse(row.state) as ClosureCodeState);
        return states;
      }),

    getTimeline: (reportId) =>
      executor.read(function* () {
        const rows = yield* rowsOf(
          db
            .selectFrom('report_timeline')
            .select('entry')
            .where('report_id', '=', reportId)
            .orderBy('position'),
        );
        return rows.map((row) => JSON.parse(row.entry) as TimelineEntry);
      }),

    listReports(query) {
      return executor.read(function* () {
        const limit = clampLimit(query.limit);
        const sort = query.sort ?? 'created';
        let select = applyListFilters(selectReports(), query);
        if (sort === 'created') {
          if (query.cursor !== undefined) {
            const [createdAt, id] = decodeReportCursor(query.cursor);
            select = select.where((expression) =>
              expression(
                expression.refTuple('created_at', 'id'),
                '<',
                expression.tuple(createdAt ?? '', id),
              ),
            );
          }
          select = select.orderBy('created_at', 'desc').orderBy('id', 'desc');
        } else {
          if (query.cursor !== undefined) {
            const [dueAt, id] = decodeReportCursor(query.cursor);
            select =
              dueAt === null
                ? select.where('resolution_due_at', 'is', null).where('id', '>', id)
                : select.where((expression) =>
                    expression.or([
                      expression('resolution_due_at', 'is', null),
                      expression(
                        expression.refTuple('resolution_due_at', 'id'),
                        '>',
                        expression.tuple(dueAt, id),
                      ),
                    ]),
                  );
          }
          select = select
            .orderBy(sql`(case when resolution_due_at is null then 1 else 0 end)`)
            .orderBy('resolution_due_at', 'asc')
            .orderBy('id', 'asc');
        }
        const rows = yield* rowsOf(select.limit(limit + 1));
        const items = rows.slice(0, limit).map(toStoredReport);
        const last = rows.length > limit ? rows[limit - 1] : undefined;
        if (last === undefined) return { items };
        const sortValue = sort === 'created' ? last.created_at : last.resolution_due_at;
        return { items, nextCursor: encodeReportCursor([sortValue, last.id]) };
      });
    },

    findDuplicateCandidates: (query) => readReports(duplicateCandidatesQuery(db, query)),

    listDuplicatesOf: (masterId) =>
      readReports(
        selectReports()
          .where('duplicate_of', '=', masterId)
          .where('status', '=', 'duplicate')
          .orderBy('id'),
      ),

    listResolvedBefore: (before, limit) =>
      readReports(
        selectReports()
          .where('status', '=', 'resolved')
          .where('updated_at', '<', before)
          .orderBy('updated_at')
          .limit(limit),
      ),

    listOpenReports(options) {
      return executor.read(function* () {
        const limit = clampLimit(options.limit ?? 100, 1000);
        let select = selectReports().where(openReportsPredicate);
        if (options.cursor !== undefined) {
          const [, id] = decodeReportCursor(options.cursor);
          select = select.where('id', '>', id);
        }
        const rows = yield* rowsOf(select.orderBy('id').limit(limit + 1));
        const page = rows.slice(0, limit);
        const ids = page.map((row) => row.id);
        const marks =
          ids.length === 0
            ? []
            : yield* rowsOf(
                db
                  .selectFrom('sla_marks')
                  .select(['report_id', 'clock', 'mark'])
                  .where('report_id', 'in', ids),
              );
        const items = page.map((row) => ({
          stored: toStoredReport(row),
          marks: marks
            .filter((mark) => mark.report_id === row.id)
            .map((mark) => ({ clock: mark.clock, mark: mark.mark })),
        }));
        const last = rows.length > limit ? page.at(-1) : undefined;
        return last === undefined
          ? { items }
          : { items, nextCursor: encodeReportCursor([null, last.id]) };
      });
    },

    recordSlaMark(record) {
      return executor.transact(function* () {
        const inserted = yield* affectedRowsOf(
          db
            .insertInto('sla_marks')
            .values({
              report_id: record.reportId,
              clock: record.clock,
              mark: record.mark,
              at: record.at,
            })
            .onConflict((conflict) => conflict.columns(['report_id', 'clock', 'mark']).doNothing()),
        );
        if (inserted === 0) return false;
        if (record.slaState !== undefined) {
          yield* affectedRowsOf(
            db
              .updateTable('reports')
              .set({ sla_state: record.slaState })
              .where('id', '=', record.reportId),
          );
        }
        yield* insertOutbox(db, record.outbox);
        return true;
      });
    },

    storeSlaState: (update) =>
      writeStatement(function* () {
        const changed = yield* affectedRowsOf(
          db
            .updateTable('reports')
            .set({ sla_state: update.slaState, resolution_due_at: update.resolutionDueAt ?? null })
            .where('id', '=', update.reportId)
            .where('version', '=', update.version),
        );
        return changed > 0;
      }),

    stats(query) {
      return executor.read(function* () {
        const scoped = () => {
          let select = db
            .selectFrom('reports')
            .where('created_at', '>=', query.from)
            .where('created_at', '<', query.to);
          if (query.departmentCode !== undefined) {
            select = select.where('department_code', '=', query.departmentCode);
          }
          return select;
        };
        const countBy = function* (
          column: 'status' | 'category_code' | 'department_code' | 'channel',
        ) {
          const rows = yield* rowsOf(
            scoped()
              .select([
                column,
                (expression) => expression.fn.countAll<number | string>().as('count'),
              ])
              .groupBy(column),
          );
          const counts: Record<string, number> = {};
          for (const row of rows) counts[String(row[column])] = Number(row.count);
          return counts;
        };
        const byStatus = yield* countBy('status');
        const byCategory = yield* countBy('category_code');
        const byDepartment = yield* countBy('department_code');
        const byChannel = yield* countBy('channel');
        const dayExpression = sql<string>`substr(created_at, 1, 10)`;
        const dayRows = yield* rowsOf(
          scoped()
            .select([
              dayExpression.as('day'),
              (expression) => expression.fn.countAll<number | string>().as('count'),
            ])
            .groupBy(dayExpression)
            .orderBy(dayExpression),
        );
        const compliance = yield* firstRowOf(
          scoped()
            .where('resolved_at', 'is not', null)
            .select([
              (expression) => expression.fn.countAll<number | string>().as('resolved'),
              sql<
                number | string | null
              >`sum(case when resolution_due_at is not null and resolved_at <= resolution_due_at then 1 else 0 end)`.as(
                'within',
              ),
            ]),
        );
        const durations = yield* rowsOf(
          scoped()
            .where('resolved_at', 'is not', null)
            .select(['created_at', 'resolved_at'])
            .orderBy('resolved_at', 'desc')
            .limit(medianSampleLimit),
        );
        const total = Object.values(byStatus).reduce((sum, count) => sum + count, 0);
        const workable = total - (byStatus['rejected'] ?? 0) - (byStatus['duplicate'] ?? 0);
        const resolvedCount = Number(compliance?.resolved ?? 0);
        return {
          total,
          byStatus,
          byCategory,
          byDepartment,
          byChannel,
          byDay: dayRows.map((row) => ({ day: row.day, count: Number(row.count) })),
          closureRate: workable > 0 ? (byStatus['closed'] ?? 0) / workable : null,
          slaCompliance: resolvedCount > 0 ? Number(compliance?.within ?? 0) / resolvedCount : null,
          medianTimeToResolveMilliseconds: median(
            durations.map(
              (row) => Date.parse(row.resolved_at ?? row.created_at) - Date.parse(row.created_at),
            ),
          ),
        };
      });
    },

    claimOutbox(options) {
      const claim = claimOutboxQuery(db, options, postgres);
      return writeStatement(function* () {
        const rows = yield* rowsOf(claim);
        return rows.map(toOutboxRow).sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt));
      });
    },

    markOutboxSent: (id, at) =>
      !sentMarks.some((mark) => mark.id === id)
        ? markSentTogether(id, at)
        : writeStatement(function* () {
            // One per delivered notification: its SQL is compiled once.
            const changed = yield* affectedRowsOfCompiled(
              compileCached(db, 'outbox-sent', [at, id, 'sent'], () =>
                db
                  .updateTable('outbox')
                  .set({ status: 'sent', sent_at: at, claimed_until: null })
                  .where('id', '=', id)
                  .where('status', '!=', 'sent'),
              ),
            );
            return changed > 0;
          }),

    markOutboxRetry: (id, workerId, nextAttemptAt, error) =>
      writeStatement(function* () {
        const changed = yield* affectedRowsOf(
          db
            .updateTable('outbox')
            .set({
              status: 'pending',
              next_attempt_at: nextAttemptAt,
              last_error: error,
              claimed_by: null,
              claimed_until: null,
            })
            .where('id', '=', id)
            .where('status', '=', 'sending')
            .where('claimed_by', '=', workerId),
        );
        return changed > 0;
      }),

    markOutboxDead: (id, workerId, error) =>
      writeStatement(function* () {
        const changed = yield* affectedRowsOf(
          db
            .updateTable('outbox')
            .set({ status: 'dead', last_error: error, claimed_until: null })
            .where('id', '=', id)
            .where('status', '=', 'sending')
            .where('claimed_by', '=', workerId),
        );
        return changed > 0;
      }),

    outboxCounts: () =>
      executor.read(function* () {
        const rows = yield* rowsOf(
          db
            .selectFrom('outbox')
            .select([
              'status',
              (expression) => expression.fn.countAll<number | string>().as('count'),
            ])
            .where('status', 'in', ['pending', 'sending', 'dead'])
            .groupBy('status'),
        );
        let pending = 0;
        let dead = 0;
        for (const row of rows) {
          if (row.status === 'dead') dead += Number(row.count);
          else pending += Number(row.count);
        }
        return { pending, dead };
      }),

    listOutbox: (filter = {}) =>
      executor.read(function* () {
        let select = db.selectFrom('outbox').selectAll();
        if (filter.reportId !== undefined) select = select.where('report_id', '=', filter.reportId);
        const rows = yield* rowsOf(select.orderBy('created_at').orderBy('id'));
        return rows.map(toOutboxRow);
      }),

    insertApiKey: (record) =>
      writeStatement(function* () {
        yield* affectedRowsOf(
          db.insertInto('api_keys').values({
            id: record.id,
            name: record.name,
            role: record.role,
            department_code: record.departmentCode ?? null,
            secret_hash: record.secretHash,
            created_at: record.createdAt,
            revoked_at: record.revokedAt ?? null,
          }),
        );
      }),

    getApiKey: (id) =>
      executor.read(function* () {
        const row = yield* firstRowOf(db.selectFrom('api_keys').selectAll().where('id', '=', id));
        return row === undefined ? undefined : toApiKeyRecord(row);
      }),

    listApiKeys: () =>
      executor.read(function* () {
        const rows = yield* rowsOf(
          db.selectFrom('api_keys').selectAll().orderBy('created_at').orderBy('id'),
        );
        return rows.map(toApiKeyRecord);
      }),

    revokeApiKey: (id, at) =>
      writeStatement(function* () {
        yield* affectedRowsOf(
          db
            .updateTable('api_keys')
            .set({ revoked_at: at })
            .where('id', '=', id)
            .where('revoked_at', 'is', null),
        );
        const row = yield* firstRowOf(db.selectFrom('api_keys').select('id').where('id', '=', id));
        return row !== undefined;
      }),

    insertMedia: (record) =>
      writeStatement(function* () {
        yield* affectedRowsOf(
          db.insertInto('media').values({
            id: record.id,
            content_type: record.contentType,
            byte_size: record.byteSize,
            width: record.width ?? null,
            height: record.height ?? null,
            path: record.path,
            created_at: record.createdAt,
          }),
        );
      }),

    getMedia: (id) =>
      executor.read(function* () {
        const row = yield* firstRowOf(db.selectFrom('media').selectAll().where('id', '=', id));
        if (row === undefined) return undefined;
        return {
          id: row.id,
          contentType: row.content_type,
          byteSize: Number(row.byte_size),
          ...(row.width === null ? {} : { width: Number(row.width) }),
          ...(row.height === null ? {} : { height: Number(row.height) }),
          path: row.path,
          createdAt: row.created_at,
        } satisfies MediaRecord;
      }),

    getConversation: (channel, userId, now) =>
      executor.read(function* () {
        const row = yield* firstRowOf(
          db
            .selectFrom('conversations')
            .selectAll()
            .where('channel', '=', channel)
            .where('user_id', '=', userId)
            .where('expires_at', '>', now),
        );
        if (row === undefined) return undefined;
        return {
          state: JSON.parse(row.state) as unknown,
          updatedAt: row.updated_at,
          expiresAt: row.expires_at,
        };
      }),

    putConversation: (channel, userId, state, updatedAt, expiresAt) =>
      writeStatement(function* () {
        const text = JSON.stringify(state) ?? 'null';
        yield* affectedRowsOf(
          db
            .insertInto('conversations')
            .values({
              channel,
              user_id: userId,
              state: text,
              updated_at: updatedAt,
              expires_at: expiresAt,
            })
            .onConflict((conflict) =>
              conflict
                .columns(['channel', 'user_id'])
                .doUpdateSet({ state: text, updated_at: updatedAt, expires_at: expiresAt }),
            ),
        );
      }),

    deleteConversation: (channel, userId) =>
      writeStatement(function* () {
        yield* affectedRowsOf(
          db
            .deleteFrom('conversations')
            .where('channel', '=', channel)
            .where('user_id', '=', userId),
        );
      }),

    markMessageSeen: (channel, messageId, now, expiresAt) =>
      writeStatement(function* () {
        // One statement, so two processes marking the same id cannot both see it as new: the
        // insert wins once, and a conflicting row is taken over only when its mark expired.
        const rows = yield* rowsOf(
          db
            .insertInto('seen_messages')
            .values({ channel, message_id: messageId, expires_at: expiresAt })
            .onConflict((conflict) =>
              conflict
                .columns(['channel', 'message_id'])
                .doUpdateSet({ expires_at: expiresAt })
                .where('seen_messages.expires_at', '<=', now),
            )
            .returning('message_id'),
        );
        return rows.length > 0;
      }),

    purgeExpired: (now) =>
      executor.transact(function* () {
        yield* affectedRowsOf(db.deleteFrom('idempotency_keys').where('expires_at', '<=', now));
        yield* affectedRowsOf(db.deleteFrom('conversations').where('expires_at', '<=', now));
        yield* affectedRowsOf(db.deleteFrom('seen_messages').where('expires_at', '<=', now));
      }),

    ping: () =>
      executor.read(function* () {
        yield* rowsOf(db.selectNoFrom((expression) => expression.lit(1).as('one')));
      }),

    writeStatistics() {
      const counted = executor.statistics();
      const creates = creator.statistics?.();
      return creates === undefined
        ? counted
        : {
            transactions: counted.transactions + creates.transactions,
            units: counted.units + creates.units,
            lockRetries: counted.lockRetries,
          };
    },

    close: () => executor.close(),
  };

  function applyListFilters(
    select: ReturnType<typeof selectReports>,
    query: StorageListQuery,
  ): ReturnType<typeof selectReports> {
    let filtered = select;
    const anyOf = (
      column: keyof Selectable<ReportsTable>,
      values: readonly string[] | undefined,
    ) => {
      if (values !== undefined && values.length > 0)
        filtered = filtered.where(column, 'in', [...values]);
    };
    anyOf('status', query.status as readonly Status[] | undefined);
    anyOf('category_code', query.categoryCode);
    anyOf('department_code', query.departmentCode);
    anyOf('area_code', query.areaCode);
    anyOf('channel', query.channel);
    anyOf('sla_state', query.slaState);
    if (query.createdFrom !== undefined)
      filtered = filtered.where('created_at', '>=', query.createdFrom);
    if (query.createdTo !== undefined)
      filtered = filtered.where('created_at', '<', query.createdTo);
    return filtered;
  }
}

function clampLimit(limit: number | undefined, maximum = maximumListLimit): number {
  if (limit === undefined || !Number.isFinite(limit)) return defaultListLimit;
  return Math.min(Math.max(Math.trunc(limit), 1), maximum);
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function toApiKeyRecord(row: Selectable<Database['api_keys']>): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    ...(row.department_code === null ? {} : { departmentCode: row.department_code }),
    secretHash: row.secret_hash,
    createdAt: row.created_at,
    ...(row.revoked_at === null ? {} : { revokedAt: row.revoked_at }),
  };
}
