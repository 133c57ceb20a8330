import type { BalaghClient } from '@balagh/client';
import type { ErrorCode, ReportReceipt } from '@balagh/core';
import { errorCodeOf } from './error-code-of.js';
import type { OfflineQueue, QueuedReport } from './offline-queue.js';

/** The two operations of the client that sending a report needs. */
export type ReportSender = Pick<BalaghClient, 'createReport' | 'uploadMedia'>;

/** Codes of failures after which the same request may succeed later: it is kept, not dropped. */
const transientCodes: readonly ErrorCode[] = [
  'NETWORK_ERROR',
  'TIMEOUT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  // A failure without a code (storage, an aborted page) reads as `INTERNAL`.
  'INTERNAL',
];

/**
 * Tells whether a failure may go away by itself (no network, a timeout, a busy or failing
 * server), so the report should wait and be sent again with the same idempotency key; an error
 * without a Balagh `code` (storage, an aborted page) counts as one too. A refusal of the report
 * itself (`VALIDATION_FAILED`, `UNKNOWN_CATEGORY`, `INVALID_PHONE`...) does not.
 */
export function isTransientError(error: unknown): boolean {
  return transientCodes.includes(errorCodeOf(error));
}

/**
 * Sends one report: uploads its photo first when it has one, hands the report with the photo's
 * `mediaId` to `save` (so a later attempt reuses the upload and sends the very same body), then
 * creates it with its id as the `Idempotency-Key`. However many times it runs, the service
 * creates the report once.
 *
 * @throws whatever the client throws (`BalaghApiError`, `BalaghNetworkError`, `BalaghTimeoutError`).
 */
export async function sendReport(
  client: ReportSender,
  report: QueuedReport,
  save: (report: QueuedReport) => Promise<void> | void,
): Promise<ReportReceipt> {
  let current = report;
  if (current.photo !== undefined) {
    const { mediaId } = await client.uploadMedia(current.photo, 'image/jpeg');
    const { photo: _uploaded, ...rest } = current;
    current = {
      ...rest,
      input: { ...rest.input, mediaIds: [...(rest.input.mediaIds ?? []), mediaId] },
    };
    await save(current);
  }
  return client.createReport(current.input, { idempotencyKey: current.id });
}

/** Options of {@link sendQueuedReports}. */
export interface SendQueuedReportsOptions {
  readonly queue: OfflineQueue;
  readonly client: ReportSender;
  /** Only the reports queued for this intake service are sent. */
  readonly apiBase: string;
  /** Called for each report the service accepted, once it is out of the queue. */
  readonly onSent?: (report: QueuedReport, receipt: ReportReceipt) => void;
  /** Called for each report the service refused for good; it is out of the queue too. */
  readonly onDropped?: (report: QueuedReport, error: unknown) => void;
}

let pageLock: Promise<unknown> = Promise.resolve();

// One sender at a time, across the tabs of the origin where Web Locks exist, so two widgets (or
// two tabs) coming back online do not both send the same report (the key would make the second
// a replay, but its receipt would be shown twice).
function withQueueLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  // The lock is held until `work` settles, and `request` resolves with what `work` resolves to.
  if (locks !== undefined)
    return locks.request('balagh-widget-queue', work) as unknown as Promise<T>;
  const run = pageLock.then(work, work);
  pageLock = run.catch(() => undefined);
  return run;
}

/**
 * Sends the reports waiting in the queue for one intake service, oldest first, each with the
 * idempotency key it was queued with. Stops at the first transient failure (still offline, the
 * service busy) and leaves the rest for next time; drops a report the service refuses for good.
 * Answers how many were sent.
 *
 * @example
 * ```ts
 * addEventListener('online', () => sendQueuedReports({ queue, client, apiBase }));
 * ```
 */
export function sendQueuedReports(options: SendQueuedReportsOptions): Promise<number> {
  const { queue, client, apiBase } = options;
  return withQueueLock(async () => {
    let sent = 0;
    for (const report of await queue.list(apiBase)) {
      let receipt: ReportReceipt;
      try {
        receipt = await sendReport(client, report, (updated) => queue.put(updated));
      } catch (error) {
        if (isTransientError(error)) break;
        await queue.remove(report.id);
        options.onDropped?.(report, error);
        continue;
      }
      await queue.remove(report.id);
      sent += 1;
      options.onSent?.(report, receipt);
    }
    return sent;
  });
}
