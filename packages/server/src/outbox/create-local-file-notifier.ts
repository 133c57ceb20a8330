import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  isMessageKind,
  type MessageVariables,
  type Notification,
  NotificationError,
  type NotificationReceipt,
  type Notifier,
  renderMessage,
} from '@balagh/core';

/** Options of {@link createLocalFileNotifier}. */
export interface LocalFileNotifierOptions {
  /** The file notifications are appended to, one JSON line each (folders are created). */
  readonly path: string;
  /** IANA time zone of dates in the rendered text; default core's (`Asia/Riyadh`). */
  readonly timeZone?: string;
  /** Current time in epoch milliseconds; default `Date.now`. */
  readonly clock?: () => number;
}

/** One line of the local file notifier's file. */
export interface LocalNotificationRecord {
  /** When it was written, ISO 8601 UTC. */
  readonly at: string;
  readonly notificationId: string;
  /** Stable across retries: the file holds at most one line per key. */
  readonly idempotencyKey: string;
  readonly kind: Notification['kind'];
  readonly reportId: string;
  readonly reportNumber: string;
  readonly language: Notification['language'];
  readonly channel: string;
  /** The recipient in clear (phone number included): this file is the one place Balagh writes it. */
  readonly recipient: Notification['recipient'];
  /** The message as a reporter would read it (core's `renderMessage`, long form). */
  readonly text: string;
  readonly variables: Readonly<Record<string, string>>;
  /** Which try wrote it, from 1. */
  readonly attempt: number;
}

/**
 * Creates a notifier for development that sends nothing: each notification becomes one JSON
 * line ({@link LocalNotificationRecord}: the text rendered with core's `renderMessage` plus the
 * structured fields, the closure code among the variables) appended to a file. It is the default
 * notifier of the intake service, where a developer reads the closure code of a resolved report:
 * `tail -f data/notifications.jsonl`. It delivers anything, staff escalations included.
 *
 * It honours the idempotency key the way a real provider should: a notification whose key is
 * already in the file (a retry after a crash between writing and marking it sent) is answered
 * without writing it again, so the file holds each notification exactly once.
 *
 * **Personal data**: the file holds recipients' phone numbers in clear. It is the only place the
 * server writes them unmasked (logs mask them), so keep it out of production, backups and
 * source control (`data/` is git-ignored).
 *
 * @throws `NotificationError` from `send`: retryable when the file cannot be written, not
 * retryable when the message cannot be rendered.
 * @example
 * ```ts
 * const notifier = createLocalFileNotifier({ path: './data/notifications.jsonl' });
 * const dispatcher = createOutboxDispatcher({ storage, notifier });
 * ```
 */
export function createLocalFileNotifier(options: LocalFileNotifierOptions): Notifier {
  const path = resolve(options.path);
  const clock = options.clock ?? Date.now;
  let written: Promise<Map<string, string>> | undefined;
  /** Receipts of notifications whose line is waiting to be appended, by idempotency key. */
  const inFlight = new Map<string, Promise<NotificationReceipt>>();
  let pending: PendingLine[] = [];
  let appending = false;
  let folderExists = false;
  // A crash in the middle of an append can leave a line without its end: the next line must
  // not be glued to it.
  let endsMidLine = false;

  const load = async (): Promise<Map<string, string>> => {
    const keys = new Map<string, string>();
    let text = '';
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    endsMidLine = text !== '' && !text.endsWith('\n');
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const record = JSON.parse(line) as Partial<LocalNotificationRecord>;
        if (typeof record.idempotencyKey === 'string') {
          keys.set(record.idempotencyKey, String(record.notificationId ?? ''));
        }
      } catch {
        // A line torn by a crash in the middle of a write: it was never acknowledged.
      }
    }
    return keys;
  };

  /**
   * Appends every waiting line, the lines that came in during one append together in the next:
   * one open and write per batch rather than per notification, under a dispatcher's load.
   */
  const appendPending = async (keys: Map<string, string>): Promise<void> => {
    appending = true;
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        if (!folderExists) {
          await mkdir(dirname(path), { recursive: true });
          folderExists = true;
        }
        // One append of whole lines: O_APPEND keeps lines of several processes apart.
        const lines = batch.map((line) => line.text).join('');
        await appendFile(path, endsMidLine ? `\n${lines}` : lines, 'utf8');
        endsMidLine = false;
        for (const line of batch) keys.set(line.idempotencyKey, line.notificationId);
        for (const line of batch) line.settle(undefined);
      } catch (error) {
        folderExists = false;
        for (const line of batch) line.settle(ioError(error));
      }
    }
    appending = false;
  };

  const write = async (notification: Notification): Promise<NotificationReceipt> => {
    const text = render(notification, options.timeZone);
    let keys: Map<string, string>;
    try {
      written ??= load();
      keys = await written;
    } catch (error) {
      written = undefined;
      throw ioError(error);
    }
    const existing = keys.get(notification.idempotencyKey);
    if (existing !== undefined) return { deliveredVia: 'local-file', providerMessageId: existing };
    const record: LocalNotificationRecord = {
      at: new Date(clock()).toISOString(),
      notificationId: notification.id,
      idempotencyKey: notification.idempotencyKey,
      kind: notification.kind,
      reportId: notification.reportId,
      reportNumber: notification.reportNumber,
      language: notification.language,
      channel: notification.channel,
      recipient: notification.recipient,
      text,
      variables: notification.variables,
      attempt: notification.attempt + 1,
    };
    const failure = await new Promise<NotificationError | undefined>((settle) => {
      pending.push({
        text: `${JSON.stringify(record)}\n`,
        idempotencyKey: notification.idempotencyKey,
        notificationId: notification.id,
        settle,
      });
      if (!appending) void appendPending(keys);
    });
    if (failure !== undefined) throw failure;
    return { deliveredVia: 'local-file', providerMessageId: notification.id };
  };

  return {
    canDeliver: () => true,
    send(notification) {
      // The same key sent again while its line waits shares that line: the file holds it once.
      const waiting = inFlight.get(notification.idempotencyKey);
      if (waiting !== undefined) return waiting;
      const receipt = write(notification);
      inFlight.set(notification.idempotencyKey, receipt);
      const forget = () => inFlight.delete(notification.idempotencyKey);
      receipt.then(forget, forget);
      return receipt;
    },
  };
}

/** A line waiting for the next append, and how to tell its sender how that went. */
interface PendingLine {
  readonly text: string;
  readonly idempotencyKey: string;
  readonly notificationId: string;
  readonly settle: (failure: NotificationError | undefined) => void;
}

function render(notification: Notification, timeZone: string | undefined): string {
  const { kind, variables } = notification;
  if (!isMessageKind(kind)) {
    const details = Object.entries(variables)
      .map(([name, value]) => `${name}=${value}`)
      .join(', ');
    return `Escalation of report ${notification.reportNumber} to ${
      notification.recipient.departmentCode ?? 'staff'
    }${details === '' ? '' : ` (${details})`}.`;
  }
  try {
    return renderMessage(
      kind,
      notification.language,
      {
        number: notification.reportNumber,
        ...variables,
      } as unknown as MessageVariables[typeof kind],
      timeZone === undefined ? {} : { timeZone },
    );
  } catch (error) {
    throw new NotificationError(`The ${kind} message could not be rendered.`, {
      retryable: false,
      cause: error,
      details: { provider: 'local-file', reason: 'render', kind },
    });
  }
}

function ioError(error: unknown): NotificationError {
  return new NotificationError('The local notifications file could not be written.', {
    retryable: true,
    cause: error,
    details: { provider: 'local-file', reason: 'io' },
  });
}
