import { describe, expect, it } from 'vitest';
import {
  formatString,
  statusName,
  WidgetMessage,
  widgetLanguages,
  widgetMessageKeys,
  widgetStatusOrder,
  widgetStrings,
  widgetStringValues,
} from './widget-strings.js';

const placeholdersOf = (text: string) => text.match(/\{\d\}/g) ?? [];

describe('the widget strings', () => {
  it('name every message and every status in every language, none left empty', () => {
    for (const language of widgetLanguages) {
      const strings = widgetStrings[language];
      for (const key of widgetMessageKeys)
        expect(strings[key]?.trim(), `${language}.${key}`).toBeTruthy();
      for (const status of widgetStatusOrder) {
        expect(strings.statuses[status]?.trim(), `${language} ${status}`).toBeTruthy();
      }
    }
  });

  it('keep the placeholders of English in every translation', () => {
    for (const language of widgetLanguages) {
      for (const key of widgetMessageKeys) {
        expect(placeholdersOf(widgetStrings[language][key]), `${language}.${key}`).toEqual(
          placeholdersOf(widgetStrings.en[key]),
        );
      }
    }
  });

  it('translate rather than copy English, except names and acronyms', () => {
    const sameEverywhere = new Set(['status']);
    for (const language of widgetLanguages.filter((code) => code !== 'en')) {
      for (const key of widgetMessageKeys.filter((name) => !sameEverywhere.has(name))) {
        expect(widgetStrings[language][key], `${language}.${key}`).not.toBe(widgetStrings.en[key]);
      }
    }
  });

  it('write Arabic and Urdu in their own scripts', () => {
    expect(widgetStrings.ar.send).toMatch(/^[\u0600-\u06FF\s]+$/);
    expect(widgetStrings.ur.send).toMatch(/^[\u0600-\u06FF\s]+$/);
    expect(widgetStrings.hi.send).toMatch(/^[\u0900-\u097F\s]+$/);
  });

  it('fills a placeholder with a value', () => {
    expect(formatString(widgetStrings.en.codeInvalid, 3)).toBe('Wrong code. Attempts left: 3.');
    expect(formatString(widgetStrings.en.send, 3)).toBe(widgetStrings.en.send);
  });

  it('index every message where its key names it, the statuses after the last one', () => {
    for (const [index, key] of widgetMessageKeys.entries()) expect(WidgetMessage[key]).toBe(index);
    expect(WidgetMessage.statuses).toBe(widgetMessageKeys.length);
    for (const language of widgetLanguages) {
      const values = widgetStringValues[language];
      expect(values[WidgetMessage.send]).toBe(widgetStrings[language].send);
      for (const status of widgetStatusOrder) {
        expect(statusName(values, status)).toBe(widgetStrings[language].statuses[status]);
      }
    }
  });
});
