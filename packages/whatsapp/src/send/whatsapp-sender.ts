import type { OutgoingMessage, TemplateParameter } from '../outgoing/outgoing-message.js';

/**
 * Whom a message goes to: a phone number (E.164, or a `wa_id`'s digits) or a business-scoped
 * user id. With both, WhatsApp uses the phone number, as Meta recommends.
 */
export interface WhatsAppRecipient {
  readonly phone?: string;
  /** A business-scoped user id (BSUID), such as `SA.13491208655302741918`. */
  readonly userId?: string;
}

/** What WhatsApp answers when it accepts a message. */
export interface WhatsAppSendResult {
  /** WhatsApp's id of the sent message (`wamid...`), for delivery statuses. */
  readonly messageId: string;
  /** The recipient's `wa_id`, when sent to a phone number. */
  readonly waId?: string;
  /** The recipient's business-scoped user id, when sent to one. */
  readonly userId?: string;
}

/** Sends messages over WhatsApp. The conversation needs only this. */
export interface WhatsAppMessageSender {
  /**
   * Sends one message.
   *
   * @throws `NotificationError` (from core) with `retryable` set, and the Graph API error code
   * in `details.graphErrorCode`; `ValidationError` when the message breaks WhatsApp's limits.
   */
  send(
    to: WhatsAppRecipient,
    message: OutgoingMessage,
    options?: { readonly signal?: AbortSignal },
  ): Promise<WhatsAppSendResult>;
}

/** A photo downloaded from WhatsApp. */
export interface DownloadedMedia {
  readonly bytes: Uint8Array;
  /** Its media type, such as `image/jpeg`. */
  readonly contentType: string;
}

/** Downloads media reporters sent, by the id in the webhook. */
export interface WhatsAppMediaDownloader {
  /**
   * Downloads one media item through the Graph media API.
   *
   * @throws `NotificationError` (`PROVIDER_ERROR`) when WhatsApp refuses or the bytes do not
   * match the announced hash or size.
   */
  downloadMedia(
    mediaId: string,
    options?: { readonly signal?: AbortSignal },
  ): Promise<DownloadedMedia>;
}

/** The WhatsApp Cloud API client of {@link WhatsAppMessageSender} and {@link WhatsAppMediaDownloader}. */
export interface WhatsAppSender extends WhatsAppMessageSender, WhatsAppMediaDownloader {
  /** Sends a text message. */
  sendText(
    to: WhatsAppRecipient,
    body: string,
    options?: { readonly signal?: AbortSignal; readonly previewUrl?: boolean },
  ): Promise<WhatsAppSendResult>;
  /** Sends an approved template with its body parameters, in order. */
  sendTemplate(
    to: WhatsAppRecipient,
    template: {
      readonly name: string;
      readonly languageCode: string;
      readonly bodyParameters: readonly (string | TemplateParameter)[];
    },
    options?: { readonly signal?: AbortSignal },
  ): Promise<WhatsAppSendResult>;
}
