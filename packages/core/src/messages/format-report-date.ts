import { ValidationError } from '../errors/validation-error.js';
import { type Instant, parseInstant } from '../lifecycle/parse-instant.js';
import { isLanguage, type Language } from '../schemas/language.js';

/** Options of {@link formatReportDate}. */
export interface FormatReportDateOptions {
  /** IANA time zone the reader lives in; default `Asia/Riyadh`. */
  readonly timeZone?: string;
  /** Adds the time of day to the Gregorian part (for deadlines that fall within a day). */
  readonly withTime?: boolean;
  /**
   * Shows the years (default). Leave them out for a deadline a few days away in an SMS, where
   * every character counts: `١٧ جمادى الآخرة (٢٧ نوفمبر)`.
   */
  readonly withYear?: boolean;
}

/** The time zone of the Holy Capital, where Balagh's first reporters are. */
export const defaultMessageTimeZone = 'Asia/Riyadh';

// Arabic readers in the Gulf expect Arabic-Indic digits in dates; Urdu readers in Pakistan read
// Latin digits; Persian and Bengali readers get their own digits from their locale's default.
const numberingSystems: Partial<Record<Language, string>> = { ar: 'arab' };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  language: Language,
  calendar: 'islamic-umalqura' | 'gregory',
  timeZone: string,
  withTime: boolean,
  withYear: boolean,
): Intl.DateTimeFormat {
  const key = `${language}|${calendar}|${timeZone}|${withTime}|${withYear}`;
  let cached = formatters.get(key);
  if (cached === undefined) {
    const numbering = numberingSystems[language];
    const locale = `${language}-u-ca-${calendar}${numbering === undefined ? '' : `-nu-${numbering}`}`;
    cached = new Intl.DateTimeFormat(locale, {
      timeZone,
      day: 'numeric',
      month: 'long',
      ...(withYear ? { year: 'numeric' } : {}),
      ...(withTime ? { hour: 'numeric', minute: '2-digit' } : {}),
    });
    formatters.set(key, cached);
  }
  return cached;
}

// Some ICU versions put narrow or no-break spaces in dates; in an SMS either would force UCS-2.
const unusualSpaces = /[\u00A0\u202F]/g;

/**
 * Formats an instant the way a reporter reads a date: the Hijri (Umm al-Qura) date followed by
 * the Gregorian one in brackets, in the reader's language and time zone, through `Intl`. For
 * Arabic: `١٧ جمادى الآخرة ١٤٤٨ هـ (٢٧ نوفمبر ٢٠٢٦)`; for English:
 * `Jumada II 17, 1448 AH (November 27, 2026)`.
 *
 * Where the JavaScript engine has no Umm al-Qura calendar (a build with reduced ICU data), only
 * the Gregorian date is given, rather than the Gregorian date twice.
 *
 * @throws {@link ValidationError} when the instant, the language or the time zone is invalid.
 * @example
 * ```ts
 * formatReportDate('2026-11-27T10:00:00Z', 'ar', { withTime: true });
 * // '١٧ جمادى الآخرة ١٤٤٨ هـ (٢٧ نوفمبر ٢٠٢٦ في ١:٠٠ م)'
 * ```
 */
export function formatReportDate(
  instant: Instant,
  language: Language,
  options: FormatReportDateOptions = {},
): string {
  const milliseconds = parseInstant(instant);
  if (milliseconds === undefined) {
    throw invalid('instant', 'must be a valid date, epoch milliseconds or ISO 8601 string');
  }
  if (!isLanguage(language)) throw invalid('language', 'must be a supported language');
  const timeZone = options.timeZone ?? defaultMessageTimeZone;
  const withTime = options.withTime ?? false;
  const withYear = options.withYear ?? true;
  let hijri: Intl.DateTimeFormat;
  let gregorian: Intl.DateTimeFormat;
  try {
    hijri = formatter(language, 'islamic-umalqura', timeZone, false, withYear);
    gregorian = formatter(language, 'gregory', timeZone, withTime, withYear);
  } catch (error) {
    throw invalid('timeZone', `must be an IANA time zone such as ${defaultMessageTimeZone}`, error);
  }
  // Nothing finer than the minute is shown, so one text serves a whole minute.
  const key = `${language}|${timeZone}|${withTime}|${withYear}|${Math.floor(milliseconds / 60_000)}`;
  let text = formattedTexts.get(key);
  if (text === undefined) {
    const gregorianText = gregorian.format(milliseconds).replace(unusualSpaces, ' ');
    text = hasUmmAlQura(hijri)
      ? `${hijri.format(milliseconds).replace(unusualSpaces, ' ')} (${gregorianText})`
      : gregorianText;
    if (formattedTexts.size >= formattedTextsBound) formattedTexts.clear();
    formattedTexts.set(key, text);
  }
  return text;
}

/**
 * Dates already formatted, by language, time zone, options and minute. Messages of reports
 * made around the same time share their dates, and `Intl` formatting in the Umm al-Qura
 * calendar is the costliest part of rendering a message. Cleared when it reaches its bound.
 */
const formattedTexts = new Map<string, string>();
const formattedTextsBound = 4096;

const ummAlQuraSupport = new WeakMap<Intl.DateTimeFormat, boolean>();

/** Whether a Hijri formatter really uses Umm al-Qura (a reduced ICU falls back to Gregorian). */
function hasUmmAlQura(hijri: Intl.DateTimeFormat): boolean {
  let supported = ummAlQuraSupport.get(hijri);
  if (supported === undefined) {
    supported = hijri.resolvedOptions().calendar === 'islamic-umalqura';
    ummAlQuraSupport.set(hijri, supported);
  }
  return supported;
}

function invalid(path: string, message: string, cause?: unknown): ValidationError {
  return new ValidationError(
    `Invalid date formatting request: ${path} ${message}.`,
    [{ path, code: 'invalid_value', message }],
    cause === undefined ? {} : { cause },
  );
}
