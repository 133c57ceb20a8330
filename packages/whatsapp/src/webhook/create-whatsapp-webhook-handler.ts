import {
  defaultTaxonomy,
  type IntakePort,
  isBalaghError,
  problemResponse,
  type Taxonomy,
} from '@balagh/core';
import {
  advanceConversation,
  type ConversationContext,
  conversationExpiresAt,
} from '../conversation/advance-conversation.js';
import {
  type ConversationState,
  conversationStateSchema,
} from '../conversation/conversation-state.js';
import type { OutgoingMessage } from '../outgoing/outgoing-message.js';
import { type WhatsAppLanguage, whatsAppLanguages } from '../prompts/whatsapp-languages.js';
import type { WhatsAppMediaDownloader, WhatsAppMessageSender } from '../send/whatsapp-sender.js';
import type {
  ConversationStore,
  CustomerServiceWindowStore,
  MessageDedupeStore,
} from '../stores/conversation-store.js';
import { createMemoryConversationStore } from '../stores/create-memory-conversation-store.js';
import { constantTimeEqual } from './constant-time-equal.js';
import type { InboundMessage, InboundStatus } from './inbound-message.js';
import { parseWebhookPayload } from './parse-webhook-payload.js';

import { runConversationEffect } from './run-conversation-effect.js';
import { verifyWebhookSignature } from './verify-webhook-signature.js';

/** Options of {@link createWhatsAppWebhookHandler}. */
export interface WhatsAppWebhookHandlerOptions {
  /** The Meta app's secret: every POST must be signed with it (`X-Hub-Signature-256`). */
  readonly appSecret: string;
  /** The token typed in the app dashboard when subscribing the webhook (GET handshake). */
  readonly verifyToken: string;
  /** Where reports go: the server in-process, or `@balagh/client` beside it. */
  readonly intake: IntakePort;
  /** Sends the replies (`createWhatsAppSender`). */
  readonly sender: WhatsAppMessageSender;
  /** Keeps each reporter's conversation between messages and across restarts. */
  readonly conversations: ConversationStore;
  /** The categories offered: the intake service's own taxonomy. Default: core's `defaultTaxonomy`. */
  readonly taxonomy?: Taxonomy;
  /**
   * Downloads the photos reporters send. Default: the sender, when it can (`createWhatsAppSender`
   * does); without one, the photo step is left out.
   */
  readonly mediaDownloader?: WhatsAppMediaDownloader;
  /** Current time in epoch milliseconds; default `Date.now`. */
  readonly clock?: () => number;
  /** The languages offered, the default first; default all six: ar, en, ur, hi, id, ms. */
  readonly languages?: readonly WhatsAppLanguage[];
  /** Silence after which an unfinished report is discarded; default 30 minutes. */
  readonly conversationTimeoutMs?: number;
  /**
   * Remembers handled message ids, so a redelivered webhook changes nothing. Default: the
   * conversation store when it implements `markSeen`, else one in this process's memory.
   */
  readonly dedupe?: MessageDedupeStore;
  /** Records when each reporter last wrote, for the notifier's customer-service window. */
  readonly windowStore?: CustomerServiceWindowStore;
  /** Only messages to this business phone number id are answered; default: any. */
  readonly phoneNumberId?: string;
  /**
   * Also answer a confirmed closure or a reopening in the chat. Default `false`: the intake
   * service tells the reporter itself, through its outbox and the WhatsApp notifier.
   */
  readonly acknowledgeSuccess?: boolean;
  /** IANA time zone of the dates shown to reporters; default `Asia/Riyadh`. */
  readonly timeZone?: string;
  /** Receives each delivery status of a message Balagh sent; a throw answers 500 so Meta retries. */
  readonly onStatus?: (status: InboundStatus) => void | Promise<void>;
  /** Told of unexpected failures (the intake down, a reply refused); never given personal data by the handler. */
  readonly onError?: (error: unknown) => void;
  /**
   * Lets the work of a call finish after the `200` (Cloudflare's `ctx.waitUntil`, or any
   * function that keeps a promise alive): Meta then gets its answer at once, whatever the
   * intake service's latency. Without it the handler answers when the work is done.
   */
  readonly waitUntil?: (work: Promise<unknown>) => void;
  /** Largest body accepted, in bytes; default 1 MiB. */
  readonly maxBodyBytes?: number;
}

/** The default silence after which an unfinished report is discarded: 30 minutes. */
export const defaultConversationTimeoutMs = 30 * 60 * 1000;

function hasMarkSeen(store: ConversationStore): store is ConversationStore & MessageDedupeStore {
  return typeof (store as Partial<MessageDedupeStore>).markSeen === 'function';
}

function isMediaDownloader(value: unknown): value is WhatsAppMediaDownloader {
  return typeof (value as Partial<WhatsAppMediaDownloader>).downloadMedia === 'function';
}

/**
 * Creates the WhatsApp Cloud API webhook handler, a web-standard `(Request) => Promise<Response>`
 * that any framework can mount (the intake server mounts it at `/webhooks/whatsapp`).
 *
 * - `GET`: the subscription handshake — answers `hub.challenge` when `hub.mode` is `subscribe`
 *   and `hub.verify_token` matches, `403` otherwise.
 * - `POST`: the body is read once as bytes and its `X-Hub-Signature-256` checked over exactly
 *   those bytes; a missing or wrong signature answers `403` problem+json `INVALID_SIGNATURE`
 *   and changes nothing. Each message is then handled once (deduplicated by message id, since
 *   Meta redelivers for days), in order per reporter, through the conversation
 *   (`advanceConversation`), whose state lives in `conversations`; delivery statuses go to
 *   `onStatus`. Reports are submitted with an idempotency key derived from the id of the
 *   message that started them, so no retry makes a second report. A reporter known only by a
 *   business-scoped user id is served like any other, without a phone.
 *
 * Answers `200` once the work is done (or at once, with `waitUntil`), `400` to an authentic
 * body that is not JSON, `405` to other methods and `413` to bodies over `maxBodyBytes`.
 *
 * @example
 * ```ts
 * const sender = createWhatsAppSender({ phoneNumberId, accessToken });
 * const handler = createWhatsAppWebhookHandler({
 *   appSecret: process.env.WHATSAPP_APP_SECRET!,
 *   verifyToken: process.env.WHATSAPP_VERIFY_TOKEN!,
 *   intake,
 *   sender,
 *   conversations: createMemoryConversationStore(),
 * });
 * app.all('/webhooks/whatsapp', (context) => handler(context.req.raw));
 * ```
 */
export function createWhatsAppWebhookHandler(
  options: WhatsAppWebhookHandlerOptions,
): (request: Request) => Promise<Response> {
  const { intake, sender, conversations } = options;
  const clock = options.clock ?? Date.now;
  const taxonomy = options.taxonomy ?? defaultTaxonomy;
  const languages = options.languages?.length ? options.languages : whatsAppLanguages;
  const timeoutMs = options.conversationTimeoutMs ?? defaultConversationTimeoutMs;
  const dedupe =
    options.dedupe ??
    (hasMarkSeen(conversations) ? conversations : createMemoryConversationStore({ clock }));
  const mediaDownloader =
    options.mediaDownloader ?? (isMediaDownloader(sender) ? sender : undefined);
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const userQueues = new Map<string, Promise<void>>();

  function reportError(error: unknown): void {
    try {
      options.onError?.(error);
    } catch {
      // A failing error reporter must not turn a handled call into a failed one.
    }
  }

  function context(): ConversationContext {
    return {
      now: clock(),
      taxonomy,
      languages,
      timeoutMs,
      photos: mediaDownloader !== undefined,
      acknowledgeSuccess: options.acknowledgeSuccess ?? false,
      ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    };
  }

  async function loadState(key: string): Promise<ConversationState | undefined> {
    const stored = await conversations.get(key);
    if (stored === undefined || stored === null) return undefined;
    const parsed = conversationStateSchema.safeParse(stored);
    return parsed.success ? parsed.data : undefined;
  }

  async function send(message: InboundMessage, replies: readonly OutgoingMessage[]): Promise<void> {
    const to = {
      ...(message.from.waId === undefined ? {} : { phone: message.from.waId }),
      ...(message.from.userId === undefined ? {} : { userId: message.from.userId }),
    };
    for (const reply of replies) {
      try {
        await sender.send(to, reply);
      } catch (error) {
        reportError(error);
      }
    }
  }

  async function handleMessage(message: InboundMessage): Promise<void> {
    if (!(await dedupe.markSeen(message.id))) return;
    const key = message.from.whatsappUserId;
    if (options.windowStore !== undefined) {
      try {
        await options.windowStore.recordInbound(key, Math.min(message.timestamp, clock()));
      } catch (error) {
        reportError(error);
      }
    }
    const stored = await loadState(key);
    let turn = advanceConversation(stored, { type: 'message', message }, context());
    const replies = [...turn.replies];
    // Effects chain at most a few times (an upload, then nothing); the bound guards a bug.
    for (let effects = 0; turn.effect !== undefined && effects < 4; effects += 1) {
      const result = await runConversationEffect(turn.effect, message.from, {
        intake,
        mediaDownloader,
        reportError,
      });
      turn = advanceConversation(turn.state, { type: 'effect_result', result }, context());
      replies.push(...turn.replies);
    }
    if (turn.state === undefined) await conversations.delete(key);
    else if (turn.state !== stored) {
      await conversations.put(key, turn.state, conversationExpiresAt(turn.state, timeoutMs));
    }
    await send(message, replies);
  }

  /** Runs a reporter's messages one after another, even across concurrent webhook calls. */
  function inOrder(key: string, work: () => Promise<void>): Promise<void> {
    const previous = userQueues.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    userQueues.set(key, settled);
    void settled.then(() => {
      if (userQueues.get(key) === settled) userQueues.delete(key);
    });
    return next;
  }

  async function process(
    messages: readonly InboundMessage[],
    statuses: readonly InboundStatus[],
  ): Promise<void> {
    const byReporter = new Map<string, InboundMessage[]>();
    const ordered = [...messages].sort((a, b) => a.timestamp - b.timestamp);
    for (const message of ordered) {
      if (options.phoneNumberId !== undefined && message.phoneNumberId !== options.phoneNumberId)
        continue;
      const key = message.from.whatsappUserId;
      byReporter.set(key, [...(byReporter.get(key) ?? []), message]);
    }
    await Promise.all(
      [...byReporter].map(([key, reporterMessages]) =>
        inOrder(key, async () => {
          for (const message of reporterMessages) {
            try {
              await handleMessage(message);
            } catch (error) {
              reportError(error);
            }
          }
        }),
      ),
    );
    for (const status of statuses) {
      if (options.phoneNumberId !== undefined && status.phoneNumberId !== options.phoneNumberId)
        continue;
      await options.onStatus?.(status);
    }
  }

  function verifySubscription(request: Request): Response {
    const parameters = new URL(request.url).searchParams;
    const challenge = parameters.get('hub.challenge') ?? '';
    if (
      parameters.get('hub.mode') === 'subscribe' &&
      options.verifyToken !== '' &&
      constantTimeEqual(parameters.get('hub.verify_token') ?? '', options.verifyToken) &&
      challenge !== ''
    ) {
      return new Response(challenge, {
        status: 200,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    }
    return problemResponse(403, 'FORBIDDEN', 'Forbidden', 'The verify token does not match.');
  }

  return async function handleWhatsAppWebhook(request: Request): Promise<Response> {
    if (request.method === 'GET') return verifySubscription(request);
    if (request.method !== 'POST') {
      return problemResponse(
        405,
        'METHOD_NOT_ALLOWED',
        'Method not allowed',
        'WhatsApp webhooks are GET or POST.',
      );
    }
    const declaredLength = Number(request.headers.get('content-length') ?? '0');
    if (declaredLength > maxBodyBytes) {
      return problemResponse(413, 'PAYLOAD_TOO_LARGE', 'Payload too large');
    }
    // The signature covers the bytes as sent: read them once and never re-serialise.
    const body = new Uint8Array(await request.arrayBuffer());
    if (body.byteLength > maxBodyBytes)
      return problemResponse(413, 'PAYLOAD_TOO_LARGE', 'Payload too large');
    if (
      !(await verifyWebhookSignature(
        options.appSecret,
        body,
        request.headers.get('x-hub-signature-256'),
      ))
    ) {
      return problemResponse(
        403,
        'INVALID_SIGNATURE',
        'Invalid signature',
        'X-Hub-Signature-256 is missing or wrong.',
      );
    }

    let payload: ReturnType<typeof parseWebhookPayload>;
    try {
      payload = parseWebhookPayload(
        JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body)),
      );
    } catch (error) {
      if (
        error instanceof SyntaxError ||
        error instanceof TypeError ||
        isBalaghError(error, 'VALIDATION_FAILED')
      ) {
        return problemResponse(
          400,
          'VALIDATION_FAILED',
          'Invalid webhook call',
          'The body is not a WhatsApp webhook payload.',
        );
      }
      throw error;
    }

    const work = process(payload.messages, payload.statuses);
    if (options.waitUntil !== undefined) {
      options.waitUntil(work.catch(reportError));
      return new Response(null, { status: 200 });
    }
    try {
      await work;
    } catch (error) {
      reportError(error);
      return problemResponse(
        500,
        'INTERNAL',
        'Internal error',
        'The webhook call could not be handled.',
      );
    }
    return new Response(null, { status: 200 });
  };
}
