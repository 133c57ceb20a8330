import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { reportSchema } from '../schemas/report.js';
import { createReportId } from './create-report-id.js';
import { reportIdTimestamp } from './report-id-timestamp.js';

const idSchema = reportSchema.shape.id;

function isStrictlyIncreasing(ids: readonly string[]): boolean {
  return ids.every((id, index) => index === 0 || ids[index - 1]! < id);
}

describe('createReportId', () => {
  it('makes a UUIDv7 that the report schema accepts', () => {
    const id = createReportId();
    expect(idSchema.safeParse(id).success).toBe(true);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('stamps the id with the current time', () => {
    const before = Date.now();
    const time = reportIdTimestamp(createReportId());
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(Date.now() + 1);
  });

  it('sorts 10,000 ids made in a tight loop in creation order, with no duplicate', () => {
    const ids: string[] = [];
    for (let index = 0; index < 10_000; index += 1) ids.push(createReportId());
    expect(isStrictlyIncreasing(ids)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stays in creation order when more ids are made in one millisecond than the counter holds', () => {
    const now = Date.UTC(2030, 0, 1);
    const ids = Array.from({ length: 10_000 }, () => createReportId(now));
    expect(isStrictlyIncreasing(ids)).toBe(true);
    // The counter holds at least 2048 ids per millisecond, so 10,000 borrow at most 4 more.
    expect(reportIdTimestamp(ids[0]!)).toBe(now);
    expect(reportIdTimestamp(ids.at(-1)!)).toBeLessThanOrEqual(now + 4);
  });

  it('stays in creation order when the clock steps back', () => {
    const now = Date.UTC(2031, 5, 1);
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now);
    const first = createReportId();
    clock.mockReturnValue(now - 60_000);
    const second = createReportId();
    expect(second > first).toBe(true);
    expect(reportIdTimestamp(second)).toBe(now);
  });

  it('gives the time it was asked for when that time is earlier than the last id', () => {
    const past = Date.UTC(2020, 0, 1);
    expect(reportIdTimestamp(createReportId(past))).toBe(past);
  });

  it('round-trips any 48-bit timestamp', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), (time) => {
        const id = createReportId(time);
        expect(idSchema.safeParse(id).success).toBe(true);
        expect(reportIdTimestamp(id)).toBe(time);
      }),
    );
  });

  it('fills rand_b with random bits', () => {
    const now = Date.UTC(2020, 5, 5);
    const tails = new Set(Array.from({ length: 200 }, () => createReportId(now).slice(19)));
    expect(tails.size).toBe(200);
  });

  it.each([-1, 1.5, 2 ** 48, Number.NaN])('refuses the time %s', (time) => {
    expect(() => createReportId(time)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

describe('reportIdTimestamp', () => {
  it('reads the RFC 9562 example UUIDv7', () => {
    // RFC 9562 appendix A.6: 2022-02-22T19:22:22.000Z, 0x017F22E279B0.
    expect(reportIdTimestamp('017f22e2-79b0-7cc3-98c4-dc0c0c07398f')).toBe(0x017f22e279b0);
    expect(new Date(reportIdTimestamp('017F22E2-79B0-7CC3-98C4-DC0C0C07398F')).toISOString()).toBe(
      '2022-02-22T19:22:22.000Z',
    );
  });

  it.each([
    ['a UUIDv4', '9b2f3a1e-4c5d-4e6f-8a7b-1c2d3e4f5a6b'],
    ['a wrong variant', '017f22e2-79b0-7cc3-c8c4-dc0c0c07398f'],
    ['a truncated id', '017f22e2-79b0-7cc3-98c4'],
    ['an empty string', ''],
  ])('refuses %s', (_, id) => {
    expect(() => reportIdTimestamp(id)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
