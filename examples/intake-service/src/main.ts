/**
 * The Balagh intake service: configuration only. Reads the environment (see the README), wires
 * @balagh/server with the SMS provider it names and serves the widget demo page and the staff
 * console. No domain logic lives here.
 */
import { fileURLToPath } from 'node:url';
import {
  type Actor,
  createBalaghServer,
  createServerLogger,
  loadConfig,
  type WebhookHandler,
} from '@balagh/server';
import { createSmsWebhookHandler } from '@balagh/sms';
import { createSmsFromConfig } from './create-sms-notifier-from-config.js';
import { createWhatsAppFromConfig } from './create-whatsapp-from-config.js';
import { ensureWidgetKey } from './ensure-widget-key.js';
import { servePublicFiles } from './serve-public-files.js';
import { serveWidget } from './serve-widget.js';

/** The SMS channel answers reporters by contact, which needs an agent's rights. */
const smsChannelActor: Actor = { keyId: 'sms-channel', role: 'agent' };

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
const logger = createServerLogger({ level: config.logLevel });
const sms = createSmsFromConfig(config.sms, {
  publicBaseUrl: config.publicBaseUrl,
  onWarning: (warning) => logger.warn(warning, 'SMS notifier warning'),
});

const whatsapp =
  config.whatsapp === undefined
    ? undefined
    : createWhatsAppFromConfig(config.whatsapp, sms.notifier);

const server = await createBalaghServer({
  config,
  logger,
  notifiers: whatsapp === undefined ? [sms.notifier] : [whatsapp.notifier, sms.notifier],
  webhooks: ({ service }): Record<string, WebhookHandler> => ({
    ...(whatsapp === undefined ? {} : { whatsapp: whatsapp.webhook(service) }),
    ...(sms.provider.parseInbound === undefined && sms.provider.parseDeliveryReceipt === undefined
      ? {}
      : {
          [`sms/${sms.provider.name}`]: createSmsWebhookHandler({
            provider: sms.provider,
            intake: service.forActor(smsChannelActor),
            publicUrl: `${config.publicBaseUrl}/webhooks/sms/${sms.provider.name}`,
            onError: (error) =>
              logger.error(
                { error: error instanceof Error ? error.message : 'unknown' },
                'SMS webhook failed',
              ),
          }),
        }),
  }),
});
const publicDirectory = fileURLToPath(new URL('../public/', import.meta.url));
servePublicFiles(server.app, publicDirectory);
await serveWidget(server.app, {
  demoPagePath: `${publicDirectory}index.html`,
  apiKey: await ensureWidgetKey(server.service, config.dataDirectory),
});
server.closeOnSignals();
const { url } = await server.listen();

if (server.initialAdminKey !== undefined) {
  // Shown once, on the terminal only (never in the logs); also in DATA_DIR/admin-key.txt.
  process.stdout.write(
    [
      '',
      '  ┌──────────────────────────────────────────────────────────────────────────┐',
      '  │ First start: an admin API key was created. It is shown only this once.   │',
      '  └──────────────────────────────────────────────────────────────────────────┘',
      `    ${server.initialAdminKey}`,
      `    (also written to ${config.dataDirectory}/admin-key.txt, mode 0600)`,
      '',
    ].join('\n'),
  );
}
process.stdout.write(
  `\n  Balagh intake service on ${url}\n  Widget demo ${config.publicBaseUrl}/   Staff console ${config.publicBaseUrl}/console   API ${config.publicBaseUrl}/openapi.json\n  SMS (${sms.provider.name}) ${config.sms.provider === 'local' ? config.sms.path : ''}\n\n`,
);
