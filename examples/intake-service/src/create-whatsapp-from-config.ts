/**
 * Wires the WhatsApp channel from the service's configuration: the Cloud API sender, the
 * conversation store on the server's `conversations` table (and its marks of handled messages,
 * so a webhook redelivered to another process is handled once), the webhook handler and the notifier
 * (templates outside the 24-hour window, SMS as the fallback). Wiring only.
 */
import type { NotificationKind, Notifier } from '@balagh/core';
import type { ReportService, WebhookHandler, WhatsAppConfig } from '@balagh/server';
import {
  type ConversationStore,
  createWhatsAppNotifier,
  createWhatsAppSender,
  createWhatsAppWebhookHandler,
  createWindowStore,
  type MessageDedupeStore,
  type WhatsAppTemplateMapping,
} from '@balagh/whatsapp';

/**
 * The templates to register in WhatsApp Manager (docs/whatsapp.md lists their texts), by the
 * notification they carry and the order of their body parameters.
 */
const templates: Partial<Record<NotificationKind, WhatsAppTemplateMapping>> = {
  received: { name: 'balagh_report_received', parameters: ['number', 'trackingUrl'] },
  awaiting_info: { name: 'balagh_report_awaiting_info', parameters: ['number', 'question'] },
  resolved: { name: 'balagh_report_resolved', parameters: ['number', 'closureCode'] },
  closed: { name: 'balagh_report_closed', parameters: ['number'] },
  reopened: { name: 'balagh_report_reopened', parameters: ['number'] },
  duplicate_linked: { name: 'balagh_report_linked', parameters: ['number', 'masterNumber'] },
};

/** The WhatsApp channel, before and after the server exists. */
export interface WhatsAppChannel {
  /** Goes before the SMS notifier: it falls back to SMS itself when WhatsApp cannot reach. */
  readonly notifier: Notifier;
  /** Mounts the webhook once the server's service exists. */
  webhook(service: ReportService): WebhookHandler;
}

/** Creates the WhatsApp channel; `smsFallback` carries what WhatsApp cannot. */
export function createWhatsAppFromConfig(
  config: WhatsAppConfig,
  smsFallback: Notifier,
): WhatsAppChannel {
  let service: ReportService | undefined;
  const requireService = (): ReportService => {
    if (service === undefined)
      throw new Error('the WhatsApp channel is used before the server started');
    return service;
  };
  const conversations: ConversationStore & MessageDedupeStore = {
    get: async (key) => (await requireService().getConversation('whatsapp', key))?.state,
    put: (key, state, expiresAt) =>
      requireService().putConversation('whatsapp', key, state, Math.max(1, expiresAt - Date.now())),
    delete: (key) => requireService().deleteConversation('whatsapp', key),
    markSeen: (messageId) => requireService().markMessageSeen('whatsapp', messageId),
  };
  const windowStore = createWindowStore(conversations);
  const sender = createWhatsAppSender({
    phoneNumberId: config.phoneNumberId,
    accessToken: config.accessToken,
    ...(config.apiVersion === undefined ? {} : { apiVersion: config.apiVersion }),
  });
  return {
    notifier: createWhatsAppNotifier({ sender, templates, fallback: smsFallback, windowStore }),
    webhook(created) {
      service = created;
      return createWhatsAppWebhookHandler({
        appSecret: config.appSecret,
        verifyToken: config.verifyToken,
        // The channel acts for reporters it has verified by their WhatsApp id.
        intake: created.forActor({ keyId: 'whatsapp-channel', role: 'agent' }),
        sender,
        conversations,
        windowStore,
      });
    },
  };
}
