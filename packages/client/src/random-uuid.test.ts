import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomUuid } from './random-uuid.js';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomUuid', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('answers a version 4 UUID', () => {
    expect(randomUuid()).toMatch(uuidV4);
  });

  it('builds a version 4 UUID from getRandomValues where randomUUID is missing (insecure pages)', () => {
    const { getRandomValues } = crypto;
    vi.stubGlobal('crypto', { getRandomValues: getRandomValues.bind(crypto) });
    const uuids = new Set(Array.from({ length: 200 }, () => randomUuid()));
    expect(uuids.size).toBe(200);
    for (const uuid of uuids) expect(uuid).toMatch(uuidV4);
  });
});
