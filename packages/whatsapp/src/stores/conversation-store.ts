/**
 * Where the WhatsApp channel keeps each reporter's conversation between messages, so a
 * conversation survives a restart and any of several processes can answer the next message.
 * The intake server implements it on its `conversations` table; `createMemoryConversationStore`
 * is for tests and small deployments.
 *
 * Keys are opaque strings chosen by the channel (a reporter's WhatsApp id, `window:<id>`...).
 * States are JSON-serialisable values.
 */
export interface ConversationStore {
  /** Reads a state; `undefined` when there is none or it expired. */
  get(key: string): Promise<unknown>;
  /** Stores a state, replacing any other, until `expiresAt` (epoch milliseconds). */
  put(key: string, state: unknown, expiresAt: number): Promise<void>;
  /** Forgets a state; no error when there is none. */
  delete(key: string): Promise<void>;
}

/**
 * Remembers which inbound messages were already handled. WhatsApp retries a webhook for days
 * when it gets no `200` and sends the same message again in later batches: every message is
 * handled once, by whichever call marks it first.
 */
export interface MessageDedupeStore {
  /**
   * Marks a message id as seen and tells whether this was the first time. Must be atomic:
   * of two concurrent calls with the same id, exactly one gets `true`.
   */
  markSeen(messageId: string): Promise<boolean>;
}

/**
 * Remembers when each reporter last wrote, for WhatsApp's 24-hour customer-service window:
 * inside it a business may send any message; outside it, only approved templates.
 */
export interface CustomerServiceWindowStore {
  /** Records that the reporter wrote at `at` (epoch milliseconds). */
  recordInbound(whatsappUserId: string, at: number): Promise<void>;
  /** When the reporter last wrote, or `undefined` when unknown (or longer ago than a day). */
  lastInboundAt(whatsappUserId: string): Promise<number | undefined>;
}
