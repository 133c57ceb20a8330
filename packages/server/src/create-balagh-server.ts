import { chmod, mkdir, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  type AreaIndex,
  type BalaghEmitter,
  createBalaghEmitter,
  defaultTaxonomy,
  type Notifier,
  type Taxonomy,
} from '@balagh/core';
import { serve } from '@hono/node-server';
import type pino from 'pino';
import { createServerLogger } from './config/create-server-logger.js';
import type { BalaghConfig } from './config/load-config.js';
import {
  createHttpApp,
  type HttpApp,
  type HttpAppOptions,
  type WebhookHandler,
} from './http/create-http-app.js';
import { countBalaghEvents } from './http/metrics/count-balagh-events.js';
import { createMetrics, type Metrics } from './http/metrics/create-metrics.js';
import { createLocalFileNotifier } from './outbox/create-local-file-notifier.js';
import {
  createOutboxDispatcher,
  type OutboxDispatcher,
} from './outbox/create-outbox-dispatcher.js';
import { createRoutingNotifier } from './outbox/create-routing-notifier.js';
import { signalOutboxWrites } from './outbox/signal-outbox-writes.js';
import { createReportService } from './service/create-report-service.js';
import type { ReportService } from './service/report-service.js';
import { createSlaMonitor, type SlaMonitor } from './sla-monitor/create-sla-monitor.js';
import { createStorage } from './storage/create-storage.js';
import type { Storage } from './storage/storage.js';

/** What the caller's channel wiring gets to build its webhook handlers. */
export interface WebhookContext {
  /** The service, for channels that run in-process (`service.forActor(channelActor)`). */
  readonly service: ReportService;
  readonly emitter: BalaghEmitter;
  readonly logger: pino.Logger;
}

/** Options of {@link createBalaghServer}. */
export interface BalaghServerOptions {
  /** The configuration (`loadConfig()`). */
  readonly config: BalaghConfig;
  /** Categories, departments and SLA policies; default core's `defaultTaxonomy`. */
  readonly taxonomy?: Taxonomy;
  /** Areas for geo-routing (core's `createAreaIndex`); without it no area code is set. */
  readonly areaIndex?: AreaIndex;
  /**
   * Notifiers the outbox delivers through, tried in order (the first whose `canDeliver` accepts
   * a notification sends it): an SMS notifier from `@balagh/sms`, a WhatsApp one... The server
   * imports no channel package: the caller builds them.
   */
  readonly notifiers?: readonly Notifier[];
  /**
   * Adds the local file notifier (`config.notificationsFile`) after the given notifiers: `true`
   * for anything they do not take, `'escalations'` for staff escalations only (no phone number
   * is then written), `false` for none. Default `true` in development, `'escalations'` in production.
   */
  readonly localFileNotifier?: boolean | 'escalations';
  /** Channel webhooks under `/webhooks/`, or a function building them from the service. */
  readonly webhooks?:
    | Readonly<Record<string, WebhookHandler>>
    | ((context: WebhookContext) => Readonly<Record<string, WebhookHandler>>);
  /** A pino logger; default {@link createServerLogger} at `config.logLevel`. */
  readonly logger?: pino.Logger;
  /** The event emitter; default a new one (listen on `server.emitter`). */
  readonly emitter?: BalaghEmitter;
  /** An open storage to use instead of opening `config.databaseUrl`; the server then does not close it. */
  readonly storage?: Storage;
  /** Current time in epoch milliseconds; default `Date.now`. */
  readonly clock?: () => number;
  /** Run the outbox dispatcher in this process; default `true`. */
  readonly dispatcher?: boolean;
  /** Run the SLA monitor in this process; default `true`. */
  readonly slaMonitor?: boolean;
  /**
   * On first start, when there is no API key at all, create an admin key, write it to
   * `DATA_DIR/admin-key.txt` (mode 0600) and answer it in {@link BalaghServer.initialAdminKey};
   * default `true`.
   */
  readonly bootstrapAdminKey?: boolean;
  /** More options of the HTTP app (CORS, body limits, OpenAPI title...). */
  readonly http?: Partial<Omit<HttpAppOptions, 'service' | 'logger' | 'metrics' | 'webhooks'>>;
}

/** Where a server listens. */
export interface ListeningAddress {
  readonly host: string;
  readonly port: number;
  /** `http://host:port`. */
  readonly url: string;
}

/** A wired intake service: storage, service, HTTP app, outbox dispatcher and SLA monitor. */
export interface BalaghServer {
  readonly config: BalaghConfig;
  readonly app: HttpApp;
  readonly service: ReportService;
  readonly storage: Storage;
  readonly emitter: BalaghEmitter;
  readonly metrics: Metrics;
  readonly logger: pino.Logger;
  readonly dispatcher: OutboxDispatcher;
  readonly monitor: SlaMonitor;
  /**
   * The plaintext admin key created on this first start (no key existed), also written to
   * `DATA_DIR/admin-key.txt`; `undefined` otherwise. Show it once.
   */
  readonly initialAdminKey?: string;
  /** Starts listening on `config.host`/`config.port` (0 picks a free port) and starts the dispatcher and monitor. */
  listen(): Promise<ListeningAddress>;
  /**
   * Shuts down gracefully: stops accepting connections, lets requests in flight finish (up to
   * `config.shutdownTimeoutMilliseconds`, then cuts them), stops the SLA monitor, drains the
   * dispatcher's deliveries in flight, then closes the storage. Calling it again waits for the same.
   */
  close(): Promise<void>;
  /** Calls {@link close} on SIGTERM and SIGINT, then exits; answers a function removing the handlers. */
  closeOnSignals(signals?: readonly NodeJS.Signals[]): () => void;
}

/** The file the first admin key is written to, under `DATA_DIR`. */
export const initialAdminKeyFile = 'admin-key.txt';

/**
 * Wires the intake service from its configuration: opens the storage (running migrations),
 * builds the report service, the HTTP app of docs/api.md, the outbox dispatcher (woken in-process
 * after each commit that enqueued notifications) and the SLA monitor, with structured pino logs
 * that never hold a phone number. `listen()` serves it on @hono/node-server; `close()` shuts it
 * down in order.
 *
 * @throws when the storage cannot be opened or migrated.
 * @example
 * ```ts
 * import { createBalaghServer, loadConfig } from '@balagh/server';
 * import { createSmsNotifier } from '@balagh/sms';
 * import { createLocalFileProvider } from '@balagh/sms/local';
 *
 * const config = loadConfig();
 * const sms = createSmsNotifier({ provider: createLocalFileProvider({ path: config.sms.provider === 'local' ? config.sms.path : undefined }) });
 * const server = await createBalaghServer({ config, notifiers: [sms] });
 * const { url } = await server.listen();
 * server.closeOnSignals();
 * ```
 */
export async function createBalaghServer(options: BalaghServerOptions): Promise<BalaghServer> {
  const { config } = options;
  const logger = options.logger ?? createServerLogger({ level: config.logLevel });
  for (const warning of config.warnings) logger.warn(warning);
  const taxonomy = options.taxonomy ?? defaultTaxonomy;
  const ownsStorage = options.storage === undefined;
  const storage =
    options.storage ??
    (await createStorage({
      url: config.databaseUrl,
      onConnectionError: (error) =>
        logger.warn({ error: error.message }, 'database connection lost; reconnecting'),
    }));

  const emitter = options.emitter ?? createBalaghEmitter();
  const metrics = createMetrics();
  countBalaghEvents(metrics, emitter);

  const localFile =
    options.localFileNotifier ?? (config.environment === 'production' ? 'escalations' : true);
  const notifiers: Notifier[] = [...(options.notifiers ?? [])];
  if (localFile !== false) {
    const file = createLocalFileNotifier({ path: config.notificationsFile });
    notifiers.push(
      localFile === 'escalations'
        ? { canDeliver: (notification) => notification.kind === 'escalation', send: file.send }
        : file,
    );
  }
  const dispatcher = createOutboxDispatcher({
    storage,
    notifier: createRoutingNotifier(notifiers),
    emitter,
    metrics,
    logger,
    maxAttempts: config.outbox.maxAttempts,
    backoff: {
      baseMilliseconds: config.outbox.backoffBaseMilliseconds,
      capMilliseconds: config.outbox.backoffCapMilliseconds,
    },
    concurrency: config.outbox.concurrency,
    leaseMilliseconds: config.outbox.leaseMilliseconds,
    pollIntervalMilliseconds: config.outbox.pollIntervalMilliseconds,
    sendTimeoutMilliseconds: Math.max(1000, Math.min(30_000, config.outbox.leaseMilliseconds / 2)),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });

  const service = createReportService({
    storage: signalOutboxWrites(storage, dispatcher.wake),
    taxonomy,
    closureKeyring: config.closureKeyring,
    publicBaseUrl: config.publicBaseUrl,
    unconfirmedCloseAfterMs: config.unconfirmedCloseAfterMilliseconds,
    emitter,
    mediaDirectory: join(config.dataDirectory, 'media'),
    ...(config.closureCodeTtlMilliseconds === undefined
      ? {}
      : { closureCodeTtlMs: config.closureCodeTtlMilliseconds }),
    ...(options.areaIndex === undefined ? {} : { areaIndex: options.areaIndex }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });

  const monitor = createSlaMonitor({
    service,
    storage,
    taxonomy,
    intervalMilliseconds: config.slaSweepIntervalMilliseconds,
    logger,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });

  const webhooks =
    typeof options.webhooks === 'function'
      ? options.webhooks({ service, emitter, logger })
      : options.webhooks;
  const app = createHttpApp({
    trustProxy: config.trustProxy,
    rateLimit: config.rateLimit,
    openApi: { serverUrl: config.publicBaseUrl },
    ...options.http,
    service,
    logger,
    metrics,
    ...(webhooks === undefined ? {} : { webhooks }),
  });

  let initialAdminKey: string | undefined;
  if (options.bootstrapAdminKey !== false && (await storage.listApiKeys()).length === 0) {
    const created = await service.createApiKey({ name: 'first admin', role: 'admin' });
    initialAdminKey = created.key;
    const file = join(config.dataDirectory, initialAdminKeyFile);
    await mkdir(config.dataDirectory, { recursive: true });
    await writeFile(file, `${created.key}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
    logger.warn(
      { keyId: created.id, file },
      'no API key existed: created an admin key and wrote it to the file (mode 0600)',
    );
  }

  let server: Server | undefined;
  let closing: Promise<void> | undefined;

  async function stopHttp(): Promise<void> {
    const running = server;
    if (running === undefined) return;
    let timer: NodeJS.Timeout | undefined;
    let sweeper: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      // close() stops accepting and calls back once every connection is gone; a keep-alive
      // connection goes idle once its request is answered, so idle ones are ended as they appear.
      running.close(() => resolve());
      running.closeIdleConnections();
      sweeper = setInterval(() => running.closeIdleConnections(), 50);
      timer = setTimeout(() => {
        logger.warn('requests still in flight at the shutdown timeout: closing their connections');
        running.closeAllConnections();
      }, config.shutdownTimeoutMilliseconds);
    });
    clearTimeout(timer);
    clearInterval(sweeper);
  }

  async function shutdown(): Promise<void> {
    logger.info('shutting down');
    await stopHttp();
    await monitor.stop();
    await dispatcher.stop({ timeoutMilliseconds: config.shutdownTimeoutMilliseconds });
    if (ownsStorage) await storage.close();
    logger.info('stopped');
  }

  const close = (): Promise<void> => {
    closing ??= shutdown();
    return closing;
  };

  return {
    config,
    app,
    service,
    storage,
    emitter,
    metrics,
    logger,
    dispatcher,
    monitor,
    ...(initialAdminKey === undefined ? {} : { initialAdminKey }),
    async listen() {
      if (server !== undefined) throw new Error('The server is already listening.');
      const address = await new Promise<AddressInfo>((resolve, reject) => {
        const created = serve(
          { fetch: app.fetch, port: config.port, hostname: config.host },
          (info) => resolve(info),
        ) as Server;
        created.once('error', reject);
        server = created;
      });
      if (options.dispatcher !== false) dispatcher.start();
      if (options.slaMonitor !== false) monitor.start();
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      const url = `http://${host}:${address.port}`;
      logger.info({ url, database: storage.dialect }, 'listening');
      return { host: address.address, port: address.port, url };
    },
    close,
    closeOnSignals(signals = ['SIGTERM', 'SIGINT']) {
      const handler = (signal: NodeJS.Signals) => {
        logger.info({ signal }, 'signal received');
        close().then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error(
              { error: error instanceof Error ? error.message : 'unknown' },
              'shutdown failed',
            );
            process.exit(1);
          },
        );
      };
      for (const signal of signals) process.once(signal, handler);
      return () => {
        for (const signal of signals) process.off(signal, handler);
      };
    },
  };
}
