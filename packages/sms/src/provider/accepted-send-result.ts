import { NotificationError } from '@balagh/core';
import type { SmsSendResult } from './sms-provider.js';

/**
 * What an adapter read from an answer in which the provider accepted a message.
 *
 * @internal
 */
export interface AcceptedSend {
  /** Adapter name, `twilio`... */
  readonly provider: string;
  /** The provider as people write it (`Twilio`), for the error message. */
  readonly label: string;
  /** HTTP status of the answer. */
  readonly status: number;
  /** The answer's message id: a non-empty string or a number. */
  readonly messageId: unknown;
  /** What the provider calls its message id (`MessageID`), for the error message. */
  readonly messageIdName: string;
  /** The answer's count of segments billed, when it has one (a number or a numeric string). */
  readonly segments: unknown;
}

/**
 * The {@link SmsSendResult} of an accepted message: the provider's message id as a string, and
 * the segments billed when the answer gives a positive whole number of them.
 *
 * @throws `NotificationError` (not retryable, reason `unexpected_answer`) when the answer carries
 * no message id: the message may have gone out, and without its id no receipt can be matched.
 * @internal
 */
export function acceptedSendResult(accepted: AcceptedSend): SmsSendResult {
  const { messageId } = accepted;
  if ((typeof messageId !== 'string' && typeof messageId !== 'number') || messageId === '') {
    throw new NotificationError(
      `${accepted.label} accepted the SMS but answered no ${accepted.messageIdName}.`,
      {
        retryable: false,
        details: {
          provider: accepted.provider,
          status: accepted.status,
          reason: 'unexpected_answer',
        },
      },
    );
  }
  const segments = Number(accepted.segments);
  return {
    providerMessageId: String(messageId),
    ...(Number.isInteger(segments) && segments > 0 ? { segments } : {}),
  };
}
