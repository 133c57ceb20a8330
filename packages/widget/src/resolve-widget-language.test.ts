import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveWidgetLanguage } from './resolve-widget-language.js';
import { isWidgetLanguage } from './strings/widget-strings.js';

describe('resolveWidgetLanguage', () => {
  it('takes the first candidate the widget speaks, by its primary subtag', () => {
    expect(resolveWidgetLanguage(['fr-FR', null, 'ur-PK', 'en'])).toBe('ur');
    expect(resolveWidgetLanguage(['AR-sa'])).toBe('ar');
    expect(resolveWidgetLanguage([undefined, '', 'ms-MY'])).toBe('ms');
  });

  it('falls back to Arabic, the service default, when no candidate is spoken', () => {
    expect(resolveWidgetLanguage([])).toBe('ar');
    expect(resolveWidgetLanguage(['fr', 'tr-TR', 'x-klingon'])).toBe('ar');
  });

  it('always answers a language the widget speaks', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string(), { nil: undefined })), (candidates) => {
        expect(isWidgetLanguage(resolveWidgetLanguage(candidates))).toBe(true);
      }),
    );
  });
});
