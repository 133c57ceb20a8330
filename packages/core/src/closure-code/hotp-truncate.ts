/**
 * HOTP dynamic truncation (RFC 4226 §5.3): the low four bits of the last byte of an HMAC pick
 * an offset, and the 31 bits read from there, big-endian, are the result. Works for an HMAC of
 * any hash of at least 20 bytes (SHA-1, SHA-256, ...).
 */
export function hotpTruncate(hmac: Uint8Array): number {
  const offset = hmac[hmac.length - 1]! & 0x0f;
  return (
    ((hmac[offset]! & 0x7f) << 24) |
    (hmac[offset + 1]! << 16) |
    (hmac[offset + 2]! << 8) |
    hmac[offset + 3]!
  );
}
