import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { type DuplicateCandidate, isLikelyDuplicate } from './is-likely-duplicate.js';

const camp42: DuplicateCandidate = {
  id: 'a',
  categoryCode: 'waste_accumulation',
  location: { lat: 21.4133, lng: 39.8933 },
  createdAt: '2026-05-26T05:00:00.000Z',
  status: 'assigned',
};

// About 100 m north of camp 42 (0.0009° of latitude ≈ 100 m).
const nextDoor: DuplicateCandidate = {
  id: 'b',
  categoryCode: 'waste_accumulation',
  location: { lat: 21.4142, lng: 39.8933 },
  createdAt: '2026-05-27T05:00:00.000Z',
  status: 'received',
};

describe('isLikelyDuplicate', () => {
  it('links two reports of one category, close in place and time', () => {
    expect(isLikelyDuplicate(camp42, nextDoor)).toBe(true);
    expect(isLikelyDuplicate(nextDoor, camp42)).toBe(true);
  });

  it('needs the same category', () => {
    expect(isLikelyDuplicate(camp42, { ...nextDoor, categoryCode: 'street_lighting' })).toBe(false);
  });

  it('needs both reports to have coordinates', () => {
    expect(isLikelyDuplicate(camp42, { ...nextDoor, location: { lat: 21.4142 } })).toBe(false);
    expect(isLikelyDuplicate(camp42, { ...nextDoor, location: undefined })).toBe(false);
    const { location: _location, ...withoutLocation } = nextDoor;
    expect(isLikelyDuplicate(withoutLocation, camp42)).toBe(false);
  });

  it('respects the radius, 150 m by default', () => {
    const farther = { ...nextDoor, location: { lat: 21.4148, lng: 39.8933 } }; // ≈ 167 m
    expect(isLikelyDuplicate(camp42, farther)).toBe(false);
    expect(isLikelyDuplicate(camp42, farther, { radiusMeters: 200 })).toBe(true);
    expect(isLikelyDuplicate(camp42, nextDoor, { radiusMeters: 50 })).toBe(false);
  });

  it('respects the window, 72 hours by default, in either order', () => {
    const at72Hours = { ...nextDoor, createdAt: '2026-05-29T05:00:00.000Z' };
    const past72Hours = { ...nextDoor, createdAt: '2026-05-29T05:00:00.001Z' };
    expect(isLikelyDuplicate(camp42, at72Hours)).toBe(true);
    expect(isLikelyDuplicate(past72Hours, camp42)).toBe(false);
    expect(isLikelyDuplicate(camp42, nextDoor, { windowMs: 60 * 60 * 1000 })).toBe(false);
    expect(
      isLikelyDuplicate(
        { ...camp42, createdAt: Date.parse('2026-05-26T05:00:00Z') },
        { ...nextDoor, createdAt: new Date('2026-05-26T06:00:00Z') },
        { windowMs: 60 * 60 * 1000 },
      ),
    ).toBe(true);
  });

  it('never compares a report with itself', () => {
    expect(isLikelyDuplicate(camp42, camp42)).toBe(false);
    expect(isLikelyDuplicate(camp42, { ...nextDoor, id: 'a' })).toBe(false);
    const { id: _a, ...anonymousA } = camp42;
    const { id: _b, ...anonymousB } = nextDoor;
    expect(isLikelyDuplicate(anonymousA, anonymousB)).toBe(true);
  });

  it('does not suggest a report that is closed, rejected or itself a duplicate', () => {
    for (const status of ['closed', 'rejected', 'duplicate'] as const) {
      expect(isLikelyDuplicate(camp42, { ...nextDoor, status })).toBe(false);
    }
    expect(isLikelyDuplicate(camp42, { ...nextDoor, status: 'resolved' })).toBe(true);
  });

  it('refuses a creation time that is not an instant and negative options', () => {
    expect(() => isLikelyDuplicate(camp42, { ...nextDoor, createdAt: 'yesterday' })).toThrow(
      ValidationError,
    );
    expect(() => isLikelyDuplicate(camp42, nextDoor, { radiusMeters: -1 })).toThrow(
      ValidationError,
    );
    expect(() => isLikelyDuplicate(camp42, nextDoor, { windowMs: Number.NaN })).toThrow(
      ValidationError,
    );
  });
});
