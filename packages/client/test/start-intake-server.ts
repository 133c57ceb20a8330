import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClosureKeyring, defaultTaxonomy } from '@balagh/core';
import {
  createHttpApp,
  createReportService,
  createStorage,
  type HttpAppOptions,
} from '@balagh/server';
import { serve } from '@hono/node-server';

/** Plaintext API keys of the roles the contract suite calls with. */
export interface IntakeServerKeys {
  readonly admin: string;
  readonly supervisor: string;
  readonly agent: string;
  readonly integration: string;
}

/** The real intake server, listening on 127.0.0.1 over SQLite in a temp directory. */
export interface IntakeServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly keys: IntakeServerKeys;
  /** The closure code last sent to the reporter of a resolved report (read from the outbox). */
  closureCodeOf(reportId: string): Promise<string>;
  /** Stops listening, closes the database and deletes the temp directory. */
  close(): Promise<void>;
}

/**
 * Starts @balagh/server's HTTP app (the real service and storage, the default taxonomy) on a
 * random port of 127.0.0.1 and creates one API key per role the tests use.
 */
export async function startIntakeServer(
  options: Partial<Omit<HttpAppOptions, 'service'>> = {},
): Promise<IntakeServer> {
  const directory = await mkdtemp(join(tmpdir(), 'balagh-client-contract-'));
  const storage = await createStorage({ url: join(directory, 'balagh.db') });
  const service = createReportService({
    storage,
    taxonomy: defaultTaxonomy,
    closureKeyring: createClosureKeyring({
      currentKeyId: 'contract',
      keys: { contract: randomBytes(32).toString('base64url') },
    }),
    mediaDirectory: join(directory, 'media'),
  });
  const app = createHttpApp({ rateLimit: false, ...options, service });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  if (!server.listening) await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const key = async (role: 'admin' | 'supervisor' | 'agent' | 'integration') =>
    (await service.createApiKey({ name: `contract ${role}`, role })).key;
  return {
    url: `http://127.0.0.1:${port}`,
    keys: {
      admin: await key('admin'),
      supervisor: await key('supervisor'),
      agent: await key('agent'),
      integration: await key('integration'),
    },
    async closureCodeOf(reportId) {
      const rows = await storage.listOutbox({ reportId });
      const code = rows.filter((row) => row.kind === 'resolved').at(-1)?.variables.closureCode;
      if (code === undefined) throw new Error(`No closure code was sent for report ${reportId}.`);
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
