const encoder = new TextEncoder();
const canonicalBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** POST parameters of a Twilio webhook call: a parsed form, or names to one or more values. */
export type TwilioWebhookParameters =
  | URLSearchParams
  | Readonly<Record<string, string | readonly string[]>>;

function signedPayload(url: string, parameters: TwilioWebhookParameters): string {
  const entries: [string, string][] =
    parameters instanceof URLSearchParams
      ? [...parameters.entries()]
      : Object.entries(parameters).flatMap(([name, value]) =>
          typeof value === 'string'
            ? [[name, value] as [string, string]]
            : value.map((item) => [name, item] as [string, string]),
        );
  // Names sorted, and the values of a repeated name sorted too, as Twilio's own SDKs do.
  entries.sort(([leftName, leftValue], [rightName, rightValue]) =>
    leftName === rightName ? compare(leftValue, rightValue) : compare(leftName, rightName),
  );
  return url + entries.map(([name, value]) => name + value).join('');
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function importKey(authToken: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey(
    'raw',
    encoder.encode(authToken),
    { name: 'HMAC', hash: 'SHA-1' },
    false,
    [usage],
  );
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text === '' || !canonicalBase64.test(text)) return undefined;
  try {
    const binary = atob(text);
    return Uint8Array.from(binary, (character) => character.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/**
 * Computes the `X-Twilio-Signature` Twilio sends with a webhook call:
 * base64(HMAC-SHA1(auth token, the full URL followed by every POST parameter's name and value,
 * sorted by name)). WebCrypto only, so it runs in browsers, Node, Deno and workers.
 *
 * @example
 * ```ts
 * await computeTwilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', {
 *   CallSid: 'CA1234567890ABCDE', Caller: '+14158675309', Digits: '1234',
 *   From: '+14158675309', To: '+18005551212',
 * }); // 'RSOYDt4T1cUTdK1PDd93/VVr8B8='
 * ```
 */
export async function computeTwilioSignature(
  authToken: string,
  url: string,
  parameters: TwilioWebhookParameters,
): Promise<string> {
  const key = await importKey(authToken, 'sign');
  const signature = await globalThis.crypto.subtle.sign(
    'HMAC',
    key,
    encoder.encode(signedPayload(url, parameters)),
  );
  return toBase64(new Uint8Array(signature));
}

/** The URL with its default port written out, and without it: Twilio may have signed either. */
function urlVariants(url: string): string[] {
  const match = /^(https?):\/\/([^/?#]*)([\s\S]*)$/.exec(url);
  if (match === null) return [url];
  const [, scheme = '', authority = '', rest = ''] = match;
  const defaultPort = scheme === 'https' ? '443' : '80';
  const port = /:(\d+)$/.exec(authority)?.[1];
  if (port === undefined) return [url, `${scheme}://${authority}:${defaultPort}${rest}`];
  if (port !== defaultPort) return [url];
  return [url, `${scheme}://${authority.slice(0, -(port.length + 1))}${rest}`];
}

/**
 * Checks an `X-Twilio-Signature` against the URL Twilio called and the POST parameters, in
 * constant time (WebCrypto's HMAC verify). The URL is tried as given and with its default port
 * added or removed, since Twilio signs whichever form was configured.
 *
 * @returns `false` for a missing, malformed or wrong signature; never throws for a bad one.
 */
export async function verifyTwilioSignature(
  authToken: string,
  url: string,
  parameters: TwilioWebhookParameters,
  signature: string | null | undefined,
): Promise<boolean> {
  if (typeof signature !== 'string' || authToken === '') return false;
  const expected = fromBase64(signature.trim());
  if (expected === undefined) return false;
  const key = await importKey(authToken, 'verify');
  for (const candidate of urlVariants(url)) {
    const valid = await globalThis.crypto.subtle.verify(
      'HMAC',
      key,
      expected,
      encoder.encode(signedPayload(candidate, parameters)),
    );
    if (valid) return true;
  }
  return false;
}
