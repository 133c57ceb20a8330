import { describe, expect, it } from 'vitest';
import { classifyRefusal, type RefusalRule } from './classify-refusal.js';

const rules: readonly RefusalRule[] = [
  { reason: 'authentication', retryable: false, statuses: [401] },
  { reason: 'throttled', retryable: true, statuses: [429], codes: ['SLOW'] },
  { reason: 'invalid_number', retryable: false, codes: ['BAD'] },
];

describe('classifyRefusal', () => {
  it('matches a rule by status or by provider code', () => {
    expect(classifyRefusal(rules, 429, undefined)).toEqual({
      reason: 'throttled',
      retryable: true,
    });
    expect(classifyRefusal(rules, 400, 'SLOW')).toEqual({ reason: 'throttled', retryable: true });
  });

  it('lets the first matching rule win', () => {
    expect(classifyRefusal(rules, 401, 'SLOW')).toEqual({
      reason: 'authentication',
      retryable: false,
    });
  });

  it('leaves an unmatched refusal to the HTTP status', () => {
    expect(classifyRefusal(rules, 500, undefined)).toEqual({});
    expect(classifyRefusal(rules, 400, '')).toEqual({});
  });
});
