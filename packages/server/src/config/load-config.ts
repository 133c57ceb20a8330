import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type ClosureKeyring,
  createClosureKeyring,
  generateClosureSecret,
  ValidationError,
  type ValidationIssue,
} from '@balagh/core';
import * as z from 'zod/mini';
import type { TrustProxy } from '../http/client-address.js';
import type { TokenBucketLimit } from '../http/rate-limit/create-rate-limiter.js';
import { parseDuration } from './parse-duration.js';

/** Log levels of `LOG_LEVEL` (pino's). */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** SMS providers of `SMS_PROVIDER`. */
export const smsProviderNames = ['local', 'twilio', 'unifonic', 'taqnyat'] as const;

/** How the service sends SMS, as configured (the server does not import `@balagh/sms`: the caller maps this). */
export type SmsConfig =
  | {
      readonly provider: 'local';
      /** File the local provider appends messages to (`SMS_LOCAL_PATH`). */
      readonly path: string;
    }
  | {
      readonly provider: 'twilio';
      readonly accountSid: string;
      readonly authToken: string;
      readonly from?: string;
      readonly messagingServiceSid?: string;
      readonly senderId?: string;
    }
  | {
      readonly provider: 'unifonic';
      readonly appSid: string;
      readonly senderId?: string;
      readonly webhookSecret?: string;
    }
  | {
      readonly provider: 'taqnyat';
      readonly bearerToken: string;
      readonly sender: string;
      readonly webhookSecret?: string;
    };

/** WhatsApp Cloud API settings, present when `WHATSAPP_ACCESS_TOKEN` is set. */
export interface WhatsAppConfig {
  readonly accessToken: string;
  readonly phoneNumberId: string;
  readonly appSecret: string;
  readonly verifyToken: string;
  readonly apiVersion?: string;
}

/** The outbox dispatcher's settings. */
export interface OutboxConfig {
  readonly maxAttempts: number;
  readonly backoffBaseMilliseconds: number;
  readonly backoffCapMilliseconds: number;
  readonly pollIntervalMilliseconds: number;
  readonly leaseMilliseconds: number;
  readonly concurrency: number;
}

/** The intake service's configuration, as {@link loadConfig} reads it from the environment. */
export interface BalaghConfig {
  /** `NODE_ENV`: `production`, or `development` (anything else). */
  readonly environment: 'production' | 'development';
  readonly port: number;
  readonly host: string;
  /** `postgres://…` or a SQLite file (`file:./data/balagh.db`). */
  readonly databaseUrl: string;
  /** Absolute path of `DATA_DIR`: SQLite file, media, local notification files, generated keys. */
  readonly dataDirectory: string;
  /** Public URL without a trailing slash; tracking links start with it. */
  readonly publicBaseUrl: string;
  readonly closureKeyring: ClosureKeyring;
  readonly closureCodeTtlMilliseconds?: number;
  readonly unconfirmedCloseAfterMilliseconds: number;
  /** Limits of report creation; a side left out keeps the HTTP layer's default. */
  readonly rateLimit: {
    readonly perKey?: TokenBucketLimit | false;
    readonly perAddress?: TokenBucketLimit | false;
  };
  readonly trustProxy: TrustProxy;
  readonly logLevel: (typeof logLevels)[number];
  readonly sms: SmsConfig;
  readonly whatsapp?: WhatsAppConfig;
  readonly slaSweepIntervalMilliseconds: number;
  readonly outbox: OutboxConfig;
  /** The local file notifier's file (`NOTIFICATIONS_FILE`), for what no other notifier takes. */
  readonly notificationsFile: string;
  /** How long `close()` waits for requests and deliveries in flight (`SHUTDOWN_TIMEOUT`). */
  readonly shutdownTimeoutMilliseconds: number;
  /** Things an operator should know (a generated development key); never a secret. */
  readonly warnings: readonly string[];
}

/** Every variable {@link loadConfig} reads, with what it means and its default. */
export const configVariables = {
  NODE_ENV: '`production` makes CLOSURE_CODE_KEYS required; anything else is development.',
  PORT: 'TCP port to listen on. Default 8080.',
  HOST: 'Address to listen on. Default 127.0.0.1 (use 0.0.0.0 in a container).',
  DATABASE_URL: 'postgres://… or a SQLite file. Default file:<DATA_DIR>/balagh.db.',
  DATA_DIR:
    'Folder for the SQLite file, media, local notification files and generated keys. Default ./data.',
  PUBLIC_BASE_URL:
    'Public URL of the service, for tracking links. Default http://localhost:<PORT>.',
  CLOSURE_CODE_KEYS:
    '"keyId:secret,keyId:secret" (base64url secrets of 16+ bytes); the first is current. Required in production; generated under DATA_DIR in development.',
  CLOSURE_CODE_TTL:
    'How long a closure code works after issue (duration). Default: while the report stays resolved.',
  UNCONFIRMED_CLOSE_AFTER:
    'How long a resolved report waits for the reporter before closing unconfirmed. Default 72h.',
  RATE_LIMIT_PER_KEY:
    'Creates per integration key per window (a burst of that size); 0 turns it off. Default 300.',
  RATE_LIMIT_PER_ADDRESS:
    'Creates per client address per window; 0 turns it off. Default 20 per 2m.',
  RATE_LIMIT_WINDOW: 'The window of both limits (duration). Default 1m per key, 2m per address.',
  TRUST_PROXY:
    '`true`, `false` or the number of proxy hops whose X-Forwarded-For to believe. Default false.',
  LOG_LEVEL: 'fatal, error, warn, info, debug, trace or silent. Default info.',
  SMS_PROVIDER: 'local, twilio, unifonic or taqnyat. Default local.',
  SMS_LOCAL_PATH: 'File of the local SMS provider. Default <DATA_DIR>/sms-outbox.jsonl.',
  SMS_SENDER_ID: 'Sender ID or number for every SMS (Twilio: overrides TWILIO_FROM).',
  TWILIO_ACCOUNT_SID: 'Twilio account SID (SMS_PROVIDER=twilio).',
  TWILIO_AUTH_TOKEN: 'Twilio auth token (SMS_PROVIDER=twilio). Secret.',
  TWILIO_FROM: 'Twilio sender number; or TWILIO_MESSAGING_SERVICE_SID.',
  TWILIO_MESSAGING_SERVICE_SID: 'Twilio Messaging Service SID (MG…).',
  UNIFONIC_APP_SID: 'Unifonic AppSid (SMS_PROVIDER=unifonic). Secret.',
  UNIFONIC_WEBHOOK_SECRET: 'Shared secret of Unifonic delivery reports. Secret.',
  TAQNYAT_BEARER_TOKEN: 'Taqnyat bearer token (SMS_PROVIDER=taqnyat). Secret.',
  TAQNYAT_WEBHOOK_SECRET: 'Shared secret of Taqnyat delivery reports. Secret.',
  WHATSAPP_ACCESS_TOKEN: 'WhatsApp Cloud API access token; setting it turns WhatsApp on. Secret.',
  WHATSAPP_PHONE_NUMBER_ID: 'WhatsApp phone number id (with WHATSAPP_ACCESS_TOKEN).',
  WHATSAPP_APP_SECRET: 'App secret that signs webhooks (X-Hub-Signature-256). Secret.',
  WHATSAPP_VERIFY_TOKEN: 'Token of the webhook verification handshake. Secret.',
  WHATSAPP_API_VERSION: 'Graph API version, such as v21.0. Default: the package’s.',
  SLA_SWEEP_INTERVAL: 'Time between SLA sweeps (duration). Default 1m.',
  OUTBOX_MAX_ATTEMPTS: 'Tries of a notification before it is dead. Default 8.',
  OUTBOX_BACKOFF_BASE: 'First retry delay ceiling (duration). Default 2s.',
  OUTBOX_BACKOFF_CAP: 'Longest retry delay (duration). Default 15m.',
  OUTBOX_POLL_INTERVAL: 'How often the dispatcher looks for due rows (duration). Default 1s.',
  OUTBOX_LEASE: 'How long a claimed notification stays claimed (duration). Default 1m.',
  OUTBOX_CONCURRENCY: 'Notifications sent at once per process. Default 8.',
  NOTIFICATIONS_FILE: 'File of the local file notifier. Default <DATA_DIR>/notifications.jsonl.',
  SHUTDOWN_TIMEOUT:
    'How long shutdown waits for requests and deliveries in flight (duration). Default 10s.',
} as const;

/** The name of a variable {@link loadConfig} reads. */
export type ConfigVariable = keyof typeof configVariables;

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** Write a generated development closure key under `DATA_DIR`; default `true`. */
  readonly persistGeneratedKeys?: boolean;
}

const durationText =
  'must be a duration such as 500ms, 30s, 15m, 2h, 3d or a number of milliseconds';

const duration = z.pipe(
  z.string(),
  z.transform((value, context) => {
    const milliseconds = parseDuration(value);
    if (milliseconds === undefined || milliseconds <= 0) {
      context.issues.push({ code: 'custom', message: durationText, input: value });
      return z.NEVER;
    }
    return milliseconds;
  }),
);

const integer = (minimum: number, maximum: number) =>
  z.pipe(
    z.string(),
    z.transform((value, context) => {
      const number = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isInteger(number) || number < minimum || number > maximum) {
        context.issues.push({
          code: 'custom',
          message: `must be a whole number from ${minimum} to ${maximum}`,
          input: value,
        });
        return z.NEVER;
      }
      return number;
    }),
  );

const text = z.string().check(z.minLength(1, 'must not be empty'));

const trustProxy = z.pipe(
  z.string(),
  z.transform((value, context): TrustProxy => {
    const lower = value.trim().toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false' || lower === '') return false;
    if (/^\d+$/.test(lower) && Number(lower) <= 32) return Number(lower);
    context.issues.push({
      code: 'custom',
      message: 'must be true, false or a number of proxy hops',
      input: value,
    });
    return z.NEVER;
  }),
);

const absoluteUrl = z.pipe(
  z.string(),
  z.transform((value, context) => {
    try {
      const url = new URL(value);
      if (url.protocol === 'http:' || url.protocol === 'https:') return value.replace(/\/+$/, '');
    } catch {
      // Reported below.
    }
    context.issues.push({ code: 'custom', message: 'must be an http(s) URL', input: value });
    return z.NEVER;
  }),
);

const environmentSchema = z.object({
  NODE_ENV: z.optional(z.string()),
  PORT: z.optional(integer(0, 65_535)),
  HOST: z.optional(text),
  DATABASE_URL: z.optional(text),
  DATA_DIR: z.optional(text),
  PUBLIC_BASE_URL: z.optional(absoluteUrl),
  CLOSURE_CODE_KEYS: z.optional(z.string()),
  CLOSURE_CODE_TTL: z.optional(duration),
  UNCONFIRMED_CLOSE_AFTER: z.optional(duration),
  RATE_LIMIT_PER_KEY: z.optional(integer(0, 1_000_000)),
  RATE_LIMIT_PER_ADDRESS: z.optional(integer(0, 1_000_000)),
  RATE_LIMIT_WINDOW: z.optional(duration),
  TRUST_PROXY: z.optional(trustProxy),
  LOG_LEVEL: z.optional(z.enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` })),
  SMS_PROVIDER: z.optional(
    z.enum(smsProviderNames, { error: `must be one of ${smsProviderNames.join(', ')}` }),
  ),
  SMS_LOCAL_PATH: z.optional(text),
  SMS_SENDER_ID: z.optional(text),
  TWILIO_ACCOUNT_SID: z.optional(text),
  TWILIO_AUTH_TOKEN: z.optional(text),
  TWILIO_FROM: z.optional(text),
  TWILIO_MESSAGING_SERVICE_SID: z.optional(text),
  UNIFONIC_APP_SID: z.optional(text),
  UNIFONIC_WEBHOOK_SECRET: z.optional(text),
  TAQNYAT_BEARER_TOKEN: z.optional(text),
  TAQNYAT_WEBHOOK_SECRET: z.optional(text),
  WHATSAPP_ACCESS_TOKEN: z.optional(text),
  WHATSAPP_PHONE_NUMBER_ID: z.optional(text),
  WHATSAPP_APP_SECRET: z.optional(text),
  WHATSAPP_VERIFY_TOKEN: z.optional(text),
  WHATSAPP_API_VERSION: z.optional(text),
  SLA_SWEEP_INTERVAL: z.optional(duration),
  OUTBOX_MAX_ATTEMPTS: z.optional(integer(1, 100)),
  OUTBOX_BACKOFF_BASE: z.optional(duration),
  OUTBOX_BACKOFF_CAP: z.optional(duration),
  OUTBOX_POLL_INTERVAL: z.optional(duration),
  OUTBOX_LEASE: z.optional(duration),
  OUTBOX_CONCURRENCY: z.optional(integer(1, 256)),
  NOTIFICATIONS_FILE: z.optional(text),
  SHUTDOWN_TIMEOUT: z.optional(duration),
});

/** The file a generated development closure key is kept in, under `DATA_DIR`. */
export const generatedClosureKeysFile = 'closure-code-keys.txt';

/**
 * Reads the intake service's configuration from environment variables ({@link configVariables}
 * lists them with their defaults), checks every one and answers a typed {@link BalaghConfig}.
 * Durations are written `500ms`, `30s`, `15m`, `2h`, `3d` or as milliseconds.
 *
 * `CLOSURE_CODE_KEYS` is required in production. In development, when it is not set, a key is
 * generated on first run and kept in `DATA_DIR/closure-code-keys.txt` (mode 0600) so that codes
 * sent before a restart still verify after it; `warnings` says so.
 *
 * Empty variables count as unset. No secret ever appears in an error or a warning.
 *
 * @throws `ValidationError` `VALIDATION_FAILED` listing every bad variable at once (each
 * issue's `path` is the variable's name, and the message lists them one per line).
 * @example
 * ```ts
 * const config = loadConfig(); // process.env
 * for (const warning of config.warnings) logger.warn(warning);
 * const server = await createBalaghServer({ config, notifiers: [smsNotifier] });
 * ```
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: LoadConfigOptions = {},
): BalaghConfig {
  const given: Record<string, string> = {};
  for (const name of Object.keys(configVariables)) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') given[name] = value.trim();
  }
  const issues: ValidationIssue[] = [];
  // Each variable on its own, so that a bad one does not hide what the good ones imply.
  const parsedValues: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(environmentSchema.shape)) {
    const parsed = (schema as z.ZodMiniType).safeParse(given[name]);
    if (parsed.success) {
      if (parsed.data !== undefined) parsedValues[name] = parsed.data;
    } else {
      for (const issue of parsed.error.issues) {
        issues.push({ path: name, code: issue.code, message: issue.message });
      }
    }
  }
  const values = parsedValues as z.infer<typeof environmentSchema>;
  const failed = (name: ConfigVariable) => issues.some((issue) => issue.path === name);
  const problem = (name: ConfigVariable, message: string) => {
    if (!failed(name)) issues.push({ path: name, code: 'custom', message });
  };

  const environment = values.NODE_ENV === 'production' ? 'production' : 'development';
  const port = values.PORT ?? 8080;
  const dataDirectory = resolve(values.DATA_DIR ?? './data');
  const warnings: string[] = [];

  // --- closure code keys ---
  let closureKeyring: ClosureKeyring | undefined;
  const keysText = given['CLOSURE_CODE_KEYS'];
  if (keysText !== undefined) {
    closureKeyring = parseClosureKeys(keysText, (message) => problem('CLOSURE_CODE_KEYS', message));
  } else if (environment === 'production') {
    problem('CLOSURE_CODE_KEYS', 'is required in production ("keyId:secret,…", the first current)');
  } else if (!failed('DATA_DIR')) {
    const file = join(dataDirectory, generatedClosureKeysFile);
    if (existsSync(file)) {
      closureKeyring = parseClosureKeys(readFileSync(file, 'utf8').trim(), (message) =>
        problem('CLOSURE_CODE_KEYS', `from ${file} ${message}`),
      );
    } else {
      const generated = `dev-${new Date().toISOString().slice(0, 10)}:${generateClosureSecret()}`;
      closureKeyring = parseClosureKeys(generated, (message) =>
        problem('CLOSURE_CODE_KEYS', message),
      );
      if (options.persistGeneratedKeys !== false) {
        mkdirSync(dataDirectory, { recursive: true });
        writeFileSync(file, `${generated}\n`, { mode: 0o600 });
        chmodSync(file, 0o600);
      }
      warnings.push(
        `CLOSURE_CODE_KEYS is not set: generated a development key and kept it in ${file}. Set CLOSURE_CODE_KEYS in production.`,
      );
    }
  }

  // --- rate limits ---
  const rateLimit: { perKey?: TokenBucketLimit | false; perAddress?: TokenBucketLimit | false } =
    {};
  const bucket = (count: number, windowMilliseconds: number): TokenBucketLimit | false =>
    count === 0 ? false : { capacity: count, refillPerSecond: count / (windowMilliseconds / 1000) };
  if (values.RATE_LIMIT_PER_KEY !== undefined) {
    rateLimit.perKey = bucket(values.RATE_LIMIT_PER_KEY, values.RATE_LIMIT_WINDOW ?? 60_000);
  }
  if (values.RATE_LIMIT_PER_ADDRESS !== undefined) {
    rateLimit.perAddress = bucket(
      values.RATE_LIMIT_PER_ADDRESS,
      values.RATE_LIMIT_WINDOW ?? 120_000,
    );
  }

  // --- SMS ---
  const provider = values.SMS_PROVIDER ?? 'local';
  const senderId = values.SMS_SENDER_ID;
  const requireFor = (name: ConfigVariable, value: string | undefined): string => {
    if (value === undefined) problem(name, `is required when SMS_PROVIDER=${provider}`);
    return value ?? '';
  };
  let sms: SmsConfig;
  if (provider === 'twilio') {
    const from = senderId ?? values.TWILIO_FROM;
    sms = {
      provider,
      accountSid: requireFor('TWILIO_ACCOUNT_SID', values.TWILIO_ACCOUNT_SID),
      authToken: requireFor('TWILIO_AUTH_TOKEN', values.TWILIO_AUTH_TOKEN),
      ...(from === undefined ? {} : { from }),
      ...(values.TWILIO_MESSAGING_SERVICE_SID === undefined
        ? {}
        : { messagingServiceSid: values.TWILIO_MESSAGING_SERVICE_SID }),
    };
    if (from === undefined && values.TWILIO_MESSAGING_SERVICE_SID === undefined) {
      problem(
        'TWILIO_FROM',
        'or TWILIO_MESSAGING_SERVICE_SID is required when SMS_PROVIDER=twilio',
      );
    }
  } else if (provider === 'unifonic') {
    sms = {
      provider,
      appSid: requireFor('UNIFONIC_APP_SID', values.UNIFONIC_APP_SID),
      ...(senderId === undefined ? {} : { senderId }),
      ...(values.UNIFONIC_WEBHOOK_SECRET === undefined
        ? {}
        : { webhookSecret: values.UNIFONIC_WEBHOOK_SECRET }),
    };
  } else if (provider === 'taqnyat') {
    sms = {
      provider,
      bearerToken: requireFor('TAQNYAT_BEARER_TOKEN', values.TAQNYAT_BEARER_TOKEN),
      sender: requireFor('SMS_SENDER_ID', senderId),
      ...(values.TAQNYAT_WEBHOOK_SECRET === undefined
        ? {}
        : { webhookSecret: values.TAQNYAT_WEBHOOK_SECRET }),
    };
  } else {
    sms = {
      provider: 'local',
      path: resolve(values.SMS_LOCAL_PATH ?? join(dataDirectory, 'sms-outbox.jsonl')),
    };
  }

  // --- WhatsApp ---
  let whatsapp: WhatsAppConfig | undefined;
  const whatsappNames = [
    'WHATSAPP_ACCESS_TOKEN',
    'WHATSAPP_PHONE_NUMBER_ID',
    'WHATSAPP_APP_SECRET',
    'WHATSAPP_VERIFY_TOKEN',
  ] as const;
  if (whatsappNames.some((name) => values[name] !== undefined)) {
    for (const name of whatsappNames) {
      if (values[name] === undefined) problem(name, 'is required when WhatsApp is configured');
    }
    whatsapp = {
      accessToken: values.WHATSAPP_ACCESS_TOKEN ?? '',
      phoneNumberId: values.WHATSAPP_PHONE_NUMBER_ID ?? '',
      appSecret: values.WHATSAPP_APP_SECRET ?? '',
      verifyToken: values.WHATSAPP_VERIFY_TOKEN ?? '',
      ...(values.WHATSAPP_API_VERSION === undefined
        ? {}
        : { apiVersion: values.WHATSAPP_API_VERSION }),
    };
  }

  const outbox: OutboxConfig = {
    maxAttempts: values.OUTBOX_MAX_ATTEMPTS ?? 8,
    backoffBaseMilliseconds: values.OUTBOX_BACKOFF_BASE ?? 2_000,
    backoffCapMilliseconds: values.OUTBOX_BACKOFF_CAP ?? 15 * 60_000,
    pollIntervalMilliseconds: values.OUTBOX_POLL_INTERVAL ?? 1_000,
    leaseMilliseconds: values.OUTBOX_LEASE ?? 60_000,
    concurrency: values.OUTBOX_CONCURRENCY ?? 8,
  };
  if (outbox.backoffCapMilliseconds < outbox.backoffBaseMilliseconds) {
    problem('OUTBOX_BACKOFF_CAP', 'must not be shorter than OUTBOX_BACKOFF_BASE');
  }

  if (issues.length > 0) {
    const lines = issues.map((issue) => `  ${issue.path || '(environment)'}: ${issue.message}`);
    throw new ValidationError(
      `Invalid configuration (${issues.length} ${issues.length === 1 ? 'variable' : 'variables'}):\n${lines.join('\n')}`,
      issues,
    );
  }

  return {
    environment,
    port,
    host: values.HOST ?? '127.0.0.1',
    databaseUrl: values.DATABASE_URL ?? `file:${join(dataDirectory, 'balagh.db')}`,
    dataDirectory,
    publicBaseUrl: values.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
    closureKeyring: closureKeyring as ClosureKeyring,
    ...(values.CLOSURE_CODE_TTL === undefined
      ? {}
      : { closureCodeTtlMilliseconds: values.CLOSURE_CODE_TTL }),
    unconfirmedCloseAfterMilliseconds: values.UNCONFIRMED_CLOSE_AFTER ?? 72 * 3_600_000,
    rateLimit,
    trustProxy: values.TRUST_PROXY ?? false,
    logLevel: values.LOG_LEVEL ?? 'info',
    sms,
    ...(whatsapp === undefined ? {} : { whatsapp }),
    slaSweepIntervalMilliseconds: values.SLA_SWEEP_INTERVAL ?? 60_000,
    outbox,
    notificationsFile: resolve(
      values.NOTIFICATIONS_FILE ?? join(dataDirectory, 'notifications.jsonl'),
    ),
    shutdownTimeoutMilliseconds: values.SHUTDOWN_TIMEOUT ?? 10_000,
    warnings,
  };
}

/** Reads `keyId:secret,keyId:secret` into a keyring whose current key is the first. */
function parseClosureKeys(
  text: string,
  report: (message: string) => void,
): ClosureKeyring | undefined {
  const keys: Record<string, string> = {};
  let currentKeyId: string | undefined;
  for (const part of text.split(',')) {
    const entry = part.trim();
    if (entry === '') continue;
    const colon = entry.indexOf(':');
    if (colon <= 0 || colon === entry.length - 1) {
      report('must be "keyId:secret" pairs separated by commas');
      return undefined;
    }
    const keyId = entry.slice(0, colon).trim();
    if (Object.hasOwn(keys, keyId)) {
      report(`names the key "${keyId.slice(0, 64)}" twice`);
      return undefined;
    }
    keys[keyId] = entry.slice(colon + 1).trim();
    currentKeyId ??= keyId;
  }
  if (currentKeyId === undefined) {
    report('must name at least one key');
    return undefined;
  }
  try {
    return createClosureKeyring({ currentKeyId, keys });
  } catch (error) {
    const detail =
      error instanceof ValidationError
        ? error.issues
            .map((issue) => `${issue.path.replace(/^keys\./, 'key ')} ${issue.message}`)
            .join('; ')
        : 'is not a valid keyring';
    report(detail);
    return undefined;
  }
}
