import { describe, expect, it } from 'vitest';
import vector from '../../test/fixtures/twilio-signature-canonical.json';
import { computeTwilioSignature, verifyTwilioSignature } from './twilio-signature.js';

describe('computeTwilioSignature', () => {
  it("reproduces the known-answer vector of Twilio's own SDK tests", async () => {
    expect(await computeTwilioSignature(vector.authToken, vector.url, vector.params)).toBe(
      vector.expectedSignature,
    );
  });

  it('signs the same whatever order the parameters come in', async () => {
    const reversed = new URLSearchParams(Object.entries(vector.params).reverse());
    expect(await computeTwilioSignature(vector.authToken, vector.url, reversed)).toBe(
      vector.expectedSignature,
    );
  });
});

describe('verifyTwilioSignature', () => {
  it('accepts the canonical signature', async () => {
    expect(
      await verifyTwilioSignature(
        vector.authToken,
        vector.url,
        vector.params,
        vector.expectedSignature,
      ),
    ).toBe(true);
  });

  it('refuses a changed parameter, URL or token', async () => {
    const check = (token: string, url: string, params: Record<string, string>) =>
      verifyTwilioSignature(token, url, params, vector.expectedSignature);
    expect(await check(vector.authToken, vector.url, { ...vector.params, Digits: '1235' })).toBe(
      false,
    );
    expect(await check(vector.authToken, `${vector.url}&baz=3`, vector.params)).toBe(false);
    expect(await check('12346', vector.url, vector.params)).toBe(false);
    const { Caller: _dropped, ...withoutCaller } = vector.params;
    expect(await check(vector.authToken, vector.url, withoutCaller)).toBe(false);
  });

  it('refuses a missing, empty or malformed signature without throwing', async () => {
    for (const signature of [undefined, null, '', 'not base64!', 'RSOYDt4T1cUTdK1PDd93/VVr8B8']) {
      expect(
        await verifyTwilioSignature(vector.authToken, vector.url, vector.params, signature),
      ).toBe(false);
    }
  });

  it('accepts a signature made over the URL with its default port written out', async () => {
    const withPort = vector.url.replace('mycompany.com', 'mycompany.com:443');
    const signature = await computeTwilioSignature(vector.authToken, withPort, vector.params);
    expect(
      await verifyTwilioSignature(vector.authToken, vector.url, vector.params, signature),
    ).toBe(true);
    expect(
      await verifyTwilioSignature(
        vector.authToken,
        withPort,
        vector.params,
        vector.expectedSignature,
      ),
    ).toBe(true);
  });

  it('does not let another port stand in for the configured one', async () => {
    const otherPort = vector.url.replace('mycompany.com', 'mycompany.com:8443');
    expect(
      await verifyTwilioSignature(
        vector.authToken,
        otherPort,
        vector.params,
        vector.expectedSignature,
      ),
    ).toBe(false);
  });
});
