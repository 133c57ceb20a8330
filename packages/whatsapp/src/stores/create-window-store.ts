import type { ConversationStore, CustomerServiceWindowStore } from './conversation-store.js';

/** WhatsApp's customer-service window: a day after the reporter's last message. */
export const customerServiceWindowMs = 24 * 60 * 60 * 1000;

/**
 * Keeps the customer-service window in a {@link ConversationStore}, under the key
 * `window:<whatsapp user id>`, so a deployment that stores conversations needs nothing more.
 * Each entry expires with the window.
 *
 * @example
 * ```ts
 * const conversations = createMemoryConversationStore();
 * const windowStore = createWindowStore(conversations);
 * await windowStore.recordInbound('966512345678', Date.now());
 * ```
 */
export function createWindowStore(store: ConversationStore): CustomerServiceWindowStore {
  const key = (whatsappUserId: string) => `window:${whatsappUserId}`;
  return {
    async recordInbound(whatsappUserId, at) {
      await store.put(key(whatsappUserId), { lastInboundAt: at }, at + customerServiceWindowMs);
    },
    async lastInboundAt(whatsappUserId) {
      const value = await store.get(key(whatsappUserId));
      const at = (value as { lastInboundAt?: unknown } | undefined)?.lastInboundAt;
      return typeof at === 'number' ? at : undefined;
    },
  };
}
