import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import type { AttributeValue } from '../schemas/report-input.js';
import type { Category, CategoryAttribute } from '../schemas/taxonomy.js';

type Checked =
  | { readonly value: AttributeValue }
  | { readonly problem: string; readonly code: string };

const isoDateTime =
  /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Epoch milliseconds of an ISO 8601 date time with an offset; `undefined` if it is not one. */
function parseDateTime(text: string): number | undefined {
  const parts = isoDateTime.exec(text);
  if (parts === null) return undefined;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  // Date.parse rolls 30 February over to 2 March instead of refusing it.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : time;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function checkValue(attribute: CategoryAttribute, value: unknown): Checked {
  const keys = (attribute.values ?? []).map((allowed) => allowed.key);
  const notInList = (key: string): Checked => ({
    code: 'invalid_value',
    problem: `"${key}" is not one of ${keys.map((allowed) => `"${allowed}"`).join(', ')}`,
  });
  switch (attribute.datatype) {
    case 'string':
    case 'text':
      return typeof value === 'string'
        ? { value: value.trim() }
        : { code: 'invalid_type', problem: 'expected a string' };
    case 'number': {
      // Open311 form posts carry numbers as strings.
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof number === 'number' && Number.isFinite(number)
        ? { value: number }
        : { code: 'invalid_type', problem: 'expected a number' };
    }
    case 'datetime': {
      const time = typeof value === 'string' ? parseDateTime(value.trim()) : undefined;
      return time === undefined
        ? { code: 'invalid_format', problem: 'expected an ISO 8601 date and time with an offset' }
        : { value: new Date(time).toISOString() };
    }
    case 'singlevaluelist':
      if (typeof value !== 'string') {
        return { code: 'invalid_type', problem: 'expected one value key' };
      }
      return keys.includes(value) ? { value } : notInList(value);
    case 'multivaluelist': {
      const list = typeof value === 'string' ? [value] : value;
      if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
        return { code: 'invalid_type', problem: 'expected a list of value keys' };
      }
      const unknown = list.find((item) => !keys.includes(item));
      return unknown === undefined ? { value: [...new Set(list)] } : notInList(unknown);
    }
  }
}

/**
 * Checks the attribute values a reporter gave for a category against its Open311-style
 * attributes, and returns them cleaned: strings trimmed, numbers sent as strings parsed, date
 * times in UTC ISO form, a single key of a multi-value list wrapped in a list, duplicates
 * dropped; in the category's attribute order.
 *
 * @throws {@link ValidationError} `VALIDATION_FAILED` with an issue per attribute at
 *   `attributes.<code>`: `required` (missing), `unrecognized_key` (not an attribute of the
 *   category), `invalid_type`, `invalid_format` or `invalid_value` (not in the list).
 * @internal
 */
export function validateCategoryAttributes(
  category: Category,
  attributes: Readonly<Record<string, AttributeValue>> | undefined,
): Record<string, AttributeValue> {
  const given: Readonly<Record<string, unknown>> = attributes ?? {};
  const definitions = category.attributes ?? [];
  const issues: ValidationIssue[] = [];
  const result: Record<string, AttributeValue> = {};
  for (const attribute of definitions) {
    const value = Object.hasOwn(given, attribute.code) ? given[attribute.code] : undefined;
    const path = `attributes.${attribute.code}`;
    if (isEmpty(value)) {
      if (attribute.required) issues.push({ path, code: 'required', message: 'is required' });
      continue;
    }
    const checked = checkValue(attribute, value);
    if ('value' in checked) result[attribute.code] = checked.value;
    else issues.push({ path, code: checked.code, message: checked.problem });
  }
  const known = new Set(definitions.map((attribute) => attribute.code));
  for (const code of Object.keys(given)) {
    if (!known.has(code)) {
      issues.push({
        path: `attributes.${code}`,
        code: 'unrecognized_key',
        message: `is not an attribute of the category "${category.code}"`,
      });
    }
  }
  if (issues.length > 0) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw new ValidationError(
      `Invalid attributes for the category "${category.code}". ${first?.path}: ${first?.message}${more}`,
      issues,
    );
  }
  return result;
}
