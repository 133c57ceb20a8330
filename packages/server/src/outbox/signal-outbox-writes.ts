import type { Storage } from '../storage/storage.js';

/**
 * Wraps a storage so that every committed write that enqueued outbox rows (a new report, a
 * change, a new SLA mark) calls `onEnqueued` right after its commit: the in-process signal that
 * wakes the outbox dispatcher at once instead of at its next poll. Give the wrapped storage to
 * the service; the dispatcher keeps polling for rows enqueued by other processes.
 *
 * @example
 * ```ts
 * const dispatcher = createOutboxDispatcher({ storage, notifier });
 * const service = createReportService({ storage: signalOutboxWrites(storage, dispatcher.wake), ... });
 * ```
 */
export function signalOutboxWrites(storage: Storage, onEnqueued: () => void): Storage {
  const signal = () => {
    try {
      onEnqueued();
    } catch {
      // The write is committed; a failing listener only delays delivery until the next poll.
    }
  };
  return {
    ...storage,
    async createReport(request) {
      let enqueued = 0;
      const result = await storage.createReport({
        ...request,
        build(sequence) {
          const record = request.build(sequence);
          enqueued = record.outbox.length;
          return record;
        },
      });
      if (result.kind === 'created' && enqueued > 0) signal();
      return result;
    },
    async updateReport(update) {
      const stored = await storage.updateReport(update);
      if ((update.outbox?.length ?? 0) > 0) signal();
      return stored;
    },
    async recordSlaMark(record) {
      const isNew = await storage.recordSlaMark(record);
      if (isNew && (record.outbox?.length ?? 0) > 0) signal();
      return isNew;
    },
  };
}
