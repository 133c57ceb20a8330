import { hostname } from 'node:os';
import {
  type BalaghEmitter,
  type BalaghEventMap,
  type Channel,
  channels,
  isBalaghError,
  isMessageKind,
  type Notification,
  type NotificationReceipt,
  type Notifier,
} from '@balagh/core';
import { type HttpLogger, redactForLog, silentHttpLogger } from '../http/http-logger.js';
import type { Metrics } from '../http/metrics/create-metrics.js';
import type { OutboxRow, Storage } from '../storage/storage.js';
import { type BackoffPolicy, backoffDelay, defaultBackoffPolicy } from './backoff-delay.js';

/** Options of {@link createOutboxDispatcher}. */
export interface OutboxDispatcherOptions {
  /** Where the outbox rows are (`createStorage`). */
  readonly storage: Storage;
  /** Who delivers: one notifier, or several behind `createRoutingNotifier`. */
  readonly notifier: Notifier;
  /** Names this dispatcher in the rows it claims; default `hostname:pid:random`. */
  readonly workerId?: string;
  /** Tries of one notification before it is dead; default 8. */
  readonly maxAttempts?: number;
  /** Backoff between tries (exponential, full jitter); default from 2 s, capped at 15 min. */
  readonly backoff?: Partial<BackoffPolicy>;
  /** Notifications sent at the same time; default 8. */
  readonly concurrency?: number;
  /**
   * Rows claimed at once; default 64. Their outcomes are written together, after the whole
   * batch was sent (one group commit on SQLite).
   */
  readonly batchSize?: number;
  /**
   * How long a claim lasts, in milliseconds; default 60 000. A row whose claimer died (a crash,
   * a kill) is claimed again once its lease expires. Keep it above `sendTimeoutMilliseconds`.
   */
  readonly leaseMilliseconds?: number;
  /**
   * How long to wait after a wake (or a batch) before claiming, so that the rows of a burst of
   * commits are claimed and marked together; default 50 ms.
   */
  readonly coalesceMilliseconds?: number;
  /** How often to look for due rows when nothing wakes the dispatcher; default 1 000 ms. */
  readonly pollIntervalMilliseconds?: number;
  /** A send still running after this is aborted and retried later; default 30 000 ms. */
  readonly sendTimeoutMilliseconds?: number;
  /** Receives `notification.sent` and `notification.dead` for reporter messages. */
  readonly emitter?: BalaghEmitter;
  /** Counts each outcome (`balagh_notifications_total`). */
  readonly metrics?: Pick<Metrics, 'countNotification'>;
  /** pino or the like; phone numbers are never passed to it. */
  readonly logger?: HttpLogger;
  /** Current time in epoch milliseconds; default `Date.now`. */
  readonly clock?: () => number;
  /** Numbers in [0, 1) for the jitter; default `Math.random`. */
  readonly random?: () => number;
}

/** Counts of what one dispatcher did since it was made. */
export interface OutboxDispatcherStatistics {
  readonly sent: number;
  readonly retried: number;
  readonly dead: number;
  /** Claims that came back with their lease (nearly) expired, left unsent for the next claimer. */
  readonly expired: number;
  /** Deliveries running now. */
  readonly inFlight: number;
}

/** A running (or startable) outbox dispatcher. */
export interface OutboxDispatcher {
  /** The id written into the rows it claims. */
  readonly workerId: string;
  /** Starts claiming and delivering in the background; calling it twice does nothing. */
  start(): void;
  /** Looks for due rows now (after a commit that enqueued some) instead of at the next poll. */
  wake(): void;
  /**
   * Claims one batch of due rows and delivers it, then resolves with how many were claimed: for
   * tests, scripts and a CLI. Do not mix with {@link start}.
   */
  dispatchOnce(): Promise<number>;
  /**
   * Stops claiming, waits for the deliveries in flight to finish (aborting them after
   * `timeoutMilliseconds`, default 10 000, when they hang; they are retried later), and resolves.
   */
  stop(options?: { readonly timeoutMilliseconds?: number }): Promise<void>;
  /** What it did so far. */
  statistics(): OutboxDispatcherStatistics;
}

const defaultMaxAttempts = 8;
/** A claim with less time left than this is not sent (see `deliver`). */
const minimumLeaseLeftMilliseconds = 250;

/**
 * Creates the transactional outbox's dispatcher: it claims due rows from the storage (on
 * PostgreSQL with `FOR UPDATE SKIP LOCKED`, so several dispatchers in several processes share
 * the work without sending a row twice), hands each to the notifier with its idempotency key,
 * and records the outcome: `sent`; a retry after an exponential backoff with full jitter (or the
 * provider's `retryAfterMs`, when longer) for a retryable failure; `dead` after the last try,
 * and at once for a `NotificationError` that is not retryable or a notification no notifier can
 * deliver. A dispatcher that dies mid-delivery loses nothing: the row's lease expires and it is
 * claimed again (a provider honouring the idempotency key then delivers it once).
 *
 * It wakes on {@link OutboxDispatcher.wake} (wire it with `signalOutboxWrites`) and polls
 * otherwise, for rows enqueued by other processes and retries coming due. Rows are claimed in
 * batches (`batchSize`), sent `concurrency` at a time, and their outcomes written together; a
 * short `coalesceMilliseconds` pause after a partial batch lets a burst of commits gather into
 * the next claim.
 *
 * @example
 * ```ts
 * const dispatcher = createOutboxDispatcher({ storage, notifier, emitter, logger });
 * dispatcher.start();
 * // ...on shutdown:
 * await dispatcher.stop();
 * ```
 */
export function createOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const { storage, notifier } = options;
  const workerId =
    options.workerId ??
    `${hostname()}:${process.pid}:${globalThis.crypto.randomUUID().slice(0, 8)}`;
  const maxAttempts = Math.max(1, Math.trunc(options.maxAttempts ?? defaultMaxAttempts));
  const backoff: BackoffPolicy = { ...defaultBackoffPolicy, ...options.backoff };
  const concurrency = Math.max(1, Math.trunc(options.concurrency ?? 8));
  const batchSize = Math.max(1, Math.trunc(options.batchSize ?? 64));
  const coalesceMilliseconds = Math.max(0, options.coalesceMilliseconds ?? 50);
  const leaseMilliseconds = options.leaseMilliseconds ?? 60_000;
  const pollIntervalMilliseconds = options.pollIntervalMilliseconds ?? 1_000;
  const sendTimeoutMilliseconds = options.sendTimeoutMilliseconds ?? 30_000;
  const logger = options.logger ?? silentHttpLogger;
  const clock = options.clock ?? Date.now;
  const random = options.random ?? Math.random;

  let inFlight = 0;
  /** The controllers of the sends under way, aborted when stopping takes too long. */
  const sendsUnderWay = new Set<AbortController>();
  /** Set when stopping took too long: every send under way or starting is aborted with it. */
  let stopAbortReason: Error | undefined;
  let counts = { sent: 0, retried: 0, dead: 0, expired: 0 };
  let running = false;
  let stopping = false;
  let loop: Promise<void> | undefined;
  let wakeRequested = false;
  let wakeWaiter: (() => void) | undefined;

  const iso = (milliseconds = clock()) => new Date(milliseconds).toISOString();

  function wake(): void {
    wakeRequested = true;
    const waiter = wakeWaiter;
    wakeWaiter = undefined;
    waiter?.();
  }

  function emit<E extends keyof BalaghEventMap>(name: E, ...payload: BalaghEventMap[E]): void {
    try {
      (
        options.emitter?.emit as ((name: E, ...payload: BalaghEventMap[E]) => boolean) | undefined
      )?.call(options.emitter, name, ...payload);
    } catch {
      // A failing listener must not undo a delivery.
    }
  }

  function channelOf(row: OutboxRow, deliveredVia: string | undefined): Channel {
    if (deliveredVia?.startsWith('whatsapp')) return 'whatsapp';
    if (deliveredVia?.startsWith('sms')) return 'sms';
    if (row.recipient.whatsappUserId !== undefined && row.recipient.phone === undefined)
      return 'whatsapp';
    if (row.recipient.phone !== undefined) return 'sms';
    return (channels as readonly string[]).includes(row.channel) ? (row.channel as Channel) : 'api';
  }

  function eventBase(row: OutboxRow, deliveredVia: string | undefined) {
    return {
      reportId: row.reportId,
      number: row.reportNumber,
      at: iso(),
      notificationId: row.id,
      channel: channelOf(row, deliveredVia),
      language: row.language,
    };
  }

  function toNotification(row: OutboxRow): Notification {
    return {
      id: row.id,
      idempotencyKey: row.idempotencyKey,
      kind: row.kind,
      reportId: row.reportId,
      reportNumber: row.reportNumber,
      language: row.language,
      channel: row.channel,
      recipient: row.recipient,
      variables: row.variables,
      attempt: row.attempts - 1,
    };
  }

  /** Writes a delivery's outcome, then counts, logs and tells about it. */
  async function record(row: OutboxRow, outcome: DeliveryOutcome): Promise<void> {
    switch (outcome.kind) {
      case 'expired':
        counts = { ...counts, expired: counts.expired + 1 };
        logger.warn(
          { notificationId: row.id, kind: row.kind },
          'outbox claim expired before sending',
        );
        return;
      case 'sent': {
        await storage.markOutboxSent(row.id, iso());
        counts = { ...counts, sent: counts.sent + 1 };
        options.metrics?.countNotification('sent', row.kind);
        const { receipt } = outcome;
        logger.info(
          {
            notificationId: row.id,
            kind: row.kind,
            attempt: row.attempts,
            deliveredVia: receipt.deliveredVia,
          },
          'notification sent',
        );
        if (isMessageKind(row.kind)) {
          emit('notification.sent', {
            ...eventBase(row, receipt.deliveredVia),
            messageKind: row.kind,
            attempt: row.attempts,
            ...(receipt.providerMessageId === undefined
              ? {}
              : { providerMessageId: receipt.providerMessageId }),
          });
        }
        return;
      }
      case 'retry':
        await storage.markOutboxRetry(
          row.id,
          workerId,
          iso(clock() + outcome.delay),
          `${outcome.code}: ${outcome.message}`,
        );
        counts = { ...counts, retried: counts.retried + 1 };
        options.metrics?.countNotification('retried', row.kind);
        logger.warn(
          {
            notificationId: row.id,
            kind: row.kind,
            attempt: row.attempts,
            error: outcome.code,
            delay: outcome.delay,
          },
          'notification will be retried',
        );
        return;
      case 'dead':
        await storage.markOutboxDead(row.id, workerId, `${outcome.code}: ${outcome.message}`);
        counts = { ...counts, dead: counts.dead + 1 };
        options.metrics?.countNotification('dead', row.kind);
        logger.warn(
          { notificationId: row.id, kind: row.kind, attempts: row.attempts, error: outcome.code },
          'notification dead',
        );
        if (isMessageKind(row.kind)) {
          emit('notification.dead', {
            ...eventBase(row, undefined),
            messageKind: row.kind,
            attempts: row.attempts,
            lastErrorCode: outcome.code,
          });
        }
        return;
    }
  }

  /**
   * The signal of one send: aborted after `sendTimeoutMilliseconds` (with a `TimeoutError`, as
   * `AbortSignal.timeout` would), or when stopping takes too long. Its timer is cleared as soon
   * as the send ends: `AbortSignal.timeout` would keep one timer and signal per notification
   * alive for the whole timeout, thousands of them under load.
   */
  function sendSignal(): { readonly signal: AbortSignal; release(): void } {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort(new DOMException('The send timed out.', 'TimeoutError'));
    }, sendTimeoutMilliseconds);
    timer.unref?.();
    if (stopAbortReason !== undefined) controller.abort(stopAbortReason);
    sendsUnderWay.add(controller);
    return {
      signal: controller.signal,
      release() {
        clearTimeout(timer);
        sendsUnderWay.delete(controller);
      },
    };
  }

  /** Sends one claimed row and answers what became of it; writes nothing. */
  async function deliver(row: OutboxRow): Promise<DeliveryOutcome> {
    const leaseEnd = row.claimedUntil === undefined ? Number.NaN : Date.parse(row.claimedUntil);
    if (leaseEnd - clock() < minimumLeaseLeftMilliseconds) {
      // The claim came back too late (a saturated pool, a paused process): another dispatcher
      // may already hold the row, so leave it to whoever claims it next rather than send twice.
      return { kind: 'expired' };
    }
    try {
      const notification = toNotification(row);
      if (!notifier.canDeliver(notification)) {
        return {
          kind: 'dead',
          code: 'NO_ROUTE',
          message: 'No notifier can deliver this notification.',
        };
      }
      const send = sendSignal();
      try {
        return {
          kind: 'sent',
          receipt: await notifier.send(notification, { signal: send.signal }),
        };
      } finally {
        send.release();
      }
    } catch (error) {
      const { code, message, retryable, retryAfterMs } = describeFailure(error);
      if (!retryable || row.attempts >= maxAttempts) return { kind: 'dead', code, message };
      const delay = Math.max(backoffDelay(row.attempts, backoff, random), retryAfterMs ?? 0);
      return { kind: 'retry', code, message, delay };
    }
  }

  /**
   * Sends a claimed batch, at most `concurrency` at a time, then writes every outcome in the
   * same turn of the event loop: on SQLite they share one group commit (one fsync), instead of
   * one commit per notification.
   */
  async function deliverBatch(rows: readonly OutboxRow[]): Promise<void> {
    inFlight = rows.length;
    const outcomes: DeliveryOutcome[] = [];
    let next = 0;
    const worker = async () => {
      while (next < rows.length) {
        const index = next++;
        outcomes[index] = await deliver(rows[index] as OutboxRow);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
      await Promise.all(
        rows.map((row, index) =>
          record(row, outcomes[index] ?? { kind: 'expired' }).catch((error: unknown) => {
            // The outcome could not be stored: the lease expires and the row is tried again.
            logger.error(
              { notificationId: row.id, error: describeFailure(error).code },
              'notification outcome not stored',
            );
          }),
        ),
      );
    } finally {
      inFlight = 0;
    }
  }

  async function claim(): Promise<readonly OutboxRow[]> {
    return await storage.claimOutbox({
      workerId,
      limit: batchSize,
      leaseMilliseconds,
      now: iso(),
    });
  }

  function waitForWake(milliseconds: number): Promise<void> {
    if (wakeRequested || stopping) {
      wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        wakeWaiter = undefined;
        resolve();
      }, milliseconds);
      wakeWaiter = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async function run(): Promise<void> {
    while (!stopping) {
      wakeRequested = false;
      let rows: readonly OutboxRow[];
      try {
        rows = await claim();
      } catch (error) {
        logger.error({ error: describeFailure(error).code }, 'outbox claim failed');
        await waitForWake(pollIntervalMilliseconds);
        continue;
      }
      // Claimed rows are delivered even when stopping began meanwhile: they are ours now.
      if (rows.length > 0) await deliverBatch(rows);
      else await waitForWake(pollIntervalMilliseconds);
      // Let a burst of commits gather before the next claim: one claim and one write of
      // outcomes for many rows, instead of a claim per commit competing with the requests.
      // After a full batch more rows are waiting already: claim them at once.
      if (!stopping && coalesceMilliseconds > 0 && rows.length < batchSize) {
        await new Promise((resolve) => setTimeout(resolve, coalesceMilliseconds));
      }
    }
  }

  return {
    workerId,
    start() {
      if (running || stopping) return;
      running = true;
      loop = run();
    },
    wake,
    async dispatchOnce() {
      const rows = await claim();
      await deliverBatch(rows);
      return rows.length;
    },
    async stop(stopOptions = {}) {
      stopping = true;
      wake();
      const timeout = stopOptions.timeoutMilliseconds ?? 10_000;
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        (loop ?? Promise.resolve()).then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), timeout);
        }),
      ]);
      clearTimeout(timer);
      if (!finished) {
        stopAbortReason = new Error('The outbox dispatcher is stopping.');
        for (const controller of sendsUnderWay) controller.abort(stopAbortReason);
        await loop;
      }
      running = false;
    },
    statistics: () => ({ ...counts, inFlight }),
  };
}

/** What became of one delivery, written after its batch. */
type DeliveryOutcome =
  | { readonly kind: 'expired' }
  | { readonly kind: 'sent'; readonly receipt: NotificationReceipt }
  | {
      readonly kind: 'retry';
      readonly code: string;
      readonly message: string;
      readonly delay: number;
    }
  | { readonly kind: 'dead'; readonly code: string; readonly message: string };

interface Failure {
  readonly code: string;
  readonly message: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
}

function describeFailure(error: unknown): Failure {
  if (isBalaghError(error)) {
    const retryable = (error as { retryable?: unknown }).retryable;
    const retryAfterMs = (error as { retryAfterMs?: unknown }).retryAfterMs;
    return {
      code: error.code,
      message: redactForLog(error.message),
      // A BalaghError that is not a NotificationError (a bug, a bad variable) will not improve.
      retryable: typeof retryable === 'boolean' ? retryable : false,
      ...(typeof retryAfterMs === 'number' ? { retryAfterMs } : {}),
    };
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { code: 'TIMEOUT', message: 'The notifier did not answer in time.', retryable: true };
  }
  return {
    code: 'UNEXPECTED',
    message: error instanceof Error ? redactForLog(error.message) : 'Unknown failure.',
    retryable: true,
  };
}
