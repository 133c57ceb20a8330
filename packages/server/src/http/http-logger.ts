/**
 * The logger the HTTP layer writes to: the subset of pino's API it uses, so a pino logger (or
 * any logger with the same shape) can be injected.
 *
 * The HTTP layer never passes it a body, a phone number, a tracking token or an API key.
 */
export interface HttpLogger {
  info(object: Record<string, unknown>, message?: string): void;
  warn(object: Record<string, unknown>, message?: string): void;
  error(object: Record<string, unknown>, message?: string): void;
}

/** A logger that writes nothing: the default when none is injected. */
export const silentHttpLogger: HttpLogger = {
  info() {},
  warn() {},
  error() {},
};

// A run of 7 or more digits, possibly grouped by spaces or dashes and led by +: a phone number
// (or a number of the same length, which loses nothing worth keeping in a log).
const phoneLike = /\+?\d(?:[\s-]?\d){6,}/g;
const apiKeyLike = /blg_[A-Za-z0-9_-]+/g;
const bearerLike = /bearer\s+\S+/gi;

/**
 * Removes what may be personal or secret from a text bound for a log line: phone-like digit
 * runs, API keys and bearer credentials. Used on error messages, which may quote an input.
 *
 * @example
 * ```ts
 * redactForLog('duplicate key (phone)=(+966512345678)'); // 'duplicate key (phone)=([redacted])'
 * ```
 */
export function redactForLog(text: string): string {
  return text
    .replace(bearerLike, 'Bearer [redacted]')
    .replace(apiKeyLike, '[redacted key]')
    .replace(phoneLike, '[redacted]');
}
