/** One SMS to send through an {@link SmsProvider}. */
export interface SmsMessage {
  /** Recipient in E.164 (`+966512345678`). Personal data: adapters never log it. */
  readonly to: string;
  /** The text, as the reporter will read it. */
  readonly body: string;
  /**
   * Stable across retries of the same notification. Adapters hand it to the provider where the
   * provider has a field for it (Unifonic's `CorrelationID`); see each adapter for what that buys.
   */
  readonly idempotencyKey: string;
  /** Alphanumeric sender ID or sending number for this message; default: the adapter's own. */
  readonly senderId?: string;
}

/** Options of {@link SmsProvider.send}. */
export interface SmsSendOptions {
  /** Cancels the request. */
  readonly signal?: AbortSignal;
}

/** What a provider answers when it accepted a message. */
export interface SmsSendResult {
  /** The provider's id of the message, which its delivery receipts carry. */
  readonly providerMessageId: string;
  /** Segments the provider says it billed, when it says so. */
  readonly segments?: number;
}

/** What happened to a sent message, as delivery receipts tell it. */
export const deliveryStatuses = ['queued', 'sent', 'delivered', 'failed', 'undelivered'] as const;

/**
 * One of {@link deliveryStatuses}: `queued` (accepted, not yet handed to a carrier), `sent`
 * (handed to the carrier), `delivered` (the handset received it), `failed` (never sent) or
 * `undelivered` (the carrier could not deliver it).
 */
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** A delivery receipt, in one shape for every provider. */
export interface DeliveryReceipt {
  /** The id {@link SmsProvider.send} answered. */
  readonly providerMessageId: string;
  readonly status: DeliveryStatus;
  /** The provider's or carrier's error code, for `failed` and `undelivered`. */
  readonly errorCode?: string;
  /** When the provider reported it (or, when it gives no time, when it reached us), ISO 8601 UTC. */
  readonly at: string;
}

/** A text message a reporter sent to one of our numbers. */
export interface InboundSms {
  /** Sender, E.164 as the provider gives it. Personal data. */
  readonly from: string;
  /** Our number that received it. */
  readonly to: string;
  /** What they wrote. */
  readonly text: string;
  /** The provider's id of the inbound message. */
  readonly providerMessageId: string;
}

/** Options of the webhook parsers of an {@link SmsProvider}. */
export interface SmsWebhookOptions {
  /**
   * The URL the provider calls, as configured at the provider. Behind a proxy or a load
   * balancer `request.url` is not what the provider signed; its path and origin are taken from
   * here, its query string from the request. Default: `request.url`.
   */
  readonly publicUrl?: string;
}

/**
 * An SMS provider: sends messages and reads its own webhooks. Adapters: Twilio
 * (`createTwilioProvider`), Unifonic (`createUnifonicProvider`), Taqnyat
 * (`createTaqnyatProvider`), and for development a local file (`createLocalFileProvider` from
 * `@balagh/sms/local`).
 *
 * Send failures are `NotificationError`s (core) whose `retryable` says whether the outbox should
 * try again: network errors, timeouts, HTTP 429 and 5xx and provider throttling are retryable;
 * an invalid or blocked number, a refused sender ID or bad credentials are not. No adapter puts a
 * phone number in an error message.
 */
export interface SmsProvider {
  /** Short name (`twilio`, `unifonic`, `taqnyat`, `local-file`), used in `deliveredVia`. */
  readonly name: string;

  /**
   * Sends one message.
   *
   * @throws `NotificationError` (core) with `retryable` set; `retryAfterMs` when the provider
   * said how long to wait.
   */
  send(message: SmsMessage, options?: SmsSendOptions): Promise<SmsSendResult>;

  /**
   * Reads the delivery receipt(s) of a webhook call, after checking that the provider sent it
   * (its signature, or a shared secret where the provider signs nothing). Answers an empty list
   * when the call is authentic but carries no receipt.
   *
   * @throws `BalaghError` `INVALID_SIGNATURE` when the call cannot be shown to come from the
   * provider; `VALIDATION_FAILED` when it is authentic but malformed.
   */
  parseDeliveryReceipt?(
    request: Request,
    options?: SmsWebhookOptions,
  ): Promise<readonly DeliveryReceipt[]>;

  /**
   * Reads an inbound message from a webhook call, after checking the provider's signature; only
   * providers that receive replies (two-way numbers) have it. Answers `undefined` when the call
   * is authentic but is not an inbound message (a delivery receipt, say).
   *
   * @throws `BalaghError` `INVALID_SIGNATURE`, `VALIDATION_FAILED` as for receipts.
   */
  parseInbound?(request: Request, options?: SmsWebhookOptions): Promise<InboundSms | undefined>;

  /**
   * The HTTP answer to a webhook call, carrying `reply` back to the sender when the provider
   * sends replies from its webhook response (Twilio's TwiML). Providers without it are answered
   * `200` with an empty body, and replies go out with {@link SmsProvider.send}.
   */
  webhookResponse?(reply?: string): Response;
}
