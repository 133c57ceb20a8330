import { NotificationError, ValidationError } from '@balagh/core';
import ky, { TimeoutError } from 'ky';
import * as z from 'zod/mini';
import { graphApiFailure } from './graph-api-failure.js';
import { toGraphMessage } from './to-graph-message.js';
import type { DownloadedMedia, WhatsAppSender, WhatsAppSendResult } from './whatsapp-sender.js';

/** Options of {@link createWhatsAppSender}. */
export interface WhatsAppSenderOptions {
  /** The business phone number's id in the Cloud API (not the number itself). */
  readonly phoneNumberId: string;
  /** A system user's access token with `whatsapp_business_messaging`. */
  readonly accessToken: string;
  /** Graph API version; default `v23.0`. */
  readonly apiVersion?: string;
  /** Graph API origin; default `https://graph.facebook.com`. */
  readonly baseUrl?: string;
  /** The `fetch` to use (tests, proxies); default the global one. */
  readonly fetch?: typeof globalThis.fetch;
  /** Time allowed for one call, in milliseconds; default 15 000. */
  readonly timeoutMs?: number;
  /** Largest media accepted, in bytes; default 16 MiB (WhatsApp's limit for media). */
  readonly maxMediaBytes?: number;
}

/** The Graph API version used when none is given. */
export const defaultGraphApiVersion = 'v23.0';

const sendResponseSchema = z.object({
  contacts: z.optional(
    z.array(
      z.object({
        input: z.optional(z.string()),
        wa_id: z.optional(z.string()),
        user_id: z.optional(z.string()),
      }),
    ),
  ),
  messages: z.array(z.object({ id: z.string().check(z.minLength(1)) })).check(z.minLength(1)),
});

const mediaResponseSchema = z.object({
  url: z.string().check(z.minLength(1)),
  mime_type: z.string(),
  sha256: z.optional(z.string()),
  file_size: z.optional(z.union([z.number(), z.string()])),
});

async function readJson(response: Response): Promise<unknown> {
  const body = await response.text();
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Creates the WhatsApp Cloud API client Balagh sends with (on ky): text, interactive list and
 * reply-button messages, approved templates, and media downloads (`GET /{media-id}` for the
 * URL, then the URL with the token). Every message is checked against WhatsApp's limits
 * before it leaves. Failures are core's `NotificationError`s: retryable for rate limits
 * (130429, 131048, 131056), Meta's temporary errors, 5xx, timeouts and network errors;
 * permanent for an unreachable reporter (131026), a closed customer-service window (131047),
 * an invalid parameter (100) and the like, with the Graph code in `details.graphErrorCode`.
 * No retries here: the outbox retries with backoff.
 *
 * @example
 * ```ts
 * const sender = createWhatsAppSender({ phoneNumberId: '106540352242922', accessToken: process.env.WHATSAPP_TOKEN! });
 * await sender.sendText({ phone: '+966512345678' }, 'مرحباً');
 * ```
 */
export function createWhatsAppSender(options: WhatsAppSenderOptions): WhatsAppSender {
  const base = `${(options.baseUrl ?? 'https://graph.facebook.com').replace(/\/+$/, '')}/${options.apiVersion ?? defaultGraphApiVersion}`;
  const maxMediaBytes = options.maxMediaBytes ?? 16 * 1024 * 1024;
  const client = ky.create({
    headers: { authorization: `Bearer ${options.accessToken}` },
    timeout: options.timeoutMs ?? 15_000,
    retry: 0,
    throwHttpErrors: false,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });

  async function call(
    run: () => Promise<Response>,
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    try {
      return await run();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const timedOut = error instanceof TimeoutError;
      throw new NotificationError(
        timedOut
          ? 'The WhatsApp Cloud API did not answer in time.'
          : 'The WhatsApp Cloud API could not be reached.',
        { retryable: true, cause: error, details: { reason: timedOut ? 'timeout' : 'network' } },
      );
    }
  }

  const sender: WhatsAppSender = {
    async send(to, message, sendOptions = {}) {
      const json = toGraphMessage(to, message);
      const signal = sendOptions.signal;
      const response = await call(
        () =>
          client.post(`${base}/${encodeURIComponent(options.phoneNumberId)}/messages`, {
            json,
            ...(signal === undefined ? {} : { signal }),
          }),
        signal,
      );
      const body = await readJson(response);
      if (!response.ok)
        throw graphApiFailure(response.status, body, response.headers.get('retry-after'));
      const parsed = sendResponseSchema.safeParse(body);
      if (!parsed.success) {
        throw new NotificationError(
          'The WhatsApp Cloud API accepted the message but its answer could not be read.',
          {
            retryable: false,
            details: { httpStatus: response.status },
          },
        );
      }
      const contact = parsed.data.contacts?.[0];
      const result: WhatsAppSendResult = {
        messageId: parsed.data.messages[0]!.id,
        ...(contact?.wa_id === undefined ? {} : { waId: contact.wa_id }),
        ...(contact?.user_id === undefined ? {} : { userId: contact.user_id }),
      };
      return result;
    },

    sendText(to, body, textOptions = {}) {
      return sender.send(
        to,
        {
          type: 'text',
          body,
          ...(textOptions.previewUrl === undefined ? {} : { previewUrl: textOptions.previewUrl }),
        },
        textOptions.signal === undefined ? {} : { signal: textOptions.signal },
      );
    },

    sendTemplate(to, template, templateOptions = {}) {
      return sender.send(
        to,
        {
          type: 'template',
          name: template.name,
          languageCode: template.languageCode,
          bodyParameters: template.bodyParameters.map((parameter) =>
            typeof parameter === 'string' ? { text: parameter } : parameter,
          ),
        },
        templateOptions,
      );
    },

    async downloadMedia(mediaId, downloadOptions = {}): Promise<DownloadedMedia> {
      if (!/^[A-Za-z0-9_-]{1,128}$/.test(mediaId)) {
        throw new ValidationError('Not a WhatsApp media id.', [
          { path: 'mediaId', code: 'invalid_format', message: 'must be the id from the webhook' },
        ]);
      }
      const signal = downloadOptions.signal;
      const withSignal = signal === undefined ? {} : { signal };
      const metadataResponse = await call(
        () => client.get(`${base}/${mediaId}`, withSignal),
        signal,
      );
      const metadataBody = await readJson(metadataResponse);
      if (!metadataResponse.ok) throw graphApiFailure(metadataResponse.status, metadataBody);
      const metadata = mediaResponseSchema.safeParse(metadataBody);
      if (!metadata.success) {
        throw new NotificationError('The WhatsApp media metadata could not be read.', {
          retryable: false,
        });
      }
      const announcedSize =
        metadata.data.file_size === undefined ? undefined : Number(metadata.data.file_size);
      if (announcedSize !== undefined && announcedSize > maxMediaBytes) {
        throw new NotificationError('The WhatsApp media is too large.', {
          retryable: false,
          details: { byteSize: announcedSize, maxBytes: maxMediaBytes },
        });
      }

      const mediaResponse = await call(() => client.get(metadata.data.url, withSignal), signal);
      if (!mediaResponse.ok)
        throw graphApiFailure(mediaResponse.status, await readJson(mediaResponse));
      const bytes = new Uint8Array(await mediaResponse.arrayBuffer());
      if (
        bytes.byteLength > maxMediaBytes ||
        (announcedSize !== undefined && bytes.byteLength !== announcedSize)
      ) {
        throw new NotificationError('The WhatsApp media does not have the size announced.', {
          retryable: true,
          details: { byteSize: bytes.byteLength },
        });
      }
      const announcedHash = metadata.data.sha256;
      if (announcedHash !== undefined && announcedHash !== '') {
        const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
        // The media API prints the hash in hex; the webhook's copy of it is base64.
        if (
          announcedHash.toLowerCase() !== bytesToHex(digest) &&
          announcedHash !== bytesToBase64(digest)
        ) {
          throw new NotificationError('The WhatsApp media does not match its hash.', {
            retryable: true,
          });
        }
      }
      return { bytes, contentType: metadata.data.mime_type.split(';')[0]!.trim().toLowerCase() };
    },
  };
  return sender;
}
