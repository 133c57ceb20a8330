/**
 * The URL a provider called, as it signed it: origin and path from the public URL configured at
 * the provider, the query string from the request as it arrived.
 *
 * @internal
 */
export function signedUrl(request: Request, publicUrl: string | undefined): string {
  if (publicUrl === undefined) return request.url;
  const url = new URL(publicUrl);
  const received = new URL(request.url);
  if (received.search !== '') url.search = received.search;
  return url.toString();
}
