import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateClosureSecret, ValidationError } from '@balagh/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';

describe('loadConfig', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'balagh-config-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const secret = generateClosureSecret();

  it('answers the embedded defaults for development', () => {
    const config = loadConfig({ DATA_DIR: directory, CLOSURE_CODE_KEYS: `k1:${secret}` });
    expect(config).toMatchObject({
      environment: 'development',
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: `file:${join(directory, 'balagh.db')}`,
      publicBaseUrl: 'http://localhost:8080',
      unconfirmedCloseAfterMilliseconds: 72 * 3_600_000,
      trustProxy: false,
      logLevel: 'info',
      sms: { provider: 'local', path: join(directory, 'sms-outbox.jsonl') },
      slaSweepIntervalMilliseconds: 60_000,
      outbox: { maxAttempts: 8, backoffBaseMilliseconds: 2000, leaseMilliseconds: 60_000 },
      notificationsFile: join(directory, 'notifications.jsonl'),
      warnings: [],
    });
    expect(config.closureKeyring.currentKeyId).toBe('k1');
  });

  it('reads durations, numbers, rate limits and key rotation', () => {
    const config = loadConfig({
      DATA_DIR: directory,
      PORT: '9090',
      DATABASE_URL: 'postgres://balagh@db/balagh',
      PUBLIC_BASE_URL: 'https://balagh.example.org/',
      CLOSURE_CODE_KEYS: `2026-11:${secret}, 2026-05:${generateClosureSecret()}`,
      CLOSURE_CODE_TTL: '3d',
      UNCONFIRMED_CLOSE_AFTER: '48h',
      RATE_LIMIT_PER_KEY: '600',
      RATE_LIMIT_PER_ADDRESS: '0',
      RATE_LIMIT_WINDOW: '2m',
      TRUST_PROXY: '1',
      SLA_SWEEP_INTERVAL: '30s',
      OUTBOX_MAX_ATTEMPTS: '5',
      OUTBOX_BACKOFF_CAP: '900000',
    });
    expect(config).toMatchObject({
      port: 9090,
      databaseUrl: 'postgres://balagh@db/balagh',
      publicBaseUrl: 'https://balagh.example.org',
      closureCodeTtlMilliseconds: 259_200_000,
      unconfirmedCloseAfterMilliseconds: 172_800_000,
      rateLimit: { perKey: { capacity: 600, refillPerSecond: 5 }, perAddress: false },
      trustProxy: 1,
      slaSweepIntervalMilliseconds: 30_000,
      outbox: { maxAttempts: 5, backoffCapMilliseconds: 900_000 },
    });
    expect(config.closureKeyring.currentKeyId).toBe('2026-11');
    expect(Object.keys(config.closureKeyring.keys)).toEqual(['2026-11', '2026-05']);
  });

  it('lists every bad variable at once, without the secrets', () => {
    const badSecret = 'c2hvcnQ';
    let error: unknown;
    try {
      loadConfig({
        DATA_DIR: directory,
        PORT: 'eighty',
        CLOSURE_CODE_KEYS: `k1:${badSecret}`,
        SLA_SWEEP_INTERVAL: 'often',
        LOG_LEVEL: 'loud',
        SMS_PROVIDER: 'twilio',
        TRUST_PROXY: 'maybe',
        PUBLIC_BASE_URL: 'ftp://example.org',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues.map((issue) => issue.path);
    expect(issues).toEqual(
      expect.arrayContaining([
        'PORT',
        'CLOSURE_CODE_KEYS',
        'SLA_SWEEP_INTERVAL',
        'LOG_LEVEL',
        'TRUST_PROXY',
        'PUBLIC_BASE_URL',
        'TWILIO_ACCOUNT_SID',
        'TWILIO_AUTH_TOKEN',
        'TWILIO_FROM',
      ]),
    );
    const message = (error as Error).message;
    expect(message).toContain('PORT: must be a whole number');
    expect(message).toContain('SLA_SWEEP_INTERVAL: must be a duration');
    expect(message).not.toContain(badSecret);
  });

  it('requires closure code keys in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: directory })).toThrow(
      /CLOSURE_CODE_KEYS: is required in production/,
    );
  });

  it('generates a development key once, keeps it private and reuses it', async () => {
    const first = loadConfig({ DATA_DIR: directory });
    expect(first.warnings.join(' ')).toMatch(/generated a development key/);
    const file = join(directory, 'closure-code-keys.txt');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(first.warnings.join(' ')).not.toContain(
      (await readFile(file, 'utf8')).split(':')[1]?.trim() ?? 'x',
    );
    const second = loadConfig({ DATA_DIR: directory });
    expect(second.warnings).toEqual([]);
    expect(second.closureKeyring).toEqual(first.closureKeyring);
  });

  it('needs every WhatsApp variable once one is set', () => {
    expect(() =>
      loadConfig({
        DATA_DIR: directory,
        CLOSURE_CODE_KEYS: `k:${secret}`,
        WHATSAPP_ACCESS_TOKEN: 't',
      }),
    ).toThrow(/WHATSAPP_APP_SECRET: is required/);
  });

  it('maps a Saudi SMS provider’s credentials', () => {
    const config = loadConfig({
      DATA_DIR: directory,
      CLOSURE_CODE_KEYS: `k:${secret}`,
      SMS_PROVIDER: 'taqnyat',
      TAQNYAT_BEARER_TOKEN: 'token',
      SMS_SENDER_ID: 'Makkah-Amanah',
    });
    expect(config.sms).toEqual({
      provider: 'taqnyat',
      bearerToken: 'token',
      sender: 'Makkah-Amanah',
    });
  });
});
