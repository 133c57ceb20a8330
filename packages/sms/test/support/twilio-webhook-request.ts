import { computeTwilioSignature } from '../../src/twilio/twilio-signature.js';

/** The auth token the tests' Twilio account uses. */
export const twilioAuthToken = 'test-auth-token-0123456789abcdef';

/** The webhook URL as configured in the tests' Twilio console. */
export const twilioWebhookUrl = 'https://balagh.example.org/webhooks/sms/twilio';

/**
 * A webhook call as Twilio makes it: form-encoded parameters, signed with the auth token over
 * the public URL. `requestUrl` is where it arrives (behind a proxy it differs from the public one).
 */
export async function twilioWebhookRequest(
  parameters: Readonly<Record<string, string>>,
  options: { signature?: string | null; requestUrl?: string; authToken?: string } = {},
): Promise<Request> {
  const signature =
    options.signature === undefined
      ? await computeTwilioSignature(
          options.authToken ?? twilioAuthToken,
          twilioWebhookUrl,
          parameters,
        )
      : options.signature;
  return new Request(options.requestUrl ?? twilioWebhookUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature === null ? {} : { 'x-twilio-signature': signature }),
    },
    body: new URLSearchParams(parameters).toString(),
  });
}

let inboundCounter = 0;

/** An inbound SMS webhook's parameters, as Twilio documents them; a new message SID each call. */
export function inboundParameters(
  body: string,
  options: { from?: string; messageSid?: string } = {},
): Record<string, string> {
  inboundCounter += 1;
  const messageSid = options.messageSid ?? `SM${String(inboundCounter).padStart(32, '0')}`;
  return {
    ToCountry: 'US',
    SmsMessageSid: messageSid,
    NumMedia: '0',
    SmsSid: messageSid,
    SmsStatus: 'received',
    Body: body,
    To: '+14155552345',
    NumSegments: '1',
    MessageSid: messageSid,
    AccountSid: 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    From: options.from ?? '+966512345678',
    ApiVersion: '2010-04-01',
  };
}
