import type { ConversationStore, MessageDedupeStore } from './conversation-store.js';

/** Options of {@link createMemoryConversationStore}. */
export interface MemoryConversationStoreOptions {
  /** Current time in epoch milliseconds; default `Date.now`. */
  readonly clock?: () => number;
  /** How long a message id is remembered; default 7 days, longer than WhatsApp retries. */
  readonly seenTtlMs?: number;
  /** At most this many entries (states and seen ids) are kept; the oldest go first. Default 100 000. */
  readonly maxEntries?: number;
}

/** A conversation store that is also a dedupe store, in this process's memory. */
export type MemoryConversationStore = ConversationStore & MessageDedupeStore;

const day = 24 * 60 * 60 * 1000;

/**
 * Creates a {@link ConversationStore} and {@link MessageDedupeStore} in memory: for tests, and for
 * a single-process deployment that accepts losing unfinished conversations on a restart. States
 * are copied in and out (through JSON), as a database would, so a caller never shares an
 * object with the store.
 *
 * @example
 * ```ts
 * const conversations = createMemoryConversationStore();
 * await conversations.put('966512345678', { step: 'category' }, Date.now() + 60_000);
 * await conversations.markSeen('wamid.1'); // true, then false for the same id
 * ```
 */
export function createMemoryConversationStore(
  options: MemoryConversationStoreOptions = {},
): MemoryConversationStore {
  const clock = options.clock ?? Date.now;
  const seenTtl = options.seenTtlMs ?? 7 * day;
  const maxEntries = options.maxEntries ?? 100_000;
  const states = new Map<string, { json: string; expiresAt: number }>();
  const seen = new Map<string, number>();

  const trim = (map: Map<string, unknown>) => {
    while (map.size > maxEntries) {
      const oldest = map.keys().next().value;
      if (oldest === undefined) break;
      map.delete(oldest);
    }
  };

  return {
    async get(key) {
      const entry = states.get(key);
      if (entry === undefined) return undefined;
      if (entry.expiresAt <= clock()) {
        states.delete(key);
        return undefined;
      }
      return JSON.parse(entry.json) as unknown;
    },
    async put(key, state, expiresAt) {
      states.delete(key);
      states.set(key, { json: JSON.stringify(state), expiresAt });
      trim(states);
    },
    async delete(key) {
      states.delete(key);
    },
    async markSeen(messageId) {
      const now = clock();
      const until = seen.get(messageId);
      if (until !== undefined && until > now) return false;
      seen.delete(messageId);
      seen.set(messageId, now + seenTtl);
      trim(seen);
      return true;
    },
  };
}
