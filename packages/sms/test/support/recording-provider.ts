import type { SmsMessage, SmsProvider, SmsSendResult } from '../../src/provider/sms-provider.js';

/** A provider that keeps what it is asked to send, and answers as told. */
export interface RecordingProvider extends SmsProvider {
  readonly sent: SmsMessage[];
}

/** Creates a {@link RecordingProvider}; `answer` may throw to play a failing provider. */
export function createRecordingProvider(
  answer: (message: SmsMessage, index: number) => SmsSendResult = (_message, index) => ({
    providerMessageId: `fake-${index + 1}`,
  }),
): RecordingProvider {
  const sent: SmsMessage[] = [];
  return {
    name: 'recording',
    sent,
    async send(message) {
      sent.push(message);
      return answer(message, sent.length - 1);
    },
  };
}
