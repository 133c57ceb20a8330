/**
 * WhatsApp for Balagh: the Cloud API webhook (signature check, handshake, redeliveries
 * deduplicated), a conversation that takes a report in the reporter's own language (Arabic,
 * English, Urdu, Hindi, Indonesian, Malay) and answers status requests and closure codes, a
 * sender for text, interactive and template messages and media, and a `Notifier` for the
 * intake service's outbox, with an SMS fallback. Framework-free: web-standard `Request` and
 * `Response`.
 *
 * @packageDocumentation
 */

// --- webhook ---
export {
  createWhatsAppWebhookHandler,
  defaultConversationTimeoutMs,
  type WhatsAppWebhookHandlerOptions,
} from './webhook/create-whatsapp-webhook-handler.js';
export type {
  InboundContent,
  InboundMessage,
  InboundSender,
  InboundStatus,
  StatusError,
} from './webhook/inbound-message.js';
export { type ParsedWebhookPayload, parseWebhookPayload } from './webhook/parse-webhook-payload.js';
export {
  computeWebhookSignature,
  verifyWebhookSignature,
} from './webhook/verify-webhook-signature.js';

// --- stores ---
export type {
  ConversationStore,
  CustomerServiceWindowStore,
  MessageDedupeStore,
} from './stores/conversation-store.js';
export {
  createMemoryConversationStore,
  type MemoryConversationStore,
  type MemoryConversationStoreOptions,
} from './stores/create-memory-conversation-store.js';
export { createWindowStore, customerServiceWindowMs } from './stores/create-window-store.js';

// --- conversation ---
export {
  advanceConversation,
  type ConversationContext,
  type ConversationInput,
  type ConversationTurn,
  conversationExpiresAt,
  nextStep,
} from './conversation/advance-conversation.js';
export type {
  ConversationEffect,
  ConversationEffectResult,
} from './conversation/conversation-effect.js';
export {
  type ConversationState,
  type ConversationStep,
  conversationStateSchema,
  conversationSteps,
  type ReportDraftState,
} from './conversation/conversation-state.js';
export { detectLanguage } from './conversation/detect-language.js';
export {
  parseReporterCommand,
  type ReporterCommand,
} from './conversation/parse-reporter-command.js';

// --- prompts ---
export { promptCatalogue } from './prompts/prompt-catalogue.js';
export {
  type PromptCatalogue,
  type PromptKey,
  type PromptVariables,
  promptDefinitions,
  promptKeys,
} from './prompts/prompt-keys.js';
export { renderPrompt } from './prompts/render-prompt.js';
export {
  isWhatsAppLanguage,
  languageNames,
  type WhatsAppLanguage,
  whatsAppLanguages,
} from './prompts/whatsapp-languages.js';

// --- sending ---
export {
  findLimitViolations,
  type LimitViolation,
  whatsAppLimits,
} from './outgoing/find-limit-violations.js';
export type {
  ListRow,
  ListSection,
  OutgoingMessage,
  ReplyButton,
  TemplateParameter,
} from './outgoing/outgoing-message.js';
export {
  createWhatsAppSender,
  defaultGraphApiVersion,
  type WhatsAppSenderOptions,
} from './send/create-whatsapp-sender.js';
export { graphApiFailure } from './send/graph-api-failure.js';
export type {
  DownloadedMedia,
  WhatsAppMediaDownloader,
  WhatsAppMessageSender,
  WhatsAppRecipient,
  WhatsAppSender,
  WhatsAppSendResult,
} from './send/whatsapp-sender.js';

// --- notifier ---
export {
  createWhatsAppNotifier,
  type WhatsAppNotifierOptions,
  type WhatsAppTemplateMapping,
} from './notifier/create-whatsapp-notifier.js';
