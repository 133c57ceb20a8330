import { e164Schema, safeParseInput } from '@balagh/core';
import type * as z from 'zod/mini';
import type {
  InboundContent,
  InboundMessage,
  InboundSender,
  InboundStatus,
} from './inbound-message.js';
import {
  messageSchema,
  messagesValueSchema,
  statusSchema,
  type WebhookMessage,
  webhookPayloadSchema,
} from './webhook-payload-schema.js';

/** What one webhook call carries, read. */
export interface ParsedWebhookPayload {
  /** Messages reporters sent, in the order WhatsApp listed them. */
  readonly messages: readonly InboundMessage[];
  /** Delivery statuses of messages Balagh sent. */
  readonly statuses: readonly InboundStatus[];
  /** Messages, statuses or changes that could not be read and were left out. */
  readonly skipped: number;
}

type Contact = NonNullable<z.infer<typeof messagesValueSchema>['contacts']>[number];

/** Message types that need no answer: a reaction to an earlier message, a system notice. */
const ignoredTypes = new Set(['reaction', 'system', 'request_welcome', 'ephemeral']);

function toMilliseconds(timestamp: string | number): number {
  return Number(timestamp) * 1000;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function senderOf(
  message: WebhookMessage,
  contacts: readonly Contact[],
): InboundSender | undefined {
  const contact =
    contacts.find(
      (candidate) =>
        (message.from !== undefined && candidate.wa_id === message.from) ||
        (message.from_user_id !== undefined && candidate.user_id === message.from_user_id),
    ) ?? (contacts.length === 1 ? contacts[0] : undefined);
  const waId = nonEmpty(message.from) ?? nonEmpty(contact?.wa_id);
  const userId = nonEmpty(message.from_user_id) ?? nonEmpty(contact?.user_id);
  const parentUserId = nonEmpty(message.from_parent_user_id) ?? nonEmpty(contact?.parent_user_id);
  const whatsappUserId = userId ?? waId;
  if (whatsappUserId === undefined) return undefined;
  // WhatsApp's wa_id is the number's international digits: no libphonenumber guess needed.
  const phone =
    waId !== undefined && e164Schema.safeParse(`+${waId}`).success ? `+${waId}` : undefined;
  const name = nonEmpty(contact?.profile?.name);
  return {
    whatsappUserId,
    ...(waId === undefined ? {} : { waId }),
    ...(userId === undefined ? {} : { userId }),
    ...(parentUserId === undefined ? {} : { parentUserId }),
    ...(phone === undefined ? {} : { phone }),
    ...(name === undefined ? {} : { name }),
  };
}

function contentOf(message: WebhookMessage): InboundContent {
  const unsupported: InboundContent = { type: 'unsupported', originalType: message.type };
  switch (message.type) {
    case 'text':
      return message.text === undefined ? unsupported : { type: 'text', text: message.text.body };
    case 'location':
      return message.location === undefined
        ? unsupported
        : {
            type: 'location',
            latitude: message.location.latitude,
            longitude: message.location.longitude,
            ...(nonEmpty(message.location.name) === undefined
              ? {}
              : { name: nonEmpty(message.location.name)! }),
            ...(nonEmpty(message.location.address) === undefined
              ? {}
              : { address: nonEmpty(message.location.address)! }),
          };
    case 'image':
    case 'document': {
      const media = message.type === 'image' ? message.image : message.document;
      const mimeType = media?.mime_type ?? (message.type === 'image' ? 'image/jpeg' : undefined);
      if (media === undefined || mimeType === undefined || !mimeType.startsWith('image/'))
        return unsupported;
      const caption = nonEmpty(media.caption);
      return {
        type: 'image',
        mediaId: media.id,
        mimeType,
        ...(caption === undefined ? {} : { caption }),
        ...(media.sha256 === undefined ? {} : { sha256: media.sha256 }),
      };
    }
    case 'interactive': {
      const list = message.interactive?.list_reply;
      if (message.interactive?.type === 'list_reply' && list !== undefined) {
        return {
          type: 'list_reply',
          id: list.id,
          title: list.title,
          ...(list.description === undefined ? {} : { description: list.description }),
        };
      }
      const button = message.interactive?.button_reply;
      if (message.interactive?.type === 'button_reply' && button !== undefined) {
        return { type: 'button_reply', id: button.id, title: button.title };
      }
      return unsupported;
    }
    case 'button':
      return message.button === undefined
        ? unsupported
        : {
            type: 'button',
            text: message.button.text,
            ...(message.button.payload === undefined ? {} : { payload: message.button.payload }),
          };
    default:
      return ignoredTypes.has(message.type)
        ? { type: 'ignored', originalType: message.type }
        : unsupported;
  }
}

/**
 * Reads a Cloud API webhook payload (already checked for its signature): every message
 * reporters sent — text, location, image (and images sent as documents), interactive list and
 * button replies, template button taps — and every delivery status. Message kinds Balagh does
 * not read (audio, stickers, contacts...) come out as `unsupported`, reactions and system
 * notices as `ignored`; a message or status that cannot be read at all is counted in
 * `skipped` rather than failing the whole batch. Reporters known only by a business-scoped
 * user id (no `from`, no `wa_id`) are read too, with no phone.
 *
 * @throws `ValidationError` (`VALIDATION_FAILED`) when the envelope itself is not a
 * WhatsApp Business Account webhook.
 * @example
 * ```ts
 * const { messages } = parseWebhookPayload(JSON.parse(body));
 * messages[0]?.content; // { type: 'text', text: 'Does it come in another color?' }
 * ```
 */
export function parseWebhookPayload(payload: unknown): ParsedWebhookPayload {
  const envelope = safeParseInput(webhookPayloadSchema, payload, 'webhook payload');
  if (!envelope.success) throw envelope.error;
  const messages: InboundMessage[] = [];
  const statuses: InboundStatus[] = [];
  let skipped = 0;

  for (const entry of envelope.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      const value = messagesValueSchema.safeParse(change.value);
      if (!value.success) {
        skipped += 1;
        continue;
      }
      const phoneNumberId = value.data.metadata.phone_number_id;
      const contacts = value.data.contacts ?? [];
      for (const raw of value.data.messages ?? []) {
        const parsed = messageSchema.safeParse(raw);
        const from = parsed.success ? senderOf(parsed.data, contacts) : undefined;
        if (!parsed.success || from === undefined) {
          skipped += 1;
          continue;
        }
        const contextMessageId = parsed.data.context?.id;
        messages.push({
          id: parsed.data.id,
          timestamp: toMilliseconds(parsed.data.timestamp),
          phoneNumberId,
          from,
          ...(contextMessageId === undefined ? {} : { contextMessageId }),
          content: contentOf(parsed.data),
        });
      }
      for (const raw of value.data.statuses ?? []) {
        const parsed = statusSchema.safeParse(raw);
        if (!parsed.success) {
          skipped += 1;
          continue;
        }
        const status = parsed.data;
        statuses.push({
          messageId: status.id,
          status: status.status,
          timestamp: toMilliseconds(status.timestamp),
          phoneNumberId,
          ...(status.recipient_id === undefined ? {} : { recipientWaId: status.recipient_id }),
          ...(status.recipient_user_id === undefined
            ? {}
            : { recipientUserId: status.recipient_user_id }),
          errors: (status.errors ?? []).map((error) => ({
            code: error.code,
            title: error.title ?? error.message ?? '',
            ...(error.message === undefined ? {} : { message: error.message }),
            ...(error.error_data?.details === undefined
              ? {}
              : { details: error.error_data.details }),
          })),
        });
      }
    }
  }
  return { messages, statuses, skipped };
}
