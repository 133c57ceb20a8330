/**
 * Reads a provider's parsed answer as an object whose fields are unknown: the value itself when
 * it is an object, an empty object otherwise (a text body, an empty one), so that every field of
 * an unexpected answer simply reads `undefined`.
 *
 * @internal
 */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
