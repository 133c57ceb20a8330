import { createPublicFetchClient } from '@balagh/client/fetch';
import type { WidgetContext, WidgetService } from './widget-context.js';

/**
 * The intake service the element's `api-base` names (relative to the page), with a client made
 * once per `api-base` and `api-key`; `undefined` without an `api-base` that is an http(s) URL.
 */
export function widgetService(c: WidgetContext): WidgetService | undefined {
  const base = c.host_.getAttribute('api-base');
  try {
    if (base !== null) {
      const baseUrl = new URL(base, document.baseURI).href;
      c.service_ ??= {
        base_: baseUrl,
        client_: createPublicFetchClient({
          baseUrl,
          apiKey: c.host_.getAttribute('api-key') ?? undefined,
        }),
      };
      return c.service_;
    }
  } catch {
    // Not a URL: the element behaves as without `api-base`.
  }
}

/**
 * The intake service, for an operation that cannot do without it.
 *
 * @throws `Error` when the element has no usable `api-base`.
 */
export function requireWidgetService(c: WidgetContext): WidgetService {
  const service = widgetService(c);
  if (service === undefined) throw new Error('No api-base attribute.');
  return service;
}
