import { BalaghError } from '@balagh/core';
import type { Kysely, QueryCreator } from 'kysely';
import { idempotentReplay, type ReportCreator } from './create-query-storage.js';
import type { Database } from './database-schema.js';
import { createPostgresReportSequence } from './postgres-report-sequence.js';
import { newReportRow, outboxInsertRow, storedFromWrite, timelineRows } from './report-row.js';
import type { CreateReportResult, IdempotencyInput } from './storage.js';
import type { StorageExecutor } from './storage-work.js';

/**
 * The PostgreSQL way to create a report: a number from the year's sequence (shared by
 * concurrent requests, see `createPostgresReportSequence`), then ONE statement whose
 * data-modifying CTEs insert the report, its timeline entry, tracking token hash, outbox rows
 * and idempotency record: atomic without a `BEGIN`/`COMMIT` round trip.
 *
 * Two requests with the same idempotency key race on the key's primary key: the loser's
 * statement fails as a whole and it answers the winner's stored response.
 */
export function createPostgresReportCreator(executor: StorageExecutor): ReportCreator {
  const { db } = executor;
  const sequence = createPostgresReportSequence(db);

  const replay = (idempotency: IdempotencyInput) =>
    executor.read(() => idempotentReplay(db, idempotency));

  return {
    async createReport(request): Promise<CreateReportResult> {
      // No look-up of the Idempotency-Key first: the insert itself finds a repeated key (its
      // primary key), which saves a round trip on every create; a replay costs a number.
      const number = await sequence.next(request.hijriYear);
      const record = request.build(number);
      const { report } = record.write;
      const { idempotency } = request;

      let creator = db as unknown as QueryCreator<Database>;
      const add = (name: string, build: (query: QueryCreator<Database>) => unknown) => {
        creator = creator.with(name, build as never) as unknown as QueryCreator<Database>;
      };
      add('new_report', (query) =>
        query
          .insertInto('reports')
          .values(newReportRow(record.write, request.hijriYear, number))
          .returning('id'),
      );
      add('new_timeline', (query) =>
        query
          .insertInto('report_timeline')
          .values(timelineRows(report.id, report.timeline.length, report.timeline))
          .returning('report_id'),
      );
      add('new_token', (query) =>
        query
          .insertInto('tracking_tokens')
          .values({ report_id: report.id, token_hash: record.trackingTokenHash })
          .returning('report_id'),
      );
      if (record.outbox.length > 0) {
        add('new_outbox', (query) =>
          query.insertInto('outbox').values(record.outbox.map(outboxInsertRow)).returning('id'),
        );
      }
      if (idempotency !== undefined) {
        add('new_idempotency_key', (query) =>
          query
            .insertInto('idempotency_keys')
            .values({
              scope: idempotency.scope,
              key: idempotency.key,
              request_hash: idempotency.requestHash,
              report_id: report.id,
              response: JSON.stringify(record.response),
              created_at: idempotency.now,
              expires_at: idempotency.expiresAt,
            })
            .returning('key'),
        );
      }
      const statement = (creator as unknown as Kysely<Database>).selectNoFrom((expression) =>
        expression.lit(1).as('created'),
      );
      for (let attempt = 1; ; attempt += 1) {
        try {
          await executor.read(function* () {
            yield statement.compile();
          });
          break;
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
      return {
        kind: 'created',
        stored: storedFromWrite(record.write, 1),
        response: record.response,
      };
    },
  };
}
