import type { Kysely } from 'kysely';
import type { Database } from './database-schema.js';
import type { StorageExecutor, StorageWork } from './storage-work.js';

/**
 * Runs storage work on a PostgreSQL pool (through Kysely's `PostgresDialect`): reads on any
 * pooled connection, a transaction on one connection between `BEGIN` and `COMMIT`.
 */
export function createPostgresExecutor(db: Kysely<Database>): StorageExecutor {
  let transactions = 0;
  let units = 0;

  const runAsync = async <T>(
    work: () => StorageWork<T>,
    execute: (
      query: Parameters<Kysely<Database>['executeQuery']>[0],
    ) => ReturnType<Kysely<Database>['executeQuery']>,
  ): Promise<T> => {
    const generator = work();
    let step = generator.next();
    while (!step.done) step = generator.next(await execute(step.value));
    return step.value;
  };

  return {
    dialect: 'postgres',
    db,
    read: (work) => runAsync(work, (query) => db.executeQuery(query)),
    async transact(work) {
      try {
        return await db
          .transaction()
          .execute((transaction) => runAsync(work, (query) => transaction.executeQuery(query)));
      } finally {
        transactions += 1;
        units += 1;
      }
    },
    statistics: () => ({ transactions, units, lockRetries: 0 }),
    async close() {
      await db.destroy();
    },
  };
}
