import { describe, expect, it } from 'vitest';
import { hotpTruncate } from './hotp-truncate.js';

// RFC 4226 appendix D: HMAC-SHA-1 of counters 0..9 under the ASCII secret
// "12345678901234567890", the truncated value and the six-digit HOTP.
const rfc4226Vectors = [
  ['cc93cf18508d94934c64b65d8ba7667fb7cde4b0', 0x4c93cf18, '755224'],
  ['75a48a19d4cbe100644e8ac1397eea747a2d33ab', 0x41397eea, '287082'],
  ['0bacb7fa082fef30782211938bc1c5e70416ff44', 0x082fef30, '359152'],
  ['66c28227d03a2d5529262ff016a1e6ef76557ece', 0x66ef7655, '969429'],
  ['a904c900a64b35909874b33e61c5938a8e15ed1c', 0x61c5938a, '338314'],
  ['a37e783d7b7233c083d4f62926c7a25f238d0316', 0x33c083d4, '254676'],
  ['bc9cd28561042c83f219324d3c607256c03272ae', 0x7256c032, '287922'],
  ['a4fb960c0bc06e1eabb804e5b397cdc4b45596fa', 0x04e5b397, '162583'],
  ['1b3c89f65e6c9e883012052823443f048b4332db', 0x2823443f, '399871'],
  ['1637409809a679dc698207310c8c7fc07290d9e5', 0x2679dc69, '520489'],
] as const;

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

describe('hotpTruncate', () => {
  it.each(
    rfc4226Vectors.map(([hmac, truncated, hotp], counter) => ({ counter, hmac, truncated, hotp })),
  )('turns the published HMAC of counter $counter into $hotp', ({ hmac, truncated, hotp }) => {
    const value = hotpTruncate(fromHex(hmac));
    expect(value).toBe(truncated);
    expect(String(value % 1_000_000).padStart(6, '0')).toBe(hotp);
  });

  it('is fed the same HMAC bytes the RFC lists, as WebCrypto computes them', async () => {
    const secret = new TextEncoder().encode('12345678901234567890');
    const key = await crypto.subtle.importKey(
      'raw',
      secret,
      { name: 'HMAC', hash: 'SHA-1' },
      false,
      ['sign'],
    );
    for (const [counter, [hmac]] of rfc4226Vectors.entries()) {
      const message = new Uint8Array(8);
      new DataView(message.buffer).setUint32(4, counter);
      const computed = new Uint8Array(await crypto.subtle.sign('HMAC', key, message));
      expect(computed).toEqual(fromHex(hmac));
    }
  });

  it('reads the four bytes at the offset from a 32-byte SHA-256 HMAC, masking the top bit', () => {
    const hmac = new Uint8Array(32).fill(0xff);
    hmac[31] = 0x0f; // offset 15: bytes 15..18
    expect(hotpTruncate(hmac)).toBe(0x7fffffff);
    hmac.fill(0);
    hmac[31] = 0x03;
    hmac.set([0x81, 0x02, 0x03, 0x04], 3);
    expect(hotpTruncate(hmac)).toBe(0x01020304);
  });
});
