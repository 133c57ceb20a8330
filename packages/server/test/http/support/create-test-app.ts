import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  createBalaghEmitter,
  createClosureKeyring,
  defaultTaxonomy,
  type ReportInput,
} from '@balagh/core';
import {
  createHttpApp,
  type HttpApp,
  type HttpAppOptions,
} from '../../../src/http/create-http-app.js';
import { countBalaghEvents } from '../../../src/http/metrics/count-balagh-events.js';
import { createMetrics, type Metrics } from '../../../src/http/metrics/create-metrics.js';
import { createReportService } from '../../../src/service/create-report-service.js';
import type { ReportService } from '../../../src/service/report-service.js';
import type { Storage } from '../../../src/storage/storage.js';
import type { TestDatabase } from '../../support/for-each-database.js';

/** Plaintext API keys of every role, created for one test app. */
export interface TestKeys {
  readonly admin: string;
  readonly supervisor: string;
  readonly agent: string;
  readonly fieldOfficer: string;
  readonly integration: string;
  readonly otherIntegration: string;
  /** A department key scoped to `lighting` (street lighting's department). */
  readonly lighting: string;
  /** A department key scoped to `water`. */
  readonly water: string;
}

/** An HTTP app on a real database, with keys of every role and helpers to call it. */
export interface TestApp {
  readonly app: HttpApp;
  readonly service: ReportService;
  readonly storage: Storage;
  readonly metrics: Metrics;
  readonly keys: TestKeys;
  /** Log lines the app wrote, as objects, for assertions on what is (not) logged. */
  readonly logLines: Record<string, unknown>[];
  /** Calls the app with `app.request()`: `json` sets the body and its content type, `key` the bearer. */
  call(path: string, init?: CallInit): Promise<Response>;
  /** Creates a report through the API as the integration key and answers the receipt. */
  createReport(input?: Partial<ReportInput>, key?: string): Promise<Receipt>;
  /** The closure code sent to the reporter of a resolved report (read from the outbox). */
  closureCodeOf(reportId: string): Promise<string>;
}

/** What {@link TestApp.call} takes. */
export interface CallInit extends Omit<RequestInit, 'body'> {
  readonly key?: string;
  readonly json?: unknown;
  readonly body?: BodyInit;
  readonly headers?: Record<string, string>;
}

/** A receipt as the API answers it. */
export interface Receipt {
  readonly id: string;
  readonly number: string;
  readonly trackingToken: string;
  readonly status: string;
  readonly departmentCode: string;
}

/** The reporter's phone of {@link validReportInput}: it must never appear in a public answer. */
export const reporterPhone = '+966512345678';

/** A valid report input: a dark lamp post near a gate of the Haram, reported from the web. */
export function validReportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    categoryCode: 'street_lighting',
    description: 'عمود الإنارة مطفأ عند بوابة الملك فهد',
    location: { lat: 21.4225, lng: 39.8262, landmark: 'King Fahd Gate' },
    reporter: { phone: reporterPhone, name: 'Aisha' },
    channel: 'web',
    language: 'ar',
    ...overrides,
  };
}

/**
 * Builds the HTTP app over a fresh storage of a test database, with the real service, the
 * default taxonomy and a closure keyring, and creates one API key per role.
 */
export async function createTestApp(
  database: TestDatabase,
  options: Partial<Omit<HttpAppOptions, 'service'>> = {},
): Promise<TestApp> {
  const storage = await database.openStorage();
  const emitter = createBalaghEmitter();
  const metrics = options.metrics ?? createMetrics();
  countBalaghEvents(metrics, emitter);
  const service = createReportService({
    storage,
    taxonomy: defaultTaxonomy,
    closureKeyring: createClosureKeyring({
      currentKeyId: 'test',
      keys: { test: randomBytes(32).toString('base64url') },
    }),
    emitter,
    mediaDirectory: join(database.directory, `media-${randomBytes(4).toString('hex')}`),
  });
  const logLines: Record<string, unknown>[] = [];
  const logger = {
    info: (object: Record<string, unknown>, message?: string) =>
      logLines.push({ level: 'info', message, ...object }),
    warn: (object: Record<string, unknown>, message?: string) =>
      logLines.push({ level: 'warn', message, ...object }),
    error: (object: Record<string, unknown>, message?: string) =>
      logLines.push({ level: 'error', message, ...object }),
  };
  const app = createHttpApp({ rateLimit: false, logger, ...options, metrics, service });
  const key = async (
    name: string,
    role: Parameters<ReportService['createApiKey']>[0]['role'],
    departmentCode?: string,
  ) =>
    (
      await service.createApiKey({
        name,
        role,
        ...(departmentCode === undefined ? {} : { departmentCode }),
      })
    ).key;
  const keys: TestKeys = {
    admin: await key('admin', 'admin'),
    supervisor: await key('supervisor', 'supervisor'),
    agent: await key('agent', 'agent'),
    fieldOfficer: await key('field officer', 'field_officer'),
    integration: await key('widget', 'integration'),
    otherIntegration: await key('other app', 'integration'),
    lighting: await key('lighting', 'department', 'lighting'),
    water: await key('water', 'department', 'water'),
  };

  const call = (path: string, init: CallInit = {}): Promise<Response> => {
    const { key: bearer, json, headers = {}, body, ...rest } = init;
    const allHeaders: Record<string, string> = { ...headers };
    if (bearer !== undefined) allHeaders.authorization = `Bearer ${bearer}`;
    if (json !== undefined && allHeaders['content-type'] === undefined)
      allHeaders['content-type'] = 'application/json';
    return Promise.resolve(
      app.request(path, {
        ...rest,
        headers: allHeaders,
        ...(json !== undefined
          ? { body: JSON.stringify(json) }
          : body !== undefined
            ? { body }
            : {}),
      }),
    );
  };

  return {
    app,
    service,
    storage,
    metrics,
    keys,
    logLines,
    call,
    async createReport(input = {}, bearer = keys.integration) {
      const response = await call('/v1/reports', {
        method: 'POST',
        key: bearer,
        json: validReportInput(input),
      });
      if (response.status !== 201)
        throw new Error(`Could not create a report: ${response.status} ${await response.text()}`);
      return (await response.json()) as Receipt;
    },
    async closureCodeOf(reportId) {
      const rows = await storage.listOutbox({ reportId });
      const resolved = rows.filter((row) => row.kind === 'resolved').at(-1);
      const code = resolved?.variables.closureCode;
      if (code === undefined) throw new Error('No closure code was sent for this report.');
      return code;
    },
  };
}

/** Moves a report to `resolved` through the staff routes, as an agent. */
export async function resolve(api: TestApp, id: string): Promise<void> {
  for (const body of [
    { to: 'assigned', departmentCode: 'lighting' },
    { to: 'in_progress' },
    { to: 'resolved' },
  ]) {
    const response = await api.call(`/v1/reports/${id}/transition`, {
      method: 'POST',
      key: api.keys.agent,
      json: body,
    });
    if (response.status !== 200)
      throw new Error(`transition to ${body.to}: ${response.status} ${await response.text()}`);
  }
}
