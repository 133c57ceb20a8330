/**
 * Shortens a text to at most `limit` UTF-16 code units, ending it with `…` when cut, without
 * splitting a surrogate pair.
 */
export function truncateText(value: string, limit: number): string {
  const trimmed = value.trim();
  if (trimmed.length <= limit) return trimmed;
  let cut = trimmed.slice(0, Math.max(0, limit - 1));
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
