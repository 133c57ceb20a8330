import type { ReportInput } from '@balagh/core';

/** A report waiting on the device for the network to come back. */
export interface QueuedReport {
  /** The `Idempotency-Key` of its creation, the same on every attempt: it is never created twice. */
  readonly id: string;
  /** The intake service it goes to. */
  readonly apiBase: string;
  /** The report, exactly as it will be sent. */
  readonly input: ReportInput;
  /** The downscaled photo, until it is uploaded (then its id is in `input.mediaIds`). */
  readonly photo?: Blob;
  /** When it was queued, ISO 8601. */
  readonly queuedAt: string;
}

/** The reports waiting on this device, in IndexedDB. */
export interface OfflineQueue {
  /** Adds a report, or replaces the one with the same id; resolves once it is committed. */
  put(report: QueuedReport): Promise<void>;
  /** The reports waiting for one intake service, oldest first. */
  list(apiBase: string): Promise<QueuedReport[]>;
  /** Forgets a report; resolves once the removal is committed. */
  remove(id: string): Promise<void>;
}

const storeName = 'reports';

/**
 * Opens the queue of reports submitted without network, in the IndexedDB database `name` of the
 * page's origin. The database opens on first use; a browser without IndexedDB (or with it
 * blocked) makes every call reject.
 *
 * @example
 * ```ts
 * const queue = openOfflineQueue();
 * await queue.put({ id: crypto.randomUUID(), apiBase, input, queuedAt: new Date().toISOString() });
 * ```
 */
export function openOfflineQueue(name = 'balagh-widget'): OfflineQueue {
  let database: Promise<IDBDatabase> | undefined;
  const open = () => {
    database ??= new Promise((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () =>
        request.result.createObjectStore(storeName, { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => {
        database = undefined;
        reject(request.error);
      };
    });
    return database;
  };
  // Writes resolve on the transaction's completion, when the data is durable, not on the request's.
  const write = async (change: (store: IDBObjectStore) => void) => {
    const transaction = (await open()).transaction(storeName, 'readwrite');
    change(transaction.objectStore(storeName));
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = transaction.onabort = () => reject(transaction.error);
    });
  };
  return {
    put: (report) => write((store) => store.put(report)),
    remove: (id) => write((store) => store.delete(id)),
    async list(apiBase) {
      const request = (await open()).transaction(storeName).objectStore(storeName).getAll();
      const all = await new Promise<QueuedReport[]>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      return all
        .filter((report) => report.apiBase === apiBase)
        .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
    },
  };
}
