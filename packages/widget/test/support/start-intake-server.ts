import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClosureKeyring, defaultTaxonomy } from '@balagh/core';
import {
  type ActorReportService,
  createHttpApp,
  createReportService,
  createStorage,
  type ReportService,
  type Storage,
  type StoredReport,
} from '@balagh/server';
import { serve } from '@hono/node-server';

/** The real intake service, listening on 127.0.0.1 over SQLite in a temp directory. */
export interface IntakeServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** An `integration` key, as a municipality gives the widget. */
  readonly widgetKey: string;
  readonly service: ReportService;
  readonly storage: Storage;
  /** The service as an agent sees it: works reports through their lifecycle. */
  readonly agent: ActorReportService;
  /** Every report stored, newest first. */
  reports(): Promise<readonly StoredReport[]>;
  /** Works a report to `resolved` and answers the closure code sent to its reporter. */
  resolve(number: string): Promise<string>;
  /** Stops listening, closes the database and deletes the temp directory. */
  close(): Promise<void>;
}

/**
 * Starts @balagh/server's HTTP app (the real service and storage, the default taxonomy, CORS
 * for any origin as in production) on a random port of 127.0.0.1, with an integration key for
 * the widget.
 */
export async function startIntakeServer(): Promise<IntakeServer> {
  const directory = await mkdtemp(join(tmpdir(), 'balagh-widget-'));
  const storage = await createStorage({ url: join(directory, 'balagh.db') });
  const service = createReportService({
    storage,
    taxonomy: defaultTaxonomy,
    closureKeyring: createClosureKeyring({
      currentKeyId: 'widget-test',
      keys: { 'widget-test': randomBytes(32).toString('base64url') },
    }),
    mediaDirectory: join(directory, 'media'),
    publicBaseUrl: 'https://reports.example.gov.sa',
  });
  const app = createHttpApp({ rateLimit: false, service });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  if (!server.listening) await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const agent = service.forActor({ keyId: 'widget-test-agent', role: 'agent' });
  const widgetKey = (await service.createApiKey({ name: 'widget', role: 'integration' })).key;
  return {
    url: `http://127.0.0.1:${port}`,
    widgetKey,
    service,
    storage,
    agent,
    async reports() {
      return (await storage.listReports({ limit: 200 })).items;
    },
    async resolve(number) {
      const report = await agent.getReport(number);
      await agent.transitionReport(report.id, {
        to: 'assigned',
        departmentCode: report.departmentCode,
      });
      await agent.transitionReport(report.id, { to: 'in_progress' });
      await agent.transitionReport(report.id, { to: 'resolved', note: 'Fixed' });
      const rows = await storage.listOutbox({ reportId: report.id });
      const code = rows.filter((row) => row.kind === 'resolved').at(-1)?.variables.closureCode;
      if (code === undefined) throw new Error(`No closure code was sent for ${number}.`);
      return code;
    },
    async close() {
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      await storage.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
