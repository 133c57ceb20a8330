/**
 * Who wrote an inbound message. WhatsApp gives the phone number (`wa_id`) and, since 2026, a
 * business-scoped user id (BSUID, `user_id`); a reporter who adopted a username may come with
 * the BSUID only, and then has no phone and no SMS fallback.
 */
export interface InboundSender {
  /**
   * The id Balagh knows the reporter by on WhatsApp (`Reporter.whatsappUserId`): the BSUID
   * when WhatsApp sends one, which survives a hidden phone number, else the `wa_id`.
   */
  readonly whatsappUserId: string;
  /** The `wa_id` (the phone number's digits), when WhatsApp shares it. */
  readonly waId?: string;
  /** The business-scoped user id, such as `SA.13491208655302741918`. */
  readonly userId?: string;
  /** The parent BSUID, for businesses with linked portfolios. */
  readonly parentUserId?: string;
  /** The phone number in E.164, when WhatsApp shares it and it is valid. */
  readonly phone?: string;
  /** The profile name the reporter chose in WhatsApp. */
  readonly name?: string;
}

/** What an inbound message carries, by kind. Kinds Balagh does not read are `unsupported`. */
export type InboundContent =
  | { readonly type: 'text'; readonly text: string }
  | {
      readonly type: 'location';
      readonly latitude: number;
      readonly longitude: number;
      readonly name?: string;
      readonly address?: string;
    }
  | {
      readonly type: 'image';
      readonly mediaId: string;
      readonly mimeType: string;
      readonly caption?: string;
      readonly sha256?: string;
    }
  | {
      readonly type: 'list_reply';
      readonly id: string;
      readonly title: string;
      readonly description?: string;
    }
  | { readonly type: 'button_reply'; readonly id: string; readonly title: string }
  /** A tap on a quick-reply button of a template message. */
  | { readonly type: 'button'; readonly text: string; readonly payload?: string }
  /** A reaction to an earlier message, or a system notice: never answered. */
  | { readonly type: 'ignored'; readonly originalType: string }
  | { readonly type: 'unsupported'; readonly originalType: string };

/** One message a reporter sent, parsed from a Cloud API webhook. */
export interface InboundMessage {
  /** WhatsApp's message id (`wamid...`): the same on every redelivery. */
  readonly id: string;
  /** When the reporter sent it, in epoch milliseconds. */
  readonly timestamp: number;
  /** The business phone number id it was sent to. */
  readonly phoneNumberId: string;
  readonly from: InboundSender;
  /** Id of the message it replies to, when it is a reply or a tap on an interactive message. */
  readonly contextMessageId?: string;
  readonly content: InboundContent;
}

/** One error WhatsApp reports on a message it could not deliver. */
export interface StatusError {
  readonly code: number;
  readonly title: string;
  readonly message?: string;
  readonly details?: string;
}

/** A delivery status of a message Balagh sent: sent, delivered, read or failed. */
export interface InboundStatus {
  /** Id of the message Balagh sent (`wamid...`). */
  readonly messageId: string;
  /** `sent`, `delivered`, `read`, `failed`, or a status WhatsApp adds later. */
  readonly status: string;
  /** When it happened, in epoch milliseconds. */
  readonly timestamp: number;
  readonly phoneNumberId: string;
  /** The recipient's `wa_id`, when WhatsApp shares it. */
  readonly recipientWaId?: string;
  /** The recipient's business-scoped user id, when WhatsApp sends one. */
  readonly recipientUserId?: string;
  readonly errors: readonly StatusError[];
}
