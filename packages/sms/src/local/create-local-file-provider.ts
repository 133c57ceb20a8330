import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { NotificationError } from '@balagh/core';
import type { SmsProvider } from '../provider/sms-provider.js';
import { countSegments } from '../segments/count-segments.js';

/** Options of {@link createLocalFileProvider}. */
export interface LocalFileProviderOptions {
  /** File the messages are appended to, one JSON line each; default `./data/sms-outbox.jsonl`. */
  readonly path?: string;
  /** Current time in epoch milliseconds; default `Date.now`. */
  readonly clock?: () => number;
}

/** One line of the local provider's file. */
export interface LocalSmsRecord {
  /** When it was "sent", ISO 8601 UTC. */
  readonly at: string;
  readonly providerMessageId: string;
  /** The recipient in clear: this file is the one place that holds it. */
  readonly to: string;
  readonly senderId?: string;
  readonly body: string;
  readonly idempotencyKey: string;
  readonly encoding: 'GSM-7' | 'UCS-2';
  readonly segments: number;
}

/**
 * Creates a provider for development that sends nothing: each message becomes one JSON line
 * (`at`, `providerMessageId`, `to`, `senderId`, `body`, `idempotencyKey`, `encoding`,
 * `segments`) appended to a file, whose folders are created as needed. Read it with
 * `tail -f data/sms-outbox.jsonl`.
 *
 * The file holds recipients' phone numbers in clear: it is the only place Balagh writes them
 * unmasked, so keep it out of production, backups and source control. Node only, hence its own
 * entry point, `@balagh/sms/local`, which keeps the main entry isomorphic.
 *
 * @throws `NotificationError` (retryable) when the file cannot be written.
 * @example
 * ```ts
 * import { createLocalFileProvider } from '@balagh/sms/local';
 * const provider = createLocalFileProvider({ path: './data/sms-outbox.jsonl' });
 * ```
 */
export function createLocalFileProvider(options: LocalFileProviderOptions = {}): SmsProvider {
  const path = resolve(options.path ?? './data/sms-outbox.jsonl');
  const clock = options.clock ?? Date.now;
  return {
    name: 'local-file',
    async send(message) {
      const { encoding, segments } = countSegments(message.body);
      const record: LocalSmsRecord = {
        at: new Date(clock()).toISOString(),
        providerMessageId: `local-${globalThis.crypto.randomUUID()}`,
        to: message.to,
        ...(message.senderId === undefined ? {} : { senderId: message.senderId }),
        body: message.body,
        idempotencyKey: message.idempotencyKey,
        encoding,
        segments,
      };
      try {
        await mkdir(dirname(path), { recursive: true });
        await appendFile(path, `${JSON.stringify(record)}\n`, 'utf8');
      } catch (error) {
        throw new NotificationError('The local SMS file could not be written.', {
          retryable: true,
          cause: error,
          details: { provider: 'local-file', reason: 'io' },
        });
      }
      return { providerMessageId: record.providerMessageId, segments };
    },
  };
}
