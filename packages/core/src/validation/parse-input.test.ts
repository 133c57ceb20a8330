import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { reportInputSchema } from '../schemas/report-input.js';
import { parseInput, safeParseInput } from './parse-input.js';

const valid = {
  categoryCode: 'street_lighting',
  description: 'The lamp post at gate 79 is dark',
  channel: 'web',
  language: 'en',
  location: { lat: 21.4225, lng: 39.8262 },
};

describe('parseInput', () => {
  it('returns the parsed value for a valid report input', () => {
    expect(parseInput(reportInputSchema, valid).categoryCode).toBe('street_lighting');
  });

  it('throws a ValidationError whose issues name each offending field', () => {
    const input = { ...valid, description: '', location: { lat: 91 }, channel: 'fax', extra: 1 };
    let caught: unknown;
    try {
      parseInput(reportInputSchema, input, 'report input');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    const paths = (caught as ValidationError).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['description', 'location.lat', 'channel', '']));
    expect((caught as ValidationError).message).toMatch(/^Invalid report input\./);
    expect((caught as ValidationError).issues.every((i) => i.message !== 'Invalid input')).toBe(
      true,
    );
  });

  it('refuses a location with only one coordinate', () => {
    const result = safeParseInput(reportInputSchema, { ...valid, location: { lat: 21.4 } });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.path)).toContain('location.lng');
  });
});
