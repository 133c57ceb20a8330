import {
  attachmentContentTypes,
  type IntakePort,
  isBalaghError,
  type ReporterReportRef,
} from '@balagh/core';
import type {
  ConversationEffect,
  ConversationEffectResult,
} from '../conversation/conversation-effect.js';
import type { WhatsAppMediaDownloader } from '../send/whatsapp-sender.js';
import type { InboundSender } from './inbound-message.js';

/** What running an effect needs. */
export interface EffectRunner {
  readonly intake: IntakePort;
  readonly mediaDownloader: WhatsAppMediaDownloader | undefined;
  /** Told of failures nobody expects (the intake down, a bug), never of a reporter's mistake. */
  readonly reportError: (error: unknown) => void;
}

/** Codes that answer a reporter's own mistake or situation: no one needs to be told of them. */
const expectedCodes = new Set([
  'REPORT_NOT_FOUND',
  'NOT_FOUND',
  'INVALID_REPORT_NUMBER',
  'INVALID_TRANSITION',
  'CLOSURE_CODE_INVALID',
  'CLOSURE_CODE_MALFORMED',
  'CLOSURE_CODE_EXPIRED',
  'CLOSURE_CODE_LOCKED',
  'CLOSURE_CODE_NOT_ISSUED',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
]);

/** Codes after which another of the reporter's contacts may still find the report. */
const tryNextContactCodes = new Set(['REPORT_NOT_FOUND', 'NOT_FOUND', 'CLOSURE_CODE_NOT_ISSUED']);

/**
 * The contacts a reporter may have reports under, most specific first: the id Balagh knows
 * them by on WhatsApp, their `wa_id` (reports made before WhatsApp sent business-scoped ids),
 * then their phone (reports made by SMS or the call centre).
 */
type Contact = Extract<ReporterReportRef, { readonly contact: unknown }>['contact'];

function contactsOf(from: InboundSender): Contact[] {
  const contacts: Contact[] = [{ whatsappUserId: from.whatsappUserId }];
  if (from.waId !== undefined && from.waId !== from.whatsappUserId)
    contacts.push({ whatsappUserId: from.waId });
  if (from.phone !== undefined) contacts.push({ phone: from.phone });
  return contacts;
}

async function withEachContact<T>(
  from: InboundSender,
  number: string | undefined,
  run: (ref: ReporterReportRef) => Promise<T>,
): Promise<T> {
  let lastError: unknown;
  for (const contact of contactsOf(from)) {
    try {
      return await run({ contact, ...(number === undefined ? {} : { number }) });
    } catch (error) {
      if (!isBalaghError(error) || !tryNextContactCodes.has(error.code)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

/**
 * Runs one effect of the conversation against the intake service (and WhatsApp's media API for
 * photos) and returns its outcome; never throws.
 */
export async function runConversationEffect(
  effect: ConversationEffect,
  from: InboundSender,
  runner: EffectRunner,
): Promise<ConversationEffectResult> {
  const { intake } = runner;
  try {
    switch (effect.type) {
      case 'submit_report':
        return {
          type: 'report_submitted',
          receipt: await intake.submitReport(effect.input, {
            idempotencyKey: effect.idempotencyKey,
          }),
        };
      case 'upload_photo': {
        if (runner.mediaDownloader === undefined) {
          return { type: 'effect_failed', effect, code: 'UNSUPPORTED_MEDIA_TYPE' };
        }
        const media = await runner.mediaDownloader.downloadMedia(effect.mediaId);
        if (!(attachmentContentTypes as readonly string[]).includes(media.contentType)) {
          return { type: 'effect_failed', effect, code: 'UNSUPPORTED_MEDIA_TYPE' };
        }
        return {
          type: 'photo_uploaded',
          attachment: await intake.uploadMedia(media.bytes, media.contentType),
        };
      }
      case 'report_status':
        return {
          type: 'report_status_read',
          status: await withEachContact(from, effect.number, (ref) => intake.getReportStatus(ref)),
        };
      case 'confirm_closure':
        return {
          type: 'closure_confirmed',
          result: await withEachContact(from, undefined, (ref) =>
            intake.confirmClosure(ref, effect.code),
          ),
        };
      case 'reopen_report':
        return {
          type: 'report_reopened',
          status: await withEachContact(from, undefined, (ref) =>
            intake.reopenReport(ref, 'The reporter wrote on WhatsApp that it is not fixed.'),
          ),
        };
    }
  } catch (error) {
    if (!isBalaghError(error)) {
      runner.reportError(error);
      return { type: 'effect_failed', effect, code: 'UNEXPECTED' };
    }
    if (!expectedCodes.has(error.code)) runner.reportError(error);
    const attemptsLeft = error.details.attemptsLeft;
    return {
      type: 'effect_failed',
      effect,
      code: error.code,
      ...(typeof attemptsLeft === 'number' ? { attemptsLeft } : {}),
    };
  }
}
