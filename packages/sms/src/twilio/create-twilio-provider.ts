import { BalaghError, ValidationError } from '@balagh/core';
import { acceptedSendResult } from '../provider/accepted-send-result.js';
import { asRecord } from '../provider/as-record.js';
import { callProvider } from '../provider/call-provider.js';
import type { RefusalRule } from '../provider/classify-refusal.js';
import { providerUrl } from '../provider/provider-url.js';
import { refusedAnswer } from '../provider/refused-answer.js';
import { requireOptions } from '../provider/require-options.js';
import { signedUrl } from '../provider/signed-url.js';
import type {
  DeliveryReceipt,
  DeliveryStatus,
  InboundSms,
  SmsProvider,
  SmsWebhookOptions,
} from '../provider/sms-provider.js';
import { verifyTwilioSignature } from './twilio-signature.js';

/** Options of {@link createTwilioProvider}. */
export interface TwilioProviderOptions {
  /** The account SID, `AC…`. */
  readonly accountSid: string;
  /**
   * The account's auth token. It checks every webhook signature, and authenticates API calls
   * unless `apiKey` is given. Secret.
   */
  readonly authToken: string;
  /** An API key to authenticate API calls with instead of the auth token (recommended). */
  readonly apiKey?: { readonly sid: string; readonly secret: string };
  /**
   * Default sender: a Twilio number in E.164, or an alphanumeric sender ID where the
   * destination country allows it (replies need a number). One of `from` and
   * `messagingServiceSid` is required.
   */
  readonly from?: string;
  /** A Messaging Service (`MG…`) that picks the sender; used when no `from` is given. */
  readonly messagingServiceSid?: string;
  /** URL Twilio posts status callbacks (delivery receipts) to: the SMS webhook's public URL. */
  readonly statusCallbackUrl?: string;
  /** API origin; default `https://api.twilio.com`. */
  readonly baseUrl?: string;
  /** Milliseconds before a send is given up as timed out; default 10 000. */
  readonly timeoutMs?: number;
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: typeof fetch;
  /** Current time in epoch milliseconds (receipt times); default `Date.now`. */
  readonly clock?: () => number;
}

const provider = 'twilio';
const label = 'Twilio';

/**
 * Why Twilio refuses a message and whether to retry, by HTTP status or Twilio error code
 * (https://www.twilio.com/docs/api/errors), first match first; other refusals are classified by
 * HTTP status (5xx retry, other 4xx not).
 */
const refusalRules: readonly RefusalRule[] = [
  {
    reason: 'authentication',
    retryable: false,
    statuses: [401, 403],
    codes: ['20003', '20005', '20008'],
  },
  // The codes that say "slow down".
  { reason: 'throttled', retryable: true, statuses: [429], codes: ['14107', '20429', '30001'] },
  {
    reason: 'invalid_number',
    retryable: false,
    codes: ['21211', '21214', '21217', '21401', '21612', '21614'],
  },
  { reason: 'blocked', retryable: false, codes: ['21408', '21610', '30004', '30007'] },
];

const statusByTwilioStatus: Readonly<Record<string, DeliveryStatus>> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'failed',
};

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/**
 * Creates the Twilio adapter: sends through the Messages API
 * (`POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded, HTTP basic auth) and
 * reads Twilio's status callbacks and inbound messages, each checked against its
 * `X-Twilio-Signature` ({@link verifyTwilioSignature}). Twilio numbers receive replies, so this
 * is the adapter for two-way SMS; replies to inbound messages go back as TwiML in the webhook
 * response.
 *
 * Twilio's Messages API has no idempotency key: a send that timed out after Twilio took it can
 * be delivered twice when the outbox retries. Error codes 14107, 20429 and 30001 and HTTP 429
 * and 5xx are retryable; an invalid or unreachable number (21211, 21614...), an opted-out or
 * filtered one (21610, 30007...) and authentication failures are not.
 *
 * @throws `ValidationError` when the account SID, auth token or sender is missing.
 * @example
 * ```ts
 * const provider = createTwilioProvider({
 *   accountSid: process.env.TWILIO_ACCOUNT_SID!,
 *   authToken: process.env.TWILIO_AUTH_TOKEN!,
 *   from: '+14155552345',
 *   statusCallbackUrl: 'https://balagh.example.org/webhooks/sms/twilio',
 * });
 * await provider.send({ to: '+966512345678', body: 'Report 1448-000123-7 received.', idempotencyKey: 'n-1' });
 * ```
 */
export function createTwilioProvider(options: TwilioProviderOptions): SmsProvider {
  requireOptions(
    label,
    { accountSid: options.accountSid, authToken: options.authToken },
    options.from?.trim() || options.messagingServiceSid?.trim()
      ? []
      : [{ path: 'from', code: 'custom', message: 'from or messagingServiceSid is required' }],
  );
  const endpoint = providerUrl(
    options.baseUrl,
    'https://api.twilio.com',
    `/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`,
  );
  const username = options.apiKey?.sid ?? options.accountSid;
  const password = options.apiKey?.secret ?? options.authToken;
  const authorization = `Basic ${btoa(`${username}:${password}`)}`;
  const clock = options.clock ?? Date.now;

  async function readSignedForm(request: Request, webhook: SmsWebhookOptions | undefined) {
    const body = await request.text();
    const parameters = new URLSearchParams(body);
    const valid = await verifyTwilioSignature(
      options.authToken,
      signedUrl(request, webhook?.publicUrl),
      parameters,
      request.headers.get('x-twilio-signature'),
    );
    if (!valid) {
      throw new BalaghError(
        'INVALID_SIGNATURE',
        'The X-Twilio-Signature header is missing or does not match this request.',
        { details: { provider } },
      );
    }
    return parameters;
  }

  return {
    name: provider,

    async send(message, sendOptions = {}) {
      const form = new URLSearchParams({ To: message.to, Body: message.body });
      const sender = message.senderId ?? options.from;
      if (sender !== undefined && sender !== '') form.set('From', sender);
      else form.set('MessagingServiceSid', options.messagingServiceSid ?? '');
      if (options.statusCallbackUrl !== undefined)
        form.set('StatusCallback', options.statusCallbackUrl);

      const answer = await callProvider({
        provider,
        url: endpoint,
        body: form,
        headers: { authorization, accept: 'application/json' },
        timeoutMs: options.timeoutMs,
        signal: sendOptions.signal,
        fetch: options.fetch,
      });
      const body = asRecord(answer.body);
      if (answer.status >= 200 && answer.status < 300) {
        return acceptedSendResult({
          provider,
          label,
          status: answer.status,
          // A message SID is a string: anything else is no SID.
          messageId: typeof body.sid === 'string' ? body.sid : undefined,
          messageIdName: 'message SID',
          segments: body.num_segments,
        });
      }
      throw refusedAnswer({
        provider,
        answer,
        providerCode: body.code === undefined || body.code === null ? undefined : String(body.code),
        rules: refusalRules,
        now: clock(),
      });
    },

    async parseDeliveryReceipt(request, webhook) {
      const parameters = await readSignedForm(request, webhook);
      const messageSid = parameters.get('MessageSid') ?? parameters.get('SmsSid');
      const twilioStatus = (parameters.get('MessageStatus') ?? '').toLowerCase();
      if (
        !messageSid ||
        twilioStatus === '' ||
        twilioStatus === 'received' ||
        twilioStatus === 'receiving'
      ) {
        return [];
      }
      const status = statusByTwilioStatus[twilioStatus];
      if (status === undefined) {
        throw new ValidationError('Unknown Twilio message status.', [
          {
            path: 'MessageStatus',
            code: 'invalid_value',
            message: `unknown status ${twilioStatus}`,
          },
        ]);
      }
      const errorCode = parameters.get('ErrorCode');
      const receipt: DeliveryReceipt = {
        providerMessageId: messageSid,
        status,
        at: new Date(clock()).toISOString(),
        ...(errorCode ? { errorCode } : {}),
      };
      return [receipt];
    },

    async parseInbound(request, webhook) {
      const parameters = await readSignedForm(request, webhook);
      const status = (
        parameters.get('MessageStatus') ??
        parameters.get('SmsStatus') ??
        'received'
      ).toLowerCase();
      const text = parameters.get('Body');
      const from = parameters.get('From');
      const to = parameters.get('To');
      const messageSid = parameters.get('MessageSid') ?? parameters.get('SmsMessageSid');
      if (status !== 'received' || text === null) return undefined;
      if (!from || !to || !messageSid) {
        throw new ValidationError('Incomplete Twilio inbound message.', [
          { path: '', code: 'invalid_type', message: 'From, To and MessageSid are required' },
        ]);
      }
      const inbound: InboundSms = { from, to, text, providerMessageId: messageSid };
      return inbound;
    },

    webhookResponse(reply) {
      const twiml =
        reply === undefined || reply === ''
          ? '<?xml version="1.0" encoding="UTF-8"?><Response/>'
          : `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${escapeXml(reply)}</Message></Response>`;
      return new Response(twiml, {
        status: 200,
        headers: { 'content-type': 'text/xml; charset=utf-8' },
      });
    },
  };
}
