import {
  type AttributeValue,
  type LocalizedCategory,
  normalizeDigits,
  type ReportInput,
} from '@balagh/core';
import { widgetLanguageOf } from './resolve-widget-language.js';
import { WidgetMessage as M, type WidgetLanguage } from './strings/widget-strings.js';
import { toInternationalPhone } from './to-international-phone.js';
import { type Note, typedText, type WidgetContext } from './widget-context.js';

/** The report the form holds, or the fields that keep it from being one. */
export interface ReadReportForm {
  /** The report, when no field is missing. */
  readonly input?: ReportInput & { readonly language: WidgetLanguage };
  /** The ids of the fields missing or wrong, in the order of the form. */
  readonly missing: readonly string[];
}

/** What the form says under a field that is missing or wrong, by the field's id. */
export function missingNote(field: string): Note {
  return [field === 'phone' ? M.needPhone : field === 'landmark' ? M.needLocation : M.needValue];
}

/**
 * Reads the form as a report: the chosen category and its questions (numbers typed in any
 * digits), the description, the location (the device's, else the `default-lat` and
 * `default-lng`, and the landmark), and the mobile number in E.164, required unless
 * `phone-optional`. The fields missing are `category`, `attribute-{code}`, `description`,
 * `landmark` (no location at all) and `phone`.
 */
export function readReportForm(c: WidgetContext): ReadReportForm {
  const { host_: host, values_: values } = c;
  const language = widgetLanguageOf(host);
  const missing: string[] = [];
  const categories = c.categories_.get(language);
  const category = Array.isArray(categories)
    ? (categories as readonly LocalizedCategory[]).find(({ code }) => code === values.category)
    : undefined;
  if (!category) missing.push('category');
  const attributes: Record<string, AttributeValue> = {};
  for (const { code, datatype, required } of category?.attributes ?? []) {
    const raw = values[`attribute-${code}`] ?? '';
    const value = Array.isArray(raw) ? raw : raw.trim();
    const number = Number(normalizeDigits(String(value)));
    if (value.length === 0 || (datatype === 'number' && Number.isNaN(number))) {
      if (required || value.length > 0) missing.push(`attribute-${code}`);
    } else {
      attributes[code] = datatype === 'number' ? number : value;
    }
  }
  const description = typedText(c, 'description');
  if (!description) missing.push('description');
  const landmark = typedText(c, 'landmark');
  // parseFloat(null) is NaN: no attribute, no default position.
  const lat = parseFloat(host.getAttribute('default-lat') as string);
  const lng = parseFloat(host.getAttribute('default-lng') as string);
  const position =
    c.position_ ?? (Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : undefined);
  if (!position && !landmark) missing.push('landmark');
  const typed = typedText(c, 'phone');
  const phone = typed
    ? toInternationalPhone(typed, host.getAttribute('phone-country-code') ?? undefined)
    : '';
  if (phone === undefined || (!phone && !host.hasAttribute('phone-optional'))) {
    missing.push('phone');
  }
  return {
    missing,
    ...(category &&
      !missing[0] && {
        input: {
          categoryCode: category.code,
          description,
          channel: 'web',
          language,
          location: { ...position, ...(landmark && { landmark }) },
          ...(phone && { reporter: { phone, language } }),
          ...(Object.keys(attributes).length > 0 && { attributes }),
          submittedAt: new Date().toISOString(),
        },
      }),
  };
}
