/**
 * SMS for Balagh: the messages Makkah promises its reporters (the report number on creation,
 * again on closure, with the closure code) through Twilio, Unifonic or Taqnyat; GSM-7 / UCS-2
 * segment counting; delivery receipts; and replies that confirm a closure or say it is not
 * fixed. Isomorphic; the development provider that writes to a file is in `@balagh/sms/local`.
 *
 * @packageDocumentation
 */

// --- providers ---
export {
  type DeliveryReceipt,
  type DeliveryStatus,
  deliveryStatuses,
  type InboundSms,
  type SmsMessage,
  type SmsProvider,
  type SmsSendOptions,
  type SmsSendResult,
  type SmsWebhookOptions,
} from './provider/sms-provider.js';
export { webhookTokenHeader, webhookTokenParameter } from './provider/verify-shared-secret.js';
export {
  type TaqnyatProviderOptions,
  createTaqnyatProvider,
} from './taqnyat/create-taqnyat-provider.js';
export {
  createTwilioProvider,
  type TwilioProviderOptions,
} from './twilio/create-twilio-provider.js';
export {
  computeTwilioSignature,
  type TwilioWebhookParameters,
  verifyTwilioSignature,
} from './twilio/twilio-signature.js';
export {
  createUnifonicProvider,
  type UnifonicProviderOptions,
} from './unifonic/create-unifonic-provider.js';

// --- segments ---
export { countSegments, type SegmentCount } from './segments/count-segments.js';
export type { SmsEncoding } from './segments/layout-segments.js';
export { splitIntoSegments } from './segments/split-into-segments.js';

// --- notifier ---
export {
  createSmsNotifier,
  defaultSegmentBudget,
  type RenderedSms,
  type SmsNotificationReceipt,
  type SmsNotifier,
  type SmsNotifierOptions,
  type SmsNotifierWarning,
} from './notifier/create-sms-notifier.js';

// --- replies and webhook ---
export { type ParsedReply, parseReply } from './replies/parse-reply.js';
export {
  renderSmsReply,
  type SmsReplyKind,
  smsReplyKinds,
  smsReplyTexts,
} from './replies/sms-reply-texts.js';
export {
  createSmsWebhookHandler,
  type SmsWebhookHandlerOptions,
} from './webhook/create-sms-webhook-handler.js';
