import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createServerLogger, maskPersonalData } from './create-server-logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const text: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      text.push(String(chunk));
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { lines, text, logger: createServerLogger({ destination, level: 'debug' }) };
}

describe('createServerLogger', () => {
  it('masks phone numbers wherever they are, in fields and messages', () => {
    const { text, logger } = capture();
    logger.info(
      {
        recipient: { phone: '+966512345678' },
        note: 'Reporter +966598765432 called back',
        nested: { list: ['+201001234567'] },
      },
      'sent to +966512345678',
    );
    const line = text.join('');
    expect(line).not.toMatch(/966512345678|966598765432|201001234567/);
    expect(line).toContain('+9665•••••678');
  });

  it('drops names, tokens, closure codes and authorization headers', () => {
    const { lines, logger } = capture();
    logger.warn({
      reporter: { name: 'Aisha', phone: '+966512345678' },
      headers: { authorization: 'Bearer blg_abc_secret' },
      trackingToken: 'tok',
      variables: { closureCode: '482 915-1' },
    });
    const line = JSON.stringify(lines[0]);
    expect(line).not.toContain('Aisha');
    expect(line).not.toContain('blg_abc_secret');
    expect(line).not.toContain('482 915-1');
    expect(line).not.toContain('"tok"');
  });

  it('writes JSON lines with an ISO time at the configured level', () => {
    const { lines, logger } = capture();
    logger.debug({ reportId: 'r1' }, 'hello');
    expect(lines[0]).toMatchObject({ level: 20, reportId: 'r1', msg: 'hello' });
    expect(String(lines[0]?.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});

describe('maskPersonalData', () => {
  it('keeps what is not personal untouched', () => {
    expect(maskPersonalData({ number: '1448-000123-7', count: 3, ok: true })).toEqual({
      number: '1448-000123-7',
      count: 3,
      ok: true,
    });
  });
});
