import {
  type ConfirmClosureResult,
  type IntakePort,
  isBalaghError,
  type Language,
  normalizePhone,
  problemResponse,
  type ReporterReportRef,
  renderMessage,
} from '@balagh/core';
import type { DeliveryReceipt, InboundSms, SmsProvider } from '../provider/sms-provider.js';
import { guessReplyLanguage } from '../replies/guess-reply-language.js';
import { parseReply } from '../replies/parse-reply.js';
import { renderSmsReply, type SmsReplyKind } from '../replies/sms-reply-texts.js';

/** Options of {@link createSmsWebhookHandler}. */
export interface SmsWebhookHandlerOptions {
  /** The provider whose webhook this is; its parsers check every call's signature or secret. */
  readonly provider: SmsProvider;
  /** Where closure confirmations and reopen requests go: the server in-process, or the client. */
  readonly intake: IntakePort;
  /**
   * This webhook's URL as configured at the provider (`https://balagh.example.org/webhooks/sms/twilio`):
   * Twilio signs the URL it calls, which a proxy in front of the service may have rewritten.
   */
  readonly publicUrl: string;
  /** Receives each delivery receipt, for example to record it; a throw makes the call fail (5xx) so the provider retries. */
  readonly onDeliveryReceipt?: (receipt: DeliveryReceipt, provider: string) => void | Promise<void>;
  /**
   * Also answer a successful confirmation or reopen (with the catalogue's short `closed` or
   * `reopened` message). Default `false`: the intake service tells the reporter itself, through
   * its outbox, and a second SMS would cost as much as the first.
   */
  readonly acknowledgeSuccess?: boolean;
  /** Language of answers when neither the report nor the reply tells; default `ar`. */
  readonly defaultLanguage?: Language;
  /** Told of unexpected failures (the intake down, a reply that could not be sent); never given a phone number. */
  readonly onError?: (error: unknown) => void;
}

/** Inbound message ids remembered to ignore a provider's redelivery of the same reply. */
const rememberedInboundMessages = 1000;

const noReportCodes = new Set([
  'REPORT_NOT_FOUND',
  'NOT_FOUND',
  'CLOSURE_CODE_NOT_ISSUED',
  'INVALID_TRANSITION',
]);

interface Answer {
  readonly kind?: SmsReplyKind;
  readonly text?: string;
}

function outcomeAnswer(result: ConfirmClosureResult, acknowledge: boolean): Answer {
  const language = result.report.language;
  switch (result.outcome) {
    case 'valid':
      return acknowledge
        ? {
            text: renderMessage(
              'closed',
              language,
              { number: result.report.number, closedHow: 'confirmed' },
              { form: 'short' },
            ),
          }
        : {};
    case 'invalid':
      return {
        text: renderSmsReply(
          'code_invalid',
          language,
          result.attemptsLeft === undefined ? {} : { attemptsLeft: result.attemptsLeft },
        ),
      };
    case 'malformed':
      return { text: renderSmsReply('code_malformed', language) };
    case 'expired':
      return { text: renderSmsReply('code_expired', language) };
    case 'locked':
      return { text: renderSmsReply('code_locked', language) };
  }
}

/** Maps an intake failure to what the reporter is told; `undefined` for an unexpected one. */
function failureAnswer(error: unknown): { kind: SmsReplyKind; attemptsLeft?: number } | undefined {
  if (!isBalaghError(error)) return undefined;
  if (noReportCodes.has(error.code)) return { kind: 'no_report' };
  switch (error.code) {
    case 'CLOSURE_CODE_INVALID': {
      const attemptsLeft = error.details.attemptsLeft;
      return typeof attemptsLeft === 'number'
        ? { kind: 'code_invalid', attemptsLeft }
        : { kind: 'code_invalid' };
    }
    case 'CLOSURE_CODE_MALFORMED':
      return { kind: 'code_malformed' };
    case 'CLOSURE_CODE_EXPIRED':
      return { kind: 'code_expired' };
    case 'CLOSURE_CODE_LOCKED':
      return { kind: 'code_locked' };
    default:
      return undefined;
  }
}

/**
 * Creates the SMS webhook handler, a web-standard `(Request) => Promise<Response>` that any
 * framework can mount (the intake server mounts it at `POST /webhooks/sms/{provider}`).
 *
 * Every call is first checked by the provider (Twilio's signature, or the shared secret of
 * providers that sign nothing): a missing or wrong one is answered `403` problem+json with code
 * `INVALID_SIGNATURE` and changes nothing. Delivery receipts go to `onDeliveryReceipt`. An inbound
 * reply (two-way numbers: Twilio) is read with {@link parseReply}: a closure code calls
 * `intake.confirmClosure({ contact: { phone } }, code)`, "not fixed" calls
 * `intake.reopenReport(...)`, and the reporter is answered in their report's language — a wrong,
 * mistyped, expired or locked code, no report awaiting their answer, details sent for a report
 * awaiting information (the port cannot take them; the reporter is pointed to the tracking
 * link), or a reply that was not understood each get a short explanation. The answer goes back
 * in the webhook response where the provider supports it (TwiML for Twilio: no extra API call,
 * from the number they wrote to), else with `provider.send`. A redelivered inbound message (same
 * provider id) is answered once.
 * Answers `405` to anything but POST, `400` (`VALIDATION_FAILED`) to an authentic but malformed
 * call, and `500` when `onDeliveryReceipt` throws, so the provider retries.
 *
 * @example
 * ```ts
 * const handler = createSmsWebhookHandler({
 *   provider: twilio,
 *   intake: service.forActor(smsChannelActor),
 *   publicUrl: 'https://balagh.example.org/webhooks/sms/twilio',
 *   onDeliveryReceipt: (receipt) => deliveries.record(receipt),
 * });
 * app.post('/webhooks/sms/twilio', (context) => handler(context.req.raw));
 * ```
 */
export function createSmsWebhookHandler(
  options: SmsWebhookHandlerOptions,
): (request: Request) => Promise<Response> {
  const { provider, intake } = options;
  const acknowledge = options.acknowledgeSuccess ?? false;
  const defaultLanguage = options.defaultLanguage ?? 'ar';
  const webhook = { publicUrl: options.publicUrl };
  const seenInbound = new Set<string>();

  function emptyResponse(): Response {
    return provider.webhookResponse?.() ?? new Response(null, { status: 200 });
  }

  function reportError(error: unknown): void {
    try {
      options.onError?.(error);
    } catch {
      // A failing error reporter must not turn a handled call into a failed one.
    }
  }

  async function answerFor(inbound: InboundSms): Promise<string | undefined> {
    const reply = parseReply(inbound.text);
    let phone = inbound.from;
    try {
      phone = normalizePhone(inbound.from);
    } catch {
      // Keep the number as the provider gave it: the intake service decides.
    }
    const ref: ReporterReportRef = {
      contact: { phone },
      ...(reply.intent !== 'unknown' && reply.number !== undefined ? { number: reply.number } : {}),
    };
    const fallbackLanguage = reply.language ?? guessReplyLanguage(inbound.text, defaultLanguage);
    const onFailure = (error: unknown): string => {
      const failure = failureAnswer(error);
      if (failure === undefined) reportError(error);
      return renderSmsReply(
        failure?.kind ?? 'unavailable',
        fallbackLanguage,
        failure?.attemptsLeft === undefined ? {} : { attemptsLeft: failure.attemptsLeft },
      );
    };

    switch (reply.intent) {
      case 'confirm': {
        try {
          return outcomeAnswer(await intake.confirmClosure(ref, reply.code), acknowledge).text;
        } catch (error) {
          return onFailure(error);
        }
      }
      case 'not_fixed': {
        try {
          const report = await intake.reopenReport(
            ref,
            'The reporter replied by SMS that it is not fixed.',
          );
          return acknowledge
            ? renderMessage(
                'reopened',
                report.language,
                { number: report.number },
                { form: 'short' },
              )
            : undefined;
        } catch (error) {
          return onFailure(error);
        }
      }
      case 'unknown': {
        let language = fallbackLanguage;
        try {
          const report = await intake.getReportStatus(ref);
          // A reporter asked for more information answers with it; the port cannot take it.
          if (report.status === 'awaiting_info')
            return renderSmsReply('add_details', report.language);
          language = report.language;
        } catch (error) {
          const failure = failureAnswer(error);
          if (failure === undefined) reportError(error);
          else if (failure.kind === 'no_report')
            return renderSmsReply('no_report', fallbackLanguage);
        }
        return renderSmsReply('unknown', language);
      }
    }
  }

  async function respondToInbound(inbound: InboundSms): Promise<Response> {
    if (seenInbound.has(inbound.providerMessageId)) return emptyResponse();
    seenInbound.add(inbound.providerMessageId);
    if (seenInbound.size > rememberedInboundMessages) {
      const oldest = seenInbound.values().next().value;
      if (oldest !== undefined) seenInbound.delete(oldest);
    }
    const text = await answerFor(inbound);
    if (text === undefined) return emptyResponse();
    if (provider.webhookResponse !== undefined) return provider.webhookResponse(text);
    try {
      await provider.send({
        to: inbound.from,
        body: text,
        idempotencyKey: `reply-${inbound.providerMessageId}`,
      });
    } catch (error) {
      reportError(error);
    }
    return new Response(null, { status: 200 });
  }

  return async function handleSmsWebhook(request: Request): Promise<Response> {
    if (request.method !== 'POST') {
      return problemResponse(
        405,
        'METHOD_NOT_ALLOWED',
        'Method not allowed',
        'SMS webhooks are POST only.',
      );
    }
    if (provider.parseInbound === undefined && provider.parseDeliveryReceipt === undefined) {
      return problemResponse(
        404,
        'NOT_FOUND',
        'No webhook',
        `The ${provider.name} provider has no webhooks.`,
      );
    }
    try {
      const inbound = await provider.parseInbound?.(request.clone(), webhook);
      if (inbound !== undefined) return await respondToInbound(inbound);
      const receipts = (await provider.parseDeliveryReceipt?.(request.clone(), webhook)) ?? [];
      for (const receipt of receipts) await options.onDeliveryReceipt?.(receipt, provider.name);
      return emptyResponse();
    } catch (error) {
      if (isBalaghError(error, 'INVALID_SIGNATURE')) {
        return problemResponse(403, 'INVALID_SIGNATURE', 'Invalid signature', error.message);
      }
      if (isBalaghError(error, 'VALIDATION_FAILED')) {
        return problemResponse(400, 'VALIDATION_FAILED', 'Invalid webhook call', error.message);
      }
      reportError(error);
      return problemResponse(
        500,
        'INTERNAL',
        'Internal error',
        'The webhook call could not be handled.',
      );
    }
  };
}
