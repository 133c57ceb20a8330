import type { LocalizedCategory } from '@balagh/core';
import { describe, expect, it } from 'vitest';
import { missingNote, readReportForm } from './read-report-form.js';
import { WidgetMessage } from './strings/widget-strings.js';
import type { WidgetContext } from './widget-context.js';

const bins: LocalizedCategory = {
  code: 'overflowing_bins',
  groupCode: 'cleanliness',
  groupName: 'Cleanliness',
  name: 'Overflowing bins',
  priority: 'normal',
  attributes: [
    { code: 'bin_count', datatype: 'number', required: true, description: 'How many bins?' },
    { code: 'note', datatype: 'text', required: false, description: 'Anything else?' },
  ],
};

/** A form as the element holds it, on an element with these attributes, in English. */
function form(
  values: WidgetContext['values_'],
  attributes: Record<string, string> = {},
  extra: Partial<WidgetContext> = {},
): WidgetContext {
  const host = {
    getAttribute: (name: string) => attributes[name] ?? null,
    hasAttribute: (name: string) => name in attributes,
    closest: () => ({ getAttribute: () => 'en' }),
  };
  return {
    host_: host as unknown as HTMLElement,
    values_: values,
    categories_: new Map([['en', [bins]]]),
    ...extra,
  } as WidgetContext;
}

describe('readReportForm', () => {
  it('reads a filled form as a report, with numbers and phone typed in Arabic-Indic digits', () => {
    const { input, missing } = readReportForm(
      form(
        {
          category: 'overflowing_bins',
          'attribute-bin_count': ' ٣ ',
          description: ' Bins overflowing at camp 42 ',
          landmark: 'Mina camp 42',
          phone: '٠٥١ ٢٣٤ ٥٦٧٨',
        },
        { 'default-lat': '21.42', 'default-lng': '39.83' },
      ),
    );
    expect(missing).toEqual([]);
    expect(input).toMatchObject({
      categoryCode: 'overflowing_bins',
      description: 'Bins overflowing at camp 42',
      channel: 'web',
      language: 'en',
      location: { lat: 21.42, lng: 39.83, landmark: 'Mina camp 42' },
      reporter: { phone: '+966512345678', language: 'en' },
      attributes: { bin_count: 3 },
    });
  });

  it('prefers the position the device gave to the default one', () => {
    const { input } = readReportForm(
      form(
        {
          category: 'overflowing_bins',
          'attribute-bin_count': '1',
          description: 'Full',
          phone: '0512345678',
        },
        { 'default-lat': '21.42', 'default-lng': '39.83' },
        { position_: { lat: 21.4187, lng: 39.8716, accuracyMeters: 12 } },
      ),
    );
    expect(input?.location).toEqual({ lat: 21.4187, lng: 39.8716, accuracyMeters: 12 });
  });

  it('names the missing fields in the order of the form, with the note each one shows', () => {
    const { input, missing } = readReportForm(
      form({ category: 'overflowing_bins', 'attribute-bin_count': 'many', phone: '12' }),
    );
    expect(input).toBeUndefined();
    expect(missing).toEqual(['attribute-bin_count', 'description', 'landmark', 'phone']);
    expect(missing.map((field) => missingNote(field)[0])).toEqual([
      WidgetMessage.needValue,
      WidgetMessage.needValue,
      WidgetMessage.needLocation,
      WidgetMessage.needPhone,
    ]);
    expect(readReportForm(form({})).missing[0]).toBe('category');
  });

  it('leaves the mobile number out when the element makes it optional', () => {
    const { input, missing } = readReportForm(
      form(
        {
          category: 'overflowing_bins',
          'attribute-bin_count': '2',
          description: 'Full',
          landmark: 'Gate 1',
        },
        { 'phone-optional': '' },
      ),
    );
    expect(missing).toEqual([]);
    expect(input).not.toHaveProperty('reporter');
    expect(input?.location).toEqual({ landmark: 'Gate 1' });
  });
});
