import type { ReportService } from './report-service.js';
import type { ServiceContext } from './service-context.js';

const defaultConversationTtlMilliseconds = 24 * 3_600_000;
// Meta redelivers an unacknowledged webhook for up to 7 days.
const defaultSeenMessageTtlMilliseconds = 7 * 24 * 3_600_000;

/**
 * The conversation state channels keep per chat user (WhatsApp), stored with an expiry, and
 * the marks of messages already handled.
 *
 * @internal
 */
export type ConversationStore = Pick<
  ReportService,
  'getConversation' | 'putConversation' | 'deleteConversation' | 'markMessageSeen'
>;

/**
 * Creates the {@link ConversationStore} of a service.
 *
 * @internal
 */
export function createConversationStore(context: ServiceContext): ConversationStore {
  const { storage, clock, nowIso } = context;

  return {
    async getConversation<T>(channel: string, userId: string) {
      const record = await storage.getConversation(channel, userId, nowIso());
      return record === undefined
        ? undefined
        : { state: record.state as T, updatedAt: record.updatedAt, expiresAt: record.expiresAt };
    },

    async putConversation(
      channel,
      userId,
      state,
      ttlMilliseconds = defaultConversationTtlMilliseconds,
    ) {
      const now = clock();
      await storage.putConversation(
        channel,
        userId,
        state,
        nowIso(now),
        nowIso(now + ttlMilliseconds),
      );
    },

    deleteConversation: (channel, userId) => storage.deleteConversation(channel, userId),

    async markMessageSeen(channel, messageId, ttlMilliseconds = defaultSeenMessageTtlMilliseconds) {
      const now = clock();
      return storage.markMessageSeen(
        channel,
        messageId,
        nowIso(now),
        nowIso(now + ttlMilliseconds),
      );
    },
  };
}
