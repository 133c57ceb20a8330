import type { OutgoingMessage } from '../../src/outgoing/outgoing-message.js';
import type {
  DownloadedMedia,
  WhatsAppMessageSender,
  WhatsAppRecipient,
  WhatsAppSendResult,
} from '../../src/send/whatsapp-sender.js';

/** A message the recording sender was asked to send. */
export interface SentMessage {
  readonly to: WhatsAppRecipient;
  readonly message: OutgoingMessage;
}

/** A sender that keeps what it is asked to send, and answers as told. */
export interface RecordingSender extends WhatsAppMessageSender {
  readonly sent: SentMessage[];
  /** The texts of everything sent so far (bodies of text, list and buttons messages). */
  bodies(): string[];
  /** Forgets what was sent. */
  clear(): void;
}

/** Creates a {@link RecordingSender}; `answer` may throw to play a failing WhatsApp. */
export function createRecordingSender(
  answer: (sent: SentMessage, index: number) => WhatsAppSendResult = (_sent, index) => ({
    messageId: `wamid.sent-${index + 1}`,
  }),
): RecordingSender {
  const sent: SentMessage[] = [];
  return {
    sent,
    async send(to, message) {
      const entry = { to, message };
      sent.push(entry);
      return answer(entry, sent.length - 1);
    },
    bodies() {
      return sent.map(({ message }) => (message.type === 'template' ? message.name : message.body));
    },
    clear() {
      sent.length = 0;
    },
  };
}

/** A media downloader that serves fixed bytes for any id it knows. */
export function createFakeMediaDownloader(media: Readonly<Record<string, DownloadedMedia>>) {
  return {
    requested: [] as string[],
    async downloadMedia(mediaId: string): Promise<DownloadedMedia> {
      this.requested.push(mediaId);
      const found = media[mediaId];
      if (found === undefined) throw new Error(`no media ${mediaId}`);
      return found;
    },
  };
}
