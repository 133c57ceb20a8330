import { describe, expect, it } from 'vitest';
import { isBalaghError } from '../errors/balagh-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { type Language, languages } from '../schemas/language.js';
import { formatReportDate } from './format-report-date.js';
import { messageCatalogue } from './message-catalogue.js';
import {
  type MessageKind,
  type MessageVariables,
  messageKinds,
  requiredMessageVariables,
} from './message-kinds.js';
import type { TemplatePart } from './message-template.js';
import { renderMessage } from './render-message.js';

const forms = ['long', 'short'] as const;
/** A tracking link of the length the SMS package budgets for: 30 characters. */
const trackingUrl = 'https://blgh.sa/r/7Kq2xWm9PzA3';
const dueAt = '2026-11-27T10:00:00.000Z';

/** A question staff would really ask, in each language. */
const questions: Readonly<Record<Language, string>> = {
  ar: 'ما رقم المخيم أو أقرب معلم؟',
  en: 'What is the camp number or nearest landmark?',
  ur: 'کیمپ نمبر یا قریبی نشانی کیا ہے؟',
  hi: 'कैंप नंबर या नज़दीकी पहचान क्या है?',
  id: 'Berapa nomor tenda atau patokan terdekat?',
  ms: 'Apakah nombor khemah atau mercu tanda terdekat?',
  bn: 'ক্যাম্প নম্বর বা কাছের চিহ্ন কী?',
  tr: 'Kamp numarası veya en yakın işaret nedir?',
  fr: 'Quel est le numéro du camp ou le repère le plus proche ?',
  fa: 'شماره چادر یا نزدیک‌ترین نشانه چیست؟',
};

function fullVariables(
  language: Language,
  closedHow: 'confirmed' | 'unconfirmed' = 'confirmed',
): { readonly [K in MessageKind]: MessageVariables[K] } {
  return {
    received: { number: '1448-000123-7', trackingUrl, dueAt },
    awaiting_info: { number: '1448-000123-7', question: questions[language], trackingUrl },
    resolved: { number: '1448-000123-7', closureCode: '482 915-1', trackingUrl },
    closed: { number: '1448-000123-7', closedHow },
    reopened: { number: '1448-000123-7', trackingUrl },
    duplicate_linked: { number: '1448-000123-7', masterNumber: '1448-000098-3', trackingUrl },
  };
}

const minimalVariables: { readonly [K in MessageKind]: MessageVariables[K] } = {
  received: { number: '1448-000123-7' },
  awaiting_info: { number: '1448-000123-7' },
  resolved: { number: '1448-000123-7', closureCode: '482 915-1' },
  closed: { number: '1448-000123-7', closedHow: 'unconfirmed' },
  reopened: { number: '1448-000123-7' },
  duplicate_linked: { number: '1448-000123-7', masterNumber: '1448-000098-3' },
};

const render = (
  kind: MessageKind,
  language: Language,
  variables: MessageVariables[MessageKind],
  form: 'long' | 'short' = 'long',
) => renderMessage(kind, language, variables as never, { form });

const everyCombination = languages.flatMap((language) =>
  messageKinds.flatMap((kind) => forms.map((form) => ({ language, kind, form }))),
);

function partsOf(language: Language, kind: MessageKind, form: 'long' | 'short') {
  return messageCatalogue[language][kind][form] as readonly TemplatePart<MessageKind>[];
}

function textsOf(part: TemplatePart<MessageKind>): string[] {
  if (typeof part === 'string') return [part];
  if ('when' in part) return [part.text];
  return Object.values(part.cases);
}

// GSM 03.38 basic alphabet; anything else makes an SMS UCS-2 (70 units, 67 per part).
const gsmBasic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
function smsSegments(text: string): number {
  const gsm = [...text].every((character) => gsmBasic.includes(character));
  if (gsm) return text.length <= 160 ? 1 : Math.ceil(text.length / 153);
  return text.length <= 70 ? 1 : Math.ceil(text.length / 67);
}

const noBreakSpace = '\u00A0';

describe('the message catalogue', () => {
  it('has every kind in every language in both forms', () => {
    expect(Object.keys(messageCatalogue).sort()).toEqual([...languages].sort());
    for (const { language, kind, form } of everyCombination) {
      const parts = partsOf(language, kind, form);
      expect(parts.length, `${language} ${kind} ${form}`).toBeGreaterThan(0);
      expect(parts.flatMap(textsOf).join('').trim()).not.toBe('');
    }
  });

  it('uses only the variables its kind declares, and guards each optional one with its label', () => {
    for (const { language, kind, form } of everyCombination) {
      const declared = Object.keys(fullVariables(language)[kind]);
      const required: readonly string[] = requiredMessageVariables[kind];
      for (const part of partsOf(language, kind, form)) {
        for (const text of textsOf(part)) {
          for (const [, name] of text.matchAll(/\{([A-Za-z]+)\}/g)) {
            expect(declared, `${language} ${kind} ${form} uses {${name}}`).toContain(name);
          }
        }
        if (typeof part === 'object' && 'when' in part) {
          expect(part.text, `${language} ${kind} ${form}`).toContain(`{${part.when}}`);
        } else {
          // Outside a guarded part, only a required variable may appear.
          for (const text of textsOf(part)) {
            for (const [, name] of text.matchAll(/\{([A-Za-z]+)\}/g)) {
              expect(required, `${language} ${kind} ${form} needs {${name}} guarded`).toContain(
                name,
              );
            }
          }
        }
      }
    }
  });
});

describe('renderMessage', () => {
  it.each(everyCombination)(
    'fills every placeholder of $kind ($form) in $language',
    ({ language, kind, form }) => {
      const closings = kind === 'closed' ? (['confirmed', 'unconfirmed'] as const) : ([] as const);
      const variants =
        closings.length === 0
          ? [fullVariables(language)[kind]]
          : closings.map((how) => fullVariables(language, how)[kind]);
      for (const variables of variants) {
        const text = render(kind, language, variables, form).replaceAll(noBreakSpace, ' ');
        expect(text).not.toMatch(/[{}]/);
        expect(text).not.toMatch(/undefined|null|NaN/);
        for (const [name, value] of Object.entries(variables)) {
          if (name === 'closedHow') continue;
          const expected =
            name === 'dueAt'
              ? formatReportDate(value, language, {
                  withTime: form === 'long',
                  withYear: form === 'long',
                })
              : value;
          expect(text, `${name} in ${language} ${kind} ${form}`).toContain(expected);
        }
      }
    },
  );

  it.each(everyCombination)(
    'leaves optional parts of $kind ($form) in $language out cleanly',
    ({ language, kind, form }) => {
      const full = render(kind, language, fullVariables(language)[kind], form);
      const text = render(kind, language, minimalVariables[kind], form);
      expect(text).not.toMatch(/[{}]|undefined|null/);
      expect(text).not.toContain(trackingUrl);
      expect(text).not.toContain(questions[language]);
      expect(text).not.toMatch(/[:：]\s*$/m);
      expect(text).not.toMatch(/\n\s*\n|^\s|\s$| {2}/);
      if (kind !== 'closed') expect(text.length).toBeLessThan(full.length);
    },
  );

  it('treats an empty optional variable as not given', () => {
    const text = renderMessage('received', 'en', { number: '1448-000123-7', trackingUrl: '' });
    expect(text).toBe(renderMessage('received', 'en', { number: '1448-000123-7' }));
    expect(text).not.toContain('Follow its progress');
  });

  it('says how a report was closed', () => {
    const confirmed = renderMessage('closed', 'en', {
      number: '1448-000123-7',
      closedHow: 'confirmed',
    });
    const unconfirmed = renderMessage('closed', 'en', {
      number: '1448-000123-7',
      closedHow: 'unconfirmed',
    });
    expect(confirmed).toContain('you confirmed');
    expect(unconfirmed).toContain('did not hear back');
  });

  it('names a missing required variable', () => {
    for (const [kind, variables] of Object.entries(minimalVariables)) {
      for (const name of Object.keys(variables)) {
        const incomplete = { ...variables, [name]: name === 'closedHow' ? undefined : '  ' };
        let caught: unknown;
        try {
          renderMessage(kind as MessageKind, 'ar', incomplete as never);
        } catch (error) {
          caught = error;
        }
        expect(isBalaghError(caught, 'MISSING_MESSAGE_VARIABLE'), `${kind}.${name}`).toBe(true);
        expect(isBalaghError(caught) && caught.details).toEqual({ kind, variable: name });
        expect(String((caught as Error).message)).toContain(name);
      }
    }
  });

  it('refuses an unknown kind from an untyped caller', () => {
    let caught: unknown;
    try {
      renderMessage('thanks' as MessageKind, 'en', { number: '1' } as never);
    } catch (error) {
      caught = error;
    }
    expect(isBalaghError(caught, 'UNKNOWN_MESSAGE_KIND')).toBe(true);
    expect(isBalaghError(caught) && caught.details).toEqual({ kind: 'thanks' });
  });

  it('refuses an unknown language, closedHow, dueAt or time zone', () => {
    const number = '1448-000123-7';
    expect(() => renderMessage('reopened', 'de' as Language, { number })).toThrow(ValidationError);
    expect(() =>
      renderMessage('closed', 'en', { number, closedHow: 'maybe' as 'confirmed' }),
    ).toThrow(ValidationError);
    expect(() => renderMessage('received', 'en', { number, dueAt: 'next week' })).toThrow(
      ValidationError,
    );
    expect(() =>
      renderMessage('received', 'en', { number, dueAt }, { timeZone: 'Mecca/Haram' }),
    ).toThrow(ValidationError);
  });

  it('prints report numbers and closure codes in ASCII digits whatever digits it is given', () => {
    const text = renderMessage('resolved', 'ar', {
      number: '١٤٤٨-٠٠٠١٢٣-٧',
      closureCode: '۴۸۲ ۹۱۵-۱',
    });
    expect(text).toContain('1448-000123-7');
    expect(text).toContain(`482${noBreakSpace}915-1`);
    expect(text).not.toMatch(/[٠-٩۰-۹]/);
  });

  it('keeps a closure code in reading order in right-to-left languages, and GSM-safe elsewhere', () => {
    const variables = { number: '1448-000123-7', closureCode: '482 915-1' };
    for (const language of ['ar', 'ur', 'fa'] as const) {
      expect(renderMessage('resolved', language, variables)).toContain(`482${noBreakSpace}915-1`);
    }
    const english = renderMessage('resolved', 'en', variables, { form: 'short' });
    expect(english).toContain('482 915-1');
    expect(smsSegments(english)).toBe(1);
  });

  it('does not read placeholders inside a value', () => {
    const text = renderMessage('awaiting_info', 'en', {
      number: '1448-000123-7',
      question: 'Is it the lamp marked {number}?',
    });
    expect(text).toContain('Is it the lamp marked {number}?');
  });

  it('shows the due date in Hijri and Gregorian, in Arabic with the Hijri month name', () => {
    const text = renderMessage('received', 'ar', { number: '1448-000123-7', dueAt });
    expect(text).toContain('جمادى الآخرة');
    expect(text).toContain('١٤٤٨ هـ');
    expect(text).toContain('نوفمبر');
    expect(renderMessage('received', 'en', { number: '1448-000123-7', dueAt })).toContain(
      'Jumada II 17, 1448 AH (November 27, 2026 at 1:00 PM)',
    );
  });

  it('shows dates in the time zone asked for', () => {
    const lateEvening = '2026-11-27T22:30:00.000Z';
    const riyadh = renderMessage('received', 'en', { number: '1', dueAt: lateEvening });
    const utc = renderMessage(
      'received',
      'en',
      { number: '1', dueAt: lateEvening },
      { timeZone: 'UTC' },
    );
    expect(riyadh).toContain('November 28, 2026 at 1:30 AM');
    expect(utc).toContain('November 27, 2026 at 10:30 PM');
  });
});

describe('SMS budgets of the short forms', () => {
  // One due date in each Hijri month of 1448, on a late day, to meet the longest month names.
  const dueDates = Array.from({ length: 12 }, (_, month) =>
    new Date(Date.UTC(2026, 5, 15 + 29 * month + 28, 9)).toISOString(),
  );

  it('keeps every Arabic short form within two UCS-2 segments (134 units)', () => {
    for (const due of dueDates) {
      for (const kind of messageKinds) {
        for (const closedHow of ['confirmed', 'unconfirmed'] as const) {
          const base = fullVariables('ar', closedHow)[kind];
          const text = render(
            kind,
            'ar',
            kind === 'received' ? { ...base, dueAt: due } : base,
            'short',
          );
          expect(text.length, `${kind}: ${text}`).toBeLessThanOrEqual(134);
        }
      }
    }
  });

  it.each(languages)('keeps every short form in %s within two SMS segments', (language) => {
    for (const kind of messageKinds) {
      for (const closedHow of ['confirmed', 'unconfirmed'] as const) {
        const text = render(kind, language, fullVariables(language, closedHow)[kind], 'short');
        expect(
          smsSegments(text),
          `${language} ${kind} (${text.length}): ${text}`,
        ).toBeLessThanOrEqual(2);
      }
    }
  });
});
