import type { SmsConfig } from '@balagh/server';
import {
  createSmsNotifier,
  createTaqnyatProvider,
  createTwilioProvider,
  createUnifonicProvider,
  type SmsNotifier,
  type SmsProvider,
} from '@balagh/sms';
import { createLocalFileProvider } from '@balagh/sms/local';

/** The SMS provider and notifier the configuration names (`SMS_PROVIDER` and its credentials). */
export function createSmsFromConfig(
  sms: SmsConfig,
  options: { readonly publicBaseUrl: string; readonly onWarning?: (warning: object) => void },
): { readonly provider: SmsProvider; readonly notifier: SmsNotifier } {
  const provider = providerOf(sms, options.publicBaseUrl);
  const notifier = createSmsNotifier({
    provider,
    trackingUrlBase: `${options.publicBaseUrl}/track`,
    ...(options.onWarning === undefined ? {} : { onWarning: options.onWarning }),
  });
  return { provider, notifier };
}

function providerOf(sms: SmsConfig, publicBaseUrl: string): SmsProvider {
  switch (sms.provider) {
    case 'local':
      return createLocalFileProvider({ path: sms.path });
    case 'twilio':
      return createTwilioProvider({
        accountSid: sms.accountSid,
        authToken: sms.authToken,
        ...(sms.from === undefined ? {} : { from: sms.from }),
        ...(sms.messagingServiceSid === undefined
          ? {}
          : { messagingServiceSid: sms.messagingServiceSid }),
        statusCallbackUrl: `${publicBaseUrl}/webhooks/sms/twilio`,
      });
    case 'unifonic':
      return createUnifonicProvider({
        appSid: sms.appSid,
        ...(sms.senderId === undefined ? {} : { senderId: sms.senderId }),
        ...(sms.webhookSecret === undefined ? {} : { webhookSecret: sms.webhookSecret }),
      });
    case 'taqnyat':
      return createTaqnyatProvider({
        bearerToken: sms.bearerToken,
        sender: sms.sender,
        ...(sms.webhookSecret === undefined ? {} : { webhookSecret: sms.webhookSecret }),
      });
  }
}
