import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * Which proxies to believe about the client's address: `false` (the default) uses the socket's
 * peer address only; `true` or a number `n` trusts the last `n` (1 for `true`) hops of
 * `X-Forwarded-For`, as a reverse proxy in front of the server appends them.
 */
export type TrustProxy = boolean | number;

/** The address used when neither the socket nor a trusted header tells one (in-process requests). */
export const unknownClientAddress = 'unknown';

/**
 * Tells the address of the client that made a request, for rate limiting.
 *
 * Reads the socket's peer address through @hono/node-server's `getConnInfo`. Only when
 * `trustProxy` says so does it read `X-Forwarded-For`, and then the entry the trusted proxy
 * appended (counting `trustProxy` entries from the right), never the left-most one a client
 * could have written itself.
 *
 * @example
 * ```ts
 * const address = clientAddressOf(c, 1); // behind one reverse proxy
 * ```
 */
export function clientAddressOf(context: Context, trustProxy: TrustProxy = false): string {
  const hops =
    trustProxy === true ? 1 : trustProxy === false ? 0 : Math.max(0, Math.floor(trustProxy));
  if (hops > 0) {
    const forwarded = context.req.header('x-forwarded-for');
    if (forwarded !== undefined) {
      const entries = forwarded
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry.length > 0);
      const entry = entries[Math.max(0, entries.length - hops)];
      if (entry !== undefined && entry.length <= 64) return entry;
    }
  }
  return socketAddressOf(context) ?? unknownClientAddress;
}

function socketAddressOf(context: Context): string | undefined {
  try {
    return getConnInfo(context).remote.address;
  } catch {
    // app.request() and other in-process calls have no socket.
    return undefined;
  }
}
