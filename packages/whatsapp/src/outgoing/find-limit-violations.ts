import type { OutgoingMessage } from './outgoing-message.js';

/**
 * The limits WhatsApp puts on messages, in characters. Lengths are counted in UTF-16 code units
 * (`string.length`), which is never less than what WhatsApp counts, so a message within these
 * limits is always accepted.
 */
export const whatsAppLimits = {
  /** Body of a text message, and of an interactive list. */
  textBody: 4096,
  listBody: 4096,
  /** Body of a reply-buttons message. */
  buttonsBody: 1024,
  /** Header and footer texts of interactive messages. */
  header: 60,
  footer: 60,
  /** The button that opens a list. */
  listButton: 20,
  /** Sections of a list, and rows across all of them. */
  listSections: 10,
  listRows: 10,
  sectionTitle: 24,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
  /** Reply buttons of one message. */
  replyButtons: 3,
  replyButtonTitle: 20,
  replyButtonId: 256,
} as const;

/** One way a message breaks {@link whatsAppLimits}. */
export interface LimitViolation {
  /** Where, such as `sections.0.rows.3.title`. */
  readonly path: string;
  /** The limit broken. */
  readonly limit: number;
  /** The length or count found. */
  readonly actual: number;
}

/**
 * Lists every way a message breaks WhatsApp's limits (lengths, counts, empty texts, duplicate
 * ids); an empty list means the Cloud API accepts its shape.
 *
 * @example
 * ```ts
 * findLimitViolations({ type: 'buttons', body: 'Send?', buttons: [{ id: 'yes', title: 'Send the report now, please' }] });
 * // [{ path: 'buttons.0.title', limit: 20, actual: 27 }]
 * ```
 */
export function findLimitViolations(message: OutgoingMessage): LimitViolation[] {
  const violations: LimitViolation[] = [];
  const text = (path: string, value: string | undefined, limit: number, required = true) => {
    if (value === undefined) {
      if (required) violations.push({ path, limit, actual: 0 });
      return;
    }
    if (value.length > limit || (required && value.trim() === '')) {
      violations.push({ path, limit, actual: value.length });
    }
  };
  const count = (path: string, actual: number, limit: number) => {
    if (actual > limit || actual === 0) violations.push({ path, limit, actual });
  };
  const unique = (path: string, ids: readonly string[]) => {
    if (new Set(ids).size !== ids.length)
      violations.push({ path, limit: new Set(ids).size, actual: ids.length });
  };

  switch (message.type) {
    case 'text':
      text('body', message.body, whatsAppLimits.textBody);
      break;
    case 'list': {
      text('body', message.body, whatsAppLimits.listBody);
      text('button', message.button, whatsAppLimits.listButton);
      text('header', message.header, whatsAppLimits.header, false);
      text('footer', message.footer, whatsAppLimits.footer, false);
      count('sections', message.sections.length, whatsAppLimits.listSections);
      const rows = message.sections.flatMap((section) => section.rows);
      count('rows', rows.length, whatsAppLimits.listRows);
      unique(
        'rows.id',
        rows.map((row) => row.id),
      );
      message.sections.forEach((section, sectionIndex) => {
        const path = `sections.${sectionIndex}`;
        text(
          `${path}.title`,
          section.title,
          whatsAppLimits.sectionTitle,
          message.sections.length > 1,
        );
        if (section.rows.length === 0)
          violations.push({ path: `${path}.rows`, limit: 1, actual: 0 });
        section.rows.forEach((row, rowIndex) => {
          text(`${path}.rows.${rowIndex}.id`, row.id, whatsAppLimits.rowId);
          text(`${path}.rows.${rowIndex}.title`, row.title, whatsAppLimits.rowTitle);
          text(
            `${path}.rows.${rowIndex}.description`,
            row.description,
            whatsAppLimits.rowDescription,
            false,
          );
        });
      });
      break;
    }
    case 'buttons':
      text('body', message.body, whatsAppLimits.buttonsBody);
      text('header', message.header, whatsAppLimits.header, false);
      text('footer', message.footer, whatsAppLimits.footer, false);
      count('buttons', message.buttons.length, whatsAppLimits.replyButtons);
      unique(
        'buttons.id',
        message.buttons.map((button) => button.id),
      );
      message.buttons.forEach((button, index) => {
        text(`buttons.${index}.id`, button.id, whatsAppLimits.replyButtonId);
        text(`buttons.${index}.title`, button.title, whatsAppLimits.replyButtonTitle);
      });
      break;
    case 'template':
      text('name', message.name, 512);
      text('languageCode', message.languageCode, 15);
      message.bodyParameters.forEach((parameter, index) => {
        // WhatsApp refuses empty parameters, and new lines or tabs inside them.
        if (parameter.text.trim() === '' || /[\n\t]/.test(parameter.text)) {
          violations.push({
            path: `bodyParameters.${index}.text`,
            limit: 1,
            actual: parameter.text.length,
          });
        }
      });
      break;
  }
  return violations;
}
