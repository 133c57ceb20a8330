import { maskPhone } from '@balagh/core';
import pino from 'pino';

/** Options of {@link createServerLogger}. */
export interface ServerLoggerOptions {
  /** pino level (`LOG_LEVEL`); default `info`. */
  readonly level?: string;
  /** Where lines go; default standard output. */
  readonly destination?: pino.DestinationStream;
  /** Fields added to every line. */
  readonly base?: Record<string, unknown>;
}

// An E.164 number anywhere in a string: + then 7 to 15 digits.
const e164Anywhere = /\+[1-9]\d{6,14}(?!\d)/g;
// Fields that hold a person's name or a credential: never logged, whatever their value.
const secretFields = new Set([
  'name',
  'authorization',
  'apikey',
  'key',
  'token',
  'secret',
  'password',
]);

/** Paths pino censors before anything else runs: a phone is masked, the rest removed. */
const redactPaths = [
  'phone',
  '*.phone',
  '*.*.phone',
  'recipient.phone',
  'reporter.phone',
  'reporter.name',
  '*.reporter.name',
  'authorization',
  'headers.authorization',
  '*.headers.authorization',
  'trackingToken',
  '*.trackingToken',
  'closureCode',
  '*.closureCode',
];

/**
 * Masks what must not reach a log in a value about to be written: E.164 numbers in any string
 * become core's `maskPhone` form (`+9665•••••678`), and fields named like a person's name or a
 * credential are dropped. The logger's safety net behind code that already logs no personal data.
 *
 * @example
 * ```ts
 * maskPersonalData({ note: 'call +966512345678' }); // { note: 'call +9665•••••678' }
 * ```
 */
export function maskPersonalData(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(e164Anywhere, (match) => maskPhone(match));
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (value instanceof Error) {
    const code: unknown = (value as { code?: unknown }).code;
    return {
      name: value.name,
      message: maskPersonalData(value.message, depth + 1),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
  if (Array.isArray(value)) return value.map((item) => maskPersonalData(item, depth + 1));
  const masked: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (secretFields.has(key.toLowerCase()) && typeof item === 'string') continue;
    masked[key] = maskPersonalData(item, depth + 1);
  }
  return masked;
}

/**
 * Creates the service's pino logger: JSON lines with ISO times, and three layers keeping phone
 * numbers and credentials out: pino's `redact` on known paths (phones masked with core's
 * `maskPhone`, names, tokens, closure codes and authorization headers removed), a formatter
 * that masks any E.164 number left in any field ({@link maskPersonalData}), and a hook that
 * masks them in messages.
 *
 * @example
 * ```ts
 * const logger = createServerLogger({ level: config.logLevel });
 * logger.info({ reportId }, 'report created');
 * ```
 */
export function createServerLogger(options: ServerLoggerOptions = {}): pino.Logger {
  const loggerOptions: pino.LoggerOptions = {
    level: options.level ?? 'info',
    base: options.base ?? { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: redactPaths,
      censor: (value, path) =>
        path.at(-1) === 'phone' && typeof value === 'string' ? maskPhone(value) : '[redacted]',
    },
    formatters: {
      log: (object) => maskPersonalData(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(inputArguments, method) {
        const masked = inputArguments.map((argument) =>
          typeof argument === 'string' ? maskPersonalData(argument) : argument,
        );
        return method.apply(this, masked as Parameters<typeof method>);
      },
    },
  };
  return options.destination === undefined
    ? pino(loggerOptions)
    : pino(loggerOptions, options.destination);
}
