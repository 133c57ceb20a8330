import { readFileSync } from 'node:fs';

/** The names of the payloads published by WhatsApp, copied unchanged into test/fixtures. */
export type FixtureName =
  | 'whatsapp-image'
  | 'whatsapp-interactive-list-reply'
  | 'whatsapp-location'
  | 'whatsapp-send-list-request'
  | 'whatsapp-send-response'
  | 'whatsapp-status-failed'
  | 'whatsapp-status-sent'
  | 'whatsapp-text';

/** A fixture's bytes exactly as stored: what a signature must be computed over. */
export function fixtureBytes(name: FixtureName): Uint8Array<ArrayBuffer> {
  const buffer = readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url));
  return new Uint8Array(
    buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength),
  );
}

/** A fixture, parsed. */
export function fixture(name: FixtureName): unknown {
  return JSON.parse(new TextDecoder().decode(fixtureBytes(name)));
}
