import { describe, expect, it } from 'vitest';
import { redactForLog } from './http-logger.js';

describe('redactForLog', () => {
  it('removes phone numbers, API keys and bearer credentials', () => {
    const text =
      'duplicate (phone)=(+966512345678) 0551234567 key blg_abc_def Authorization: Bearer s3cr3t';
    const redacted = redactForLog(text);
    expect(redacted).not.toMatch(/966512345678|0551234567|blg_abc_def|s3cr3t/);
    expect(redacted).toContain('duplicate (phone)=([redacted])');
  });

  it('keeps short numbers such as a status or a line number', () => {
    expect(redactForLog('status 404 at line 12')).toBe('status 404 at line 12');
  });
});
