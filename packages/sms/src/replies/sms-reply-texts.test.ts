import { languages } from '@balagh/core';
import { describe, expect, it } from 'vitest';
import { countSegments } from '../segments/count-segments.js';
import { renderSmsReply, smsReplyKinds, smsReplyTexts } from './sms-reply-texts.js';

describe('renderSmsReply', () => {
  it('has every answer in every language, each at most two segments', () => {
    for (const language of languages) {
      for (const kind of smsReplyKinds) {
        const text = renderSmsReply(kind, language, { attemptsLeft: 4 });
        expect(text, `${kind} in ${language}`).not.toMatch(/\{\w+\}/);
        expect(countSegments(text).segments, `${kind} in ${language}`).toBeLessThanOrEqual(2);
      }
    }
  });

  it('says how many attempts are left, or leaves the remark out when unknown', () => {
    expect(renderSmsReply('code_invalid', 'en', { attemptsLeft: 3 })).toBe(
      'That closure code is not right. Please check it and send it again (3 attempts left).',
    );
    expect(renderSmsReply('code_invalid', 'en')).toBe(
      'That closure code is not right. Please check it and send it again.',
    );
    expect(renderSmsReply('code_invalid', 'ar')).toBe(
      'كود الإغلاق غير صحيح. نرجو التحقق منه وإرساله مجدداً.',
    );
    for (const language of languages) {
      expect(smsReplyTexts[language].code_invalid).toContain('{attemptsLeft}');
    }
  });
});
