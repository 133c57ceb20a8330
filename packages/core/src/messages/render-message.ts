import { BalaghError } from '../errors/balagh-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { parseInstant } from '../lifecycle/parse-instant.js';
import { isLanguage, isRightToLeft, type Language } from '../schemas/language.js';
import { type ClosedHow, closedHowValues } from '../schemas/status.js';
import { formatReportDate } from './format-report-date.js';
import { messageCatalogue } from './message-catalogue.js';
import {
  isMessageKind,
  type MessageKind,
  type MessageVariables,
  requiredMessageVariables,
} from './message-kinds.js';
import type { TemplatePart } from './message-template.js';

/** Options of {@link renderMessage}. */
export interface RenderMessageOptions {
  /** `long` (default) for WhatsApp and the web; `short` for SMS. */
  readonly form?: 'long' | 'short';
  /** IANA time zone dates are shown in; default `Asia/Riyadh`. */
  readonly timeZone?: string;
}

const placeholder = /\{([A-Za-z]+)\}/g;

// People type report numbers and closure codes back: always print them in ASCII digits.
const easternDigits = /[\u0660-\u0669\u06F0-\u06F9]/g;
function toAsciiDigits(value: string): string {
  return value.replace(easternDigits, (digit) => String((digit.charCodeAt(0) - 0x0660) % 0x90));
}

/**
 * Renders what a reporter is told, in their language, from the message catalogue.
 *
 * Optional parts (`trackingUrl`, `dueAt`, `question`) appear only when given, with their labels;
 * an empty string counts as not given. Dates are shown in Hijri (Umm al-Qura) and Gregorian
 * ({@link formatReportDate}): with years and the time of day in the long form, as day and month
 * only in the short form (a deadline is days away; an SMS counts every character). Report numbers and closure
 * codes are printed in ASCII digits; in right-to-left languages the space inside a closure code
 * becomes a no-break space, which keeps `482 915-1` in reading order on every phone (a plain
 * space between two numbers would be laid out right to left: `915-1 482`).
 *
 * @throws {@link BalaghError} `UNKNOWN_MESSAGE_KIND` for a kind that is not in
 * {@link messageKinds} (details: `kind`).
 * @throws {@link BalaghError} `MISSING_MESSAGE_VARIABLE` when a required variable is missing or
 * empty (details: `kind`, `variable`).
 * @throws {@link ValidationError} for an unsupported language, an invalid `closedHow`, `dueAt`
 * or time zone.
 * @example
 * ```ts
 * renderMessage('resolved', 'en', { number: '1448-000123-7', closureCode: '482 915-1' }, { form: 'short' });
 * // 'Your report 1448-000123-7 has been resolved. Closure code: 482 915-1\n'
 * // + 'Reply with the code to confirm, or tell us if the problem is not fixed.'
 * ```
 */
export function renderMessage<K extends MessageKind>(
  kind: K,
  language: Language,
  variables: MessageVariables[K],
  options: RenderMessageOptions = {},
): string {
  if (!isMessageKind(kind)) {
    throw new BalaghError('UNKNOWN_MESSAGE_KIND', `There is no message kind ${String(kind)}.`, {
      details: { kind },
    });
  }
  if (!isLanguage(language)) {
    throw new ValidationError(`There are no messages in ${String(language)}.`, [
      { path: 'language', code: 'invalid_value', message: 'must be a supported language' },
    ]);
  }
  const form = options.form ?? 'long';
  const given = (typeof variables === 'object' && variables !== null ? variables : {}) as Readonly<
    Record<string, unknown>
  >;
  const values = formatValues(kind, language, given, form, options.timeZone);
  const template = messageCatalogue[language][kind][form] as readonly TemplatePart<MessageKind>[];

  const fill = (text: string): string =>
    text.replace(placeholder, (_match, name: string) => {
      const value = values.get(name);
      if (value === undefined) throw missing(kind, name);
      return value;
    });

  let message = '';
  for (const part of template) {
    if (typeof part === 'string') message += fill(part);
    else if ('when' in part) {
      if (values.has(part.when)) message += fill(part.text);
    } else message += fill(part.cases[values.get(part.select) as ClosedHow]);
  }
  return message;
}

/** Checks the variables and formats each given one as it appears in the text. */
function formatValues(
  kind: MessageKind,
  language: Language,
  given: Readonly<Record<string, unknown>>,
  form: 'long' | 'short',
  timeZone: string | undefined,
): Map<string, string> {
  const values = new Map<string, string>();
  for (const [name, raw] of Object.entries(given)) {
    if (raw === undefined || raw === null || raw === '') continue;
    if (name === 'dueAt') {
      if (parseInstant(raw as never) === undefined) {
        throw new ValidationError('Invalid message variable dueAt.', [
          { path: 'dueAt', code: 'invalid_type', message: 'must be a valid instant' },
        ]);
      }
      values.set(
        name,
        formatReportDate(raw as never, language, {
          withTime: form === 'long',
          withYear: form === 'long',
          ...(timeZone === undefined ? {} : { timeZone }),
        }),
      );
      continue;
    }
    // A report number read from a form may arrive as a number; any other type is not given.
    if (typeof raw !== 'string' && !(typeof raw === 'number' && Number.isFinite(raw))) continue;
    const text = String(raw).trim();
    if (text === '') continue;
    if (name === 'number' || name === 'masterNumber') values.set(name, toAsciiDigits(text));
    else if (name === 'closureCode') {
      const code = toAsciiDigits(text);
      values.set(name, isRightToLeft(language) ? code.replace(/ /g, '\u00A0') : code);
    } else values.set(name, text);
  }

  for (const name of requiredMessageVariables[kind] as readonly string[]) {
    if (!values.has(name)) throw missing(kind, name);
  }
  const closedHow = values.get('closedHow');
  if (kind === 'closed' && !(closedHowValues as readonly string[]).includes(closedHow ?? '')) {
    throw new ValidationError('Invalid message variable closedHow.', [
      { path: 'closedHow', code: 'invalid_value', message: 'must be confirmed or unconfirmed' },
    ]);
  }
  return values;
}

function missing(kind: MessageKind, variable: string): BalaghError {
  return new BalaghError(
    'MISSING_MESSAGE_VARIABLE',
    `The ${kind} message needs the variable ${variable}.`,
    { details: { kind, variable } },
  );
}
