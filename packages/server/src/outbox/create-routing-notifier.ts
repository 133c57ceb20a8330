import {
  type Notification,
  NotificationError,
  type NotificationReceipt,
  type Notifier,
} from '@balagh/core';

/**
 * Combines notifiers into one that routes each notification by recipient and channel: it goes
 * to the first notifier, in the order given, whose `canDeliver` accepts it. Put the most specific
 * first (WhatsApp for WhatsApp users, then SMS for phone numbers, then a catch-all such as the
 * local file notifier for staff escalations).
 *
 * @throws `NotificationError` (not retryable) from `send` when no notifier can deliver.
 * @example
 * ```ts
 * const notifier = createRoutingNotifier([whatsappNotifier, smsNotifier, fileNotifier]);
 * createOutboxDispatcher({ storage, notifier });
 * ```
 */
export function createRoutingNotifier(notifiers: readonly Notifier[]): Notifier {
  const chain = [...notifiers];
  const pick = (notification: Notification) =>
    chain.find((notifier) => notifier.canDeliver(notification));
  return {
    canDeliver: (notification) => pick(notification) !== undefined,
    async send(notification, options): Promise<NotificationReceipt> {
      const notifier = pick(notification);
      if (notifier === undefined) {
        throw new NotificationError(
          `No notifier can deliver this ${notification.kind} notification.`,
          {
            retryable: false,
            details: { reason: 'no_route', notificationId: notification.id },
          },
        );
      }
      return await notifier.send(notification, options);
    },
  };
}
