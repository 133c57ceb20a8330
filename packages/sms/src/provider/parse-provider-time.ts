const localTimePattern = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d{1,3})?$/;

/**
 * Reads a provider's timestamp as ISO 8601 UTC: an ISO string with a zone as it is, a zoneless
 * `yyyy-mm-dd hh:mm:ss[.sss]` at the given UTC offset (`+03:00`).
 *
 * @returns `undefined` when absent or unreadable.
 *
 * @internal
 */
export function parseProviderTime(text: string | undefined, offset: string): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  const local = localTimePattern.exec(trimmed);
  const iso = local === null ? trimmed : `${local[1]}T${local[2]}${local[3] ?? ''}${offset}`;
  if (local === null && !/(?:Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)) return undefined;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
