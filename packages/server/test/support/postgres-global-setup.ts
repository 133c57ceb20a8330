import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './start-test-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test PostgreSQL server's `postgres` database, as the superuser. */
    balaghPostgresUrl: string;
  }
}

/**
 * Vitest global setup of the server project: starts one throwaway PostgreSQL cluster for the
 * whole run and provides its URL to every test file (`inject('balaghPostgresUrl')`); each file
 * then creates its own database (see `forEachDatabase`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startTestPostgres();
  project.provide('balaghPostgresUrl', postgres.url);
  return async () => {
    await postgres.stop();
  };
}
