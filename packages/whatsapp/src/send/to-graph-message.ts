import { ValidationError } from '@balagh/core';
import { findLimitViolations } from '../outgoing/find-limit-violations.js';
import type { OutgoingMessage } from '../outgoing/outgoing-message.js';
import type { WhatsAppRecipient } from './whatsapp-sender.js';

/**
 * Writes a message in the Cloud API's wire format (`POST /{phone-number-id}/messages`): `to`
 * for a phone number, `recipient` for a business-scoped user id.
 *
 * @throws `ValidationError` (`VALIDATION_FAILED`) when the message breaks WhatsApp's limits
 * (issues name each: `sections.0.rows.3.title`...), or the recipient has neither id.
 */
export function toGraphMessage(
  to: WhatsAppRecipient,
  message: OutgoingMessage,
): Record<string, unknown> {
  const violations = findLimitViolations(message);
  if (violations.length > 0) {
    throw new ValidationError(
      `The WhatsApp message breaks WhatsApp's limits at ${violations.map((violation) => violation.path).join(', ')}.`,
      violations.map((violation) => ({
        path: violation.path,
        code: 'too_big',
        message: `must be within ${violation.limit} (found ${violation.actual})`,
      })),
    );
  }
  const address =
    to.phone !== undefined && to.phone !== ''
      ? { to: to.phone }
      : to.userId !== undefined && to.userId !== ''
        ? { recipient: to.userId }
        : undefined;
  if (address === undefined) {
    throw new ValidationError(
      'A WhatsApp message needs a phone number or a business-scoped user id.',
      [{ path: 'to', code: 'invalid_type', message: 'give a phone number or a user id' }],
    );
  }
  const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', ...address };
  const header = (value: string | undefined) =>
    value === undefined ? {} : { header: { type: 'text', text: value } };
  const footer = (value: string | undefined) =>
    value === undefined ? {} : { footer: { text: value } };

  switch (message.type) {
    case 'text':
      return {
        ...envelope,
        type: 'text',
        text: {
          body: message.body,
          ...(message.previewUrl === undefined ? {} : { preview_url: message.previewUrl }),
        },
      };
    case 'list':
      return {
        ...envelope,
        type: 'interactive',
        interactive: {
          type: 'list',
          ...header(message.header),
          body: { text: message.body },
          ...footer(message.footer),
          action: {
            button: message.button,
            sections: message.sections.map((section) => ({
              ...(section.title === undefined ? {} : { title: section.title }),
              rows: section.rows.map((row) => ({
                id: row.id,
                title: row.title,
                ...(row.description === undefined ? {} : { description: row.description }),
              })),
            })),
          },
        },
      };
    case 'buttons':
      return {
        ...envelope,
        type: 'interactive',
        interactive: {
          type: 'button',
          ...header(message.header),
          body: { text: message.body },
          ...footer(message.footer),
          action: {
            buttons: message.buttons.map((button) => ({
              type: 'reply',
              reply: { id: button.id, title: button.title },
            })),
          },
        },
      };
    case 'template':
      return {
        ...envelope,
        type: 'template',
        template: {
          name: message.name,
          language: { code: message.languageCode },
          ...(message.bodyParameters.length === 0
            ? {}
            : {
                components: [
                  {
                    type: 'body',
                    parameters: message.bodyParameters.map((parameter) => ({
                      type: 'text',
                      ...(parameter.name === undefined ? {} : { parameter_name: parameter.name }),
                      text: parameter.text,
                    })),
                  },
                ],
              }),
        },
      };
  }
}
