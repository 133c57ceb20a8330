import { computeWebhookSignature } from '../../src/webhook/verify-webhook-signature.js';

/** The tests' Meta app secret. */
export const testAppSecret = 'test-app-secret-0123456789abcdef';

/** The tests' webhook verify token. */
export const testVerifyToken = 'balagh-verify-token';

/** The webhook URL as configured in the tests' Meta app. */
export const webhookUrl = 'https://balagh.example.org/webhooks/whatsapp';

/** Who writes in a test: a `wa_id`, a business-scoped id, or both. */
export interface TestReporter {
  readonly waId?: string;
  readonly userId?: string;
  readonly name?: string;
}

let counter = 0;

/** A fresh, unique WhatsApp message id. */
export function nextMessageId(): string {
  counter += 1;
  return `wamid.TEST${String(counter).padStart(6, '0')}=`;
}

/** The message kinds a test reporter sends. */
export type TestMessageContent =
  | { readonly text: string }
  | {
      readonly location: {
        readonly latitude: number;
        readonly longitude: number;
        readonly name?: string;
        readonly address?: string;
      };
    }
  | {
      readonly image: {
        readonly id: string;
        readonly mime_type?: string;
        readonly caption?: string;
      };
    }
  | { readonly listReply: string }
  | { readonly buttonReply: string }
  | { readonly sticker: true };

/** Builds one inbound message object as the Cloud API writes it. */
export function inboundMessage(
  reporter: TestReporter,
  content: TestMessageContent,
  options: { readonly id?: string; readonly timestamp?: number } = {},
): Record<string, unknown> {
  const base = {
    ...(reporter.waId === undefined ? {} : { from: reporter.waId }),
    ...(reporter.userId === undefined ? {} : { from_user_id: reporter.userId }),
    id: options.id ?? nextMessageId(),
    timestamp: String(options.timestamp ?? 1_795_000_000),
  };
  if ('text' in content) return { ...base, type: 'text', text: { body: content.text } };
  if ('location' in content) return { ...base, type: 'location', location: content.location };
  if ('image' in content)
    return { ...base, type: 'image', image: { mime_type: 'image/jpeg', ...content.image } };
  if ('listReply' in content) {
    return {
      ...base,
      type: 'interactive',
      interactive: { type: 'list_reply', list_reply: { id: content.listReply, title: 'x' } },
    };
  }
  if ('buttonReply' in content) {
    return {
      ...base,
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: content.buttonReply, title: 'x' } },
    };
  }
  return { ...base, type: 'sticker', sticker: { id: '1', mime_type: 'image/webp' } };
}

/** Wraps messages in the webhook envelope, with the reporter's contact. */
export function webhookPayload(
  reporter: TestReporter,
  messages: readonly Record<string, unknown>[],
): unknown {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
              contacts: [
                {
                  profile: { name: reporter.name ?? 'Test Reporter' },
                  ...(reporter.waId === undefined ? {} : { wa_id: reporter.waId }),
                  ...(reporter.userId === undefined ? {} : { user_id: reporter.userId }),
                },
              ],
              messages,
            },
          },
        ],
      },
    ],
  };
}

/** A webhook POST as Meta makes it: the given bytes, signed with the app secret. */
export async function signedRequest(
  body: string | Uint8Array<ArrayBuffer>,
  options: { readonly signature?: string | null; readonly appSecret?: string } = {},
): Promise<Request> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const signature =
    options.signature === undefined
      ? await computeWebhookSignature(options.appSecret ?? testAppSecret, bytes)
      : options.signature;
  return new Request(webhookUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature === null ? {} : { 'x-hub-signature-256': signature }),
    },
    body: bytes,
  });
}
