import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../test/support/fixtures.js';
import { computeWebhookSignature, verifyWebhookSignature } from './verify-webhook-signature.js';

const secret = 'test-app-secret-0123456789abcdef';
const encoder = new TextEncoder();

/** Meta escapes non-ASCII text in its payloads: `\u0627` rather than `ا`. */
function escapedPayload(text: string): string {
  const escaped = [...text]
    .map((character) => {
      const code = character.charCodeAt(0);
      return code < 0x80 ? character : `\\u${code.toString(16).padStart(4, '0')}`;
    })
    .join('');
  return `{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messages":[{"type":"text","text":{"body":"${escaped}"}}]}}]}]}`;
}

describe('verifyWebhookSignature', () => {
  it('accepts the HMAC-SHA256 of the bytes as sent, given as sha256=<hex>', async () => {
    const body = fixtureBytes('whatsapp-text');
    const header = await computeWebhookSignature(secret, body);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(await verifyWebhookSignature(secret, body, header)).toBe(true);
    expect(
      await verifyWebhookSignature(secret, body, header.toUpperCase().replace('SHA256', 'sha256')),
    ).toBe(true);
  });

  it.each([
    ['Arabic', 'الإنارة مطفية في شارع إبراهيم الخليل'],
    ['Urdu', 'سڑک پر کچرا پڑا ہے، منیٰ کیمپ ۴۲ کے پاس'],
    ['Hindi', 'सड़क की बत्ती बंद है'],
  ])(
    'checks %s payloads over the escaped bytes, which re-serialising would change',
    async (_language, text) => {
      const raw = encoder.encode(escapedPayload(text));
      const reserialised = encoder.encode(JSON.stringify(JSON.parse(escapedPayload(text))));
      expect(Buffer.from(reserialised).equals(Buffer.from(raw))).toBe(false);
      const header = await computeWebhookSignature(secret, raw);
      expect(await verifyWebhookSignature(secret, raw, header)).toBe(true);
      expect(await verifyWebhookSignature(secret, reserialised, header)).toBe(false);
    },
  );

  it('refuses a missing, malformed or foreign signature', async () => {
    const body = fixtureBytes('whatsapp-text');
    const header = await computeWebhookSignature(secret, body);
    expect(await verifyWebhookSignature(secret, body, null)).toBe(false);
    expect(await verifyWebhookSignature(secret, body, '')).toBe(false);
    expect(await verifyWebhookSignature(secret, body, header.slice('sha256='.length))).toBe(false);
    expect(await verifyWebhookSignature(secret, body, `sha1=${header.slice(7, 47)}`)).toBe(false);
    expect(await verifyWebhookSignature('another-secret', body, header)).toBe(false);
    expect(await verifyWebhookSignature('', body, header)).toBe(false);
  });

  it('refuses the signature once any byte of the body changes', async () => {
    const body = fixtureBytes('whatsapp-location');
    const header = await computeWebhookSignature(secret, body);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(body.length - 1),
        fc.integer({ min: 1, max: 255 }),
        async (index, flip) => {
          const tampered = body.slice();
          tampered[index] = (tampered[index] ?? 0) ^ flip;
          expect(await verifyWebhookSignature(secret, tampered, header)).toBe(false);
        },
      ),
      { numRuns: 50 },
    );
  });
});
