import { isBalaghError } from '@balagh/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsonContentType, readJsonBody } from './read-json-body.js';

const request = (body: BodyInit) => new Request('http://localhost/', { method: 'POST', body });

async function failure(
  body: BodyInit,
): Promise<{ code: string; issues: { path: string; code: string }[] }> {
  try {
    await readJsonBody(request(body));
  } catch (error) {
    if (isBalaghError(error))
      return { code: error.code, issues: [...((error as { issues?: [] }).issues ?? [])] };
    throw error;
  }
  throw new Error('expected a failure');
}

describe('readJsonBody', () => {
  it('parses JSON with emoji, right-to-left marks and Arabic text intact', async () => {
    const value = { description: 'عمود إنارة \u200f🕋 مطفأ', note: '👨‍👩‍👧' };
    expect(await readJsonBody(request(JSON.stringify(value)))).toEqual(value);
  });

  it('refuses malformed JSON, empty bodies and bytes that are not UTF-8', async () => {
    expect((await failure('{"a":')).code).toBe('VALIDATION_FAILED');
    expect((await failure('')).code).toBe('VALIDATION_FAILED');
    expect((await failure(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('refuses NUL characters and lone surrogates, naming the field', async () => {
    expect((await failure('{"description":"a\\u0000b"}')).issues[0]).toMatchObject({
      path: 'description',
    });
    expect((await failure('{"location":{"landmark":"\\ud800"}}')).issues[0]).toMatchObject({
      path: 'location.landmark',
    });
    expect((await failure('{"x":["ok","\\udc00"]}')).issues[0]).toMatchObject({ path: 'x.1' });
    expect((await failure('{"\\u0000":1}')).issues[0]).toMatchObject({ code: 'invalid_key' });
  });

  it('refuses nesting deeper than it can use, without recursion', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect((await failure(deep)).issues[0]?.code).toBe('too_deep');
  });

  it('accepts every well-formed string', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme' }), async (text) => {
        fc.pre(!text.includes('\u0000'));
        expect(await readJsonBody(request(JSON.stringify({ text })))).toEqual({ text });
      }),
    );
  });
});

describe('isJsonContentType', () => {
  it('accepts application/json with parameters and +json types only', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('Application/JSON; charset=utf-8')).toBe(true);
    expect(isJsonContentType('application/merge-patch+json')).toBe(true);
    expect(isJsonContentType('text/plain')).toBe(false);
    expect(isJsonContentType('application/jsonx')).toBe(false);
    expect(isJsonContentType(undefined)).toBe(false);
  });
});
