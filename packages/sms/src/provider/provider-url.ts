/**
 * The URL of a provider's API call: the configured origin (`baseUrl`, for a proxy or a test
 * server) or the provider's own, without trailing slashes, followed by `path`.
 *
 * @internal
 */
export function providerUrl(
  baseUrl: string | undefined,
  defaultOrigin: string,
  path: string,
): string {
  return `${(baseUrl ?? defaultOrigin).replace(/\/+$/, '')}${path}`;
}
