import { join } from 'node:path';
import {
  type BalaghEventMap,
  type BalaghEventName,
  balaghEventNames,
  type ClosureKeyring,
  createBalaghEmitter,
  createClosureKeyring,
  defaultTaxonomy,
  generateClosureSecret,
} from '@balagh/core';
import type {
  Actor,
  ReportService,
  ReportServiceOptions,
} from '../../src/service/report-service.js';
import { createReportService } from '../../src/service/report-service.js';
import type { Storage } from '../../src/storage/storage.js';
import type { TestDatabase } from './for-each-database.js';

/** An event the test service emitted, with its payload. */
export type RecordedEvent = {
  [E in BalaghEventName]: { readonly name: E; readonly payload: BalaghEventMap[E][0] };
}[BalaghEventName];

/** A report service on a test database, with a settable clock and every emitted event kept. */
export interface TestService {
  readonly service: ReportService;
  readonly storage: Storage;
  readonly keyring: ClosureKeyring;
  /** Every event emitted so far, oldest first. */
  readonly events: RecordedEvent[];
  /** The service's clock, in epoch milliseconds; set it or use {@link advance}. */
  now: number;
  /** Moves the clock forward. */
  advance(milliseconds: number): void;
  /** An actor of a role (`keyId` is the role's name unless given). */
  actor(role: Actor['role'], departmentCode?: string): Actor;
}

/** A fixed default start time: a Sunday morning in Riyadh, inside working hours. */
export const testServiceStart = Date.parse('2026-11-29T07:00:00.000Z');

/**
 * Builds a report service for tests on a {@link TestDatabase}: the default taxonomy, a fresh
 * closure keyring, a clock the test controls, media under the database's temp directory and an
 * emitter whose events are recorded. Pass `storage` (and `keyring`) to open a second service
 * on the same data, as a restarted process would.
 */
export async function createTestService(
  database: TestDatabase,
  options: Partial<ReportServiceOptions> & { readonly keyring?: ClosureKeyring } = {},
): Promise<TestService> {
  const storage = options.storage ?? (await database.openStorage());
  const keyring =
    options.keyring ??
    createClosureKeyring({ currentKeyId: 'test', keys: { test: generateClosureSecret() } });
  const emitter = createBalaghEmitter();
  const events: RecordedEvent[] = [];
  for (const name of balaghEventNames) {
    const listen = emitter.on.bind(emitter) as (
      event: BalaghEventName,
      listener: (payload: unknown) => void,
    ) => unknown;
    listen(name, (payload) => {
      events.push({ name, payload } as RecordedEvent);
    });
  }
  const test: TestService = {
    service: undefined as unknown as ReportService,
    storage,
    keyring,
    events,
    now: testServiceStart,
    advance(milliseconds) {
      test.now += milliseconds;
    },
    actor(role, departmentCode) {
      return {
        keyId: `${role}-key`,
        role,
        ...(departmentCode === undefined ? {} : { departmentCode }),
      };
    },
  };
  const service = createReportService({
    taxonomy: defaultTaxonomy,
    publicBaseUrl: 'https://balagh.test',
    mediaDirectory: join(database.directory, 'media'),
    ...options,
    storage,
    closureKeyring: keyring,
    clock: options.clock ?? (() => test.now),
    emitter,
  });
  Object.assign(test, { service });
  return test;
}
