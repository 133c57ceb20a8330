import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalFileProvider } from '../local.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'balagh-sms-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('createLocalFileProvider', () => {
  it('appends one JSON line per message, creating the folders it needs', async () => {
    const path = join(directory, 'nested', 'data', 'sms.jsonl');
    const provider = createLocalFileProvider({
      path,
      clock: () => Date.parse('2026-11-27T10:00:00.000Z'),
    });
    const first = await provider.send({
      to: '+966512345678',
      body: 'استلمنا بلاغك رقم 1448-000123-7',
      idempotencyKey: 'n-1',
    });
    await provider.send({
      to: '+923001234567',
      body: 'Report 1448-000124-5 received.',
      idempotencyKey: 'n-2',
      senderId: 'Amanah',
    });

    const lines = (await readFile(path, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      {
        at: '2026-11-27T10:00:00.000Z',
        providerMessageId: first.providerMessageId,
        to: '+966512345678',
        body: 'استلمنا بلاغك رقم 1448-000123-7',
        idempotencyKey: 'n-1',
        encoding: 'UCS-2',
        segments: 1,
      },
      expect.objectContaining({
        to: '+923001234567',
        senderId: 'Amanah',
        encoding: 'GSM-7',
        idempotencyKey: 'n-2',
      }),
    ]);
    expect(first).toEqual({
      providerMessageId: expect.stringMatching(/^local-[0-9a-f-]{36}$/),
      segments: 1,
    });
    expect(provider.name).toBe('local-file');
  });

  it('fails with a retryable error when the file cannot be written', async () => {
    const blocker = join(directory, 'not-a-folder');
    await writeFile(blocker, 'x');
    const provider = createLocalFileProvider({ path: join(blocker, 'sms.jsonl') });
    await expect(
      provider.send({ to: '+966512345678', body: 'x', idempotencyKey: 'n-3' }),
    ).rejects.toMatchObject({
      code: 'PROVIDER_ERROR',
      retryable: true,
    });
  });
});
