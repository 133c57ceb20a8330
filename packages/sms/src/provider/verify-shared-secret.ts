import { BalaghError } from '@balagh/core';
import { timingSafeEqual } from './timing-safe-equal.js';

/** Header a shared webhook secret may be sent in, when the provider lets you set headers. */
export const webhookTokenHeader = 'x-balagh-webhook-token';

/** Query parameter a shared webhook secret may be sent in, inside the configured URL. */
export const webhookTokenParameter = 'token';

/**
 * Checks the shared secret of a webhook call from a provider that signs nothing (Unifonic,
 * Taqnyat): configure the webhook URL at the provider as `https://…/webhooks/sms/unifonic?token=<secret>`
 * (or, where headers can be set, send `X-Balagh-Webhook-Token: <secret>`). Without a configured
 * secret every call is refused: an unauthenticated webhook would let anybody close reports.
 *
 * @throws `BalaghError` `INVALID_SIGNATURE` when the secret is missing or wrong.
 *
 * @internal
 */
export function verifySharedSecret(
  request: Request,
  provider: string,
  secret: string | undefined,
): void {
  const presented =
    request.headers.get(webhookTokenHeader) ??
    new URL(request.url).searchParams.get(webhookTokenParameter);
  if (secret === undefined || secret === '') {
    throw new BalaghError(
      'INVALID_SIGNATURE',
      `No webhook secret is configured for ${provider}: its webhook calls cannot be trusted.`,
      { details: { provider } },
    );
  }
  if (presented === null || !timingSafeEqual(presented, secret)) {
    throw new BalaghError(
      'INVALID_SIGNATURE',
      `The ${provider} webhook token is missing or wrong.`,
      {
        details: { provider },
      },
    );
  }
}
