import { type Kysely, sql } from 'kysely';
import type { Database } from './database-schema.js';

/** Hands out report sequence numbers from PostgreSQL sequences, one per Hijri year. */
export interface PostgresReportSequence {
  /** The next number of a year; never the same twice, across every process on the database. */
  next(hijriYear: number): Promise<number>;
  /** `count` next numbers of a year, in ascending order, in one round trip. */
  nextMany(hijriYear: number, count: number): Promise<number[]>;
}

interface Waiter {
  readonly resolve: (value: number) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Numbers from `report_seq_<year>` sequences, created on demand. Requests for the same year
 * that arrive in the same turn of the event loop share one round trip
 * (`SELECT nextval(...) FROM generate_series(1, n)`). A sequence is never a hot row: many
 * processes draw from it without waiting on each other; a failed insert leaves a gap, never
 * a repeat.
 */
export function createPostgresReportSequence(db: Kysely<Database>): PostgresReportSequence {
  const waiting = new Map<number, Waiter[]>();

  const sequenceName = (year: number) => {
    if (!Number.isInteger(year) || year < 1 || year > 99_999) {
      throw new RangeError(`Invalid Hijri year ${year}.`);
    }
    return `report_seq_${year}`;
  };

  const ensure = async (year: number) => {
    try {
      await sql`create sequence if not exists ${sql.raw(sequenceName(year))} as bigint start 1`.execute(
        db,
      );
    } catch (error) {
      // Two processes creating it at once: one wins, the other sees a duplicate in the catalog.
      const code = (error as { code?: string }).code;
      if (code !== '23505' && code !== '42P07') throw error;
    }
  };

  const draw = async (year: number, count: number): Promise<number[]> => {
    const name = sequenceName(year);
    const query = sql<{
      value: string;
    }>`select nextval(${name}::regclass) as value from generate_series(1, ${count})`;
    try {
      const result = await query.execute(db);
      return result.rows.map((row) => Number(row.value)).sort((a, b) => a - b);
    } catch (error) {
      // The year's first number: create its sequence (if nobody did meanwhile) and draw again.
      if ((error as { code?: string }).code !== '42P01') throw error;
      await ensure(year);
      const result = await query.execute(db);
      return result.rows.map((row) => Number(row.value)).sort((a, b) => a - b);
    }
  };

  const flush = (year: number) => {
    const waiters = waiting.get(year) ?? [];
    waiting.delete(year);
    if (waiters.length === 0) return;
    draw(year, waiters.length).then(
      (values) => {
        waiters.forEach((waiter, index) => {
          const value = values[index];
          if (value === undefined)
            waiter.reject(new Error('The sequence answered too few values.'));
          else waiter.resolve(value);
        });
      },
      (error: unknown) => {
        for (const waiter of waiters) waiter.reject(error);
      },
    );
  };

  return {
    async nextMany(hijriYear, count) {
      sequenceName(hijriYear);
      if (count < 1) return [];
      return await draw(hijriYear, count);
    },
    next(hijriYear) {
      return new Promise<number>((resolve, reject) => {
        try {
          sequenceName(hijriYear);
        } catch (error) {
          reject(error);
          return;
        }
        const waiters = waiting.get(hijriYear);
        if (waiters === undefined) {
          waiting.set(hijriYear, [{ resolve, reject }]);
          setImmediate(() => flush(hijriYear));
        } else {
          waiters.push({ resolve, reject });
        }
      });
    },
  };
}
