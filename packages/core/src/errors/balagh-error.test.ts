import { describe, expect, it } from 'vitest';
import { BalaghError, isBalaghError } from './balagh-error.js';
import { ValidationError } from './validation-error.js';

describe('BalaghError', () => {
  it('keeps its code, details and cause', () => {
    const cause = new Error('root');
    const error = new BalaghError('NOT_FOUND', 'missing', { cause, details: { number: '1' } });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.cause).toBe(cause);
    expect(error.details).toEqual({ number: '1' });
    expect(error).toBeInstanceOf(Error);
  });

  it('is recognised across duplicate installs by a global symbol, not the prototype', () => {
    const foreign = Object.assign(new Error('x'), { code: 'NOT_FOUND' });
    Object.defineProperty(foreign, Symbol.for('balagh.error'), { value: true });
    expect(isBalaghError(foreign)).toBe(true);
    expect(isBalaghError(new Error('plain'))).toBe(false);
    expect(isBalaghError('a string')).toBe(false);
  });

  it('narrows on a code', () => {
    const error = new ValidationError('bad', [{ path: 'a', code: 'too_small', message: 'm' }]);
    expect(isBalaghError(error, 'VALIDATION_FAILED')).toBe(true);
    expect(isBalaghError(error, 'NOT_FOUND')).toBe(false);
    expect(error.issues[0]?.path).toBe('a');
  });
});
