import { ValidationError } from '@balagh/core';

/**
 * The flat fields of a webhook call, whatever way they were encoded.
 *
 * @internal
 */
export type WebhookFields = ReadonlyMap<string, string>;

/**
 * Reads a webhook body into flat fields: form-encoded (what Twilio and Unifonic send), or a
 * JSON object, or a JSON array of objects (one receipt each). Keys keep their case; values
 * become strings.
 *
 * @throws `ValidationError` when a JSON body cannot be parsed.
 *
 * @internal
 */
export function readWebhookFields(body: string, contentType: string | null): WebhookFields[] {
  const trimmed = body.trim();
  const looksLikeJson = contentType?.includes('json') === true || /^[[{]/.test(trimmed);
  if (!looksLikeJson) return [new Map(new URLSearchParams(body))];
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (error) {
    throw new ValidationError(
      'The webhook body is not valid JSON.',
      [{ path: '', code: 'invalid_format', message: 'must be JSON or form-encoded' }],
      { cause: error },
    );
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return items.map((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new ValidationError('The webhook body holds something other than objects.', [
        {
          path: Array.isArray(parsed) ? String(index) : '',
          code: 'invalid_type',
          message: 'must be an object',
        },
      ]);
    }
    const fields = new Map<string, string>();
    for (const [key, value] of Object.entries(item)) {
      if (typeof value === 'string') fields.set(key, value);
      else if (typeof value === 'number' || typeof value === 'boolean')
        fields.set(key, String(value));
    }
    return fields;
  });
}

/**
 * Reads the first present field among several spellings, ignoring case.
 *
 * @internal
 */
export function pickField(fields: WebhookFields, ...names: readonly string[]): string | undefined {
  for (const name of names) {
    const exact = fields.get(name);
    if (exact !== undefined && exact !== '') return exact;
  }
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  for (const [key, value] of fields) {
    if (wanted.has(key.toLowerCase()) && value !== '') return value;
  }
  return undefined;
}
