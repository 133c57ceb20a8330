const encoder = new TextEncoder();
const signaturePattern = /^sha256=([0-9a-f]{64})$/i;

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index += 1) {
    bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  }
  return bytes;
}

function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function hmacKey(appSecret: string, usage: KeyUsage): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey(
    'raw',
    encoder.encode(appSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    [usage],
  );
}

/**
 * Computes the `X-Hub-Signature-256` header value Meta sends with a webhook call:
 * `sha256=` and the hex HMAC-SHA256 of the raw body bytes under the app secret. For tests and
 * for replaying captured calls; {@link verifyWebhookSignature} checks one.
 *
 * @example
 * ```ts
 * const body = new TextEncoder().encode('{"object":"whatsapp_business_account","entry":[]}');
 * const header = await computeWebhookSignature('app-secret', body); // 'sha256=…'
 * ```
 */
export async function computeWebhookSignature(
  appSecret: string,
  body: Uint8Array<ArrayBuffer>,
): Promise<string> {
  const key = await hmacKey(appSecret, 'sign');
  const mac = await globalThis.crypto.subtle.sign('HMAC', key, body);
  return `sha256=${bytesToHex(new Uint8Array(mac))}`;
}

/**
 * Checks Meta's `X-Hub-Signature-256` header against the body bytes exactly as received: the
 * HMAC is over the raw bytes, so the body must never be decoded and re-serialised first (JSON
 * with `\u0627`-escaped Arabic would serialise differently and fail). The comparison is
 * WebCrypto's `verify`, which takes the same time whatever the bytes.
 *
 * @returns `false` for a missing, malformed or wrong signature.
 * @example
 * ```ts
 * const body = new Uint8Array(await request.arrayBuffer());
 * if (!(await verifyWebhookSignature(appSecret, body, request.headers.get('x-hub-signature-256')))) {
 *   return new Response(null, { status: 403 });
 * }
 * ```
 */
export async function verifyWebhookSignature(
  appSecret: string,
  body: Uint8Array<ArrayBuffer>,
  header: string | null | undefined,
): Promise<boolean> {
  const match = signaturePattern.exec(header?.trim() ?? '');
  const hex = match?.[1];
  if (hex === undefined || appSecret === '') return false;
  const key = await hmacKey(appSecret, 'verify');
  return globalThis.crypto.subtle.verify('HMAC', key, hexToBytes(hex.toLowerCase()), body);
}
