import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddressOf, type TrustProxy } from './client-address.js';

async function addressOf(trustProxy: TrustProxy, forwardedFor?: string): Promise<string> {
  const app = new Hono();
  app.get('/', (context) => context.text(clientAddressOf(context, trustProxy)));
  const response = await app.request('/', {
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  });
  return response.text();
}

describe('clientAddressOf', () => {
  it('ignores X-Forwarded-For unless told to trust a proxy', async () => {
    expect(await addressOf(false, '6.6.6.6')).toBe('unknown');
  });

  it('takes the entry the trusted proxy appended, not the one a client wrote', async () => {
    expect(await addressOf(true, '6.6.6.6, 10.0.0.7')).toBe('10.0.0.7');
    expect(await addressOf(2, '6.6.6.6, 203.0.113.9, 10.0.0.7')).toBe('203.0.113.9');
    expect(await addressOf(5, '203.0.113.9')).toBe('203.0.113.9');
  });
});
