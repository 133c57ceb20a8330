import { describe, expect, it } from 'vitest';
import {
  addWorkingTime,
  type Calendar,
  createWorkingCalendar,
  defaultBusinessCalendar,
  hijriToGregorian,
  hijriYearOf,
  isBalaghError,
  type SlaPolicy,
  slaStatus,
  type TimelineEntry,
  toHijriDate,
  workingTimeBetween,
} from '../index.js';

// The examples of docs/core/sla.md, run as written there.
describe('the SLA guide', () => {
  it('computes working time on the business calendar', () => {
    expect(
      addWorkingTime(
        defaultBusinessCalendar,
        '2026-04-09T11:00:00.000Z',
        8 * 3_600_000,
      ).toISOString(),
    ).toBe('2026-04-12T11:00:00.000Z');
    expect(
      workingTimeBetween(
        defaultBusinessCalendar,
        '2026-04-09T12:00:00.000Z',
        '2026-04-12T06:00:00.000Z',
      ),
    ).toBe(7_200_000);
    expect(
      addWorkingTime(
        defaultBusinessCalendar,
        '2026-03-19T11:00:00.000Z',
        2 * 3_600_000,
      ).toISOString(),
    ).toBe('2026-03-24T06:00:00.000Z');
  });

  it('runs a night-shift calendar across midnight', () => {
    const hajjNights: Calendar = {
      kind: 'weekly',
      code: 'hajj-nights',
      timeZone: 'Asia/Riyadh',
      windows: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: '20:00', end: '04:00' })),
    };
    expect(
      addWorkingTime(hajjNights, '2026-05-26T18:00:00.000Z', 10 * 3_600_000).toISOString(),
    ).toBe('2026-05-27T20:00:00.000Z');
  });

  it('shortens a window on a DST day', () => {
    const london = createWorkingCalendar({
      kind: 'weekly',
      timeZone: 'Europe/London',
      windows: [{ day: 0, start: '00:00', end: '04:00' }],
    });
    expect(workingTimeBetween(london, '2026-03-29T00:00:00.000Z', '2026-03-29T12:00:00.000Z')).toBe(
      10_800_000,
    );
  });

  it('refuses overlapping windows', () => {
    let caught: unknown;
    try {
      createWorkingCalendar({
        kind: 'weekly',
        timeZone: 'Asia/Riyadh',
        windows: [
          { day: 0, start: '08:00', end: '16:00' },
          { day: 0, start: '15:00', end: '18:00' },
        ],
      });
    } catch (error) {
      caught = error;
    }
    expect(isBalaghError(caught, 'INVALID_CALENDAR')).toBe(true);
    expect((caught as Error).message).toBe('Invalid calendar. windows.1: overlaps window 0');
    expect(caught).toMatchObject({ issues: [{ path: 'windows.1', code: 'overlapping_windows' }] });
  });

  it('computes a report’s SLA', () => {
    const policy: SlaPolicy = {
      code: 'normal',
      responseMinutes: 4 * 60,
      resolutionMinutes: 3 * 8 * 60,
      calendar: defaultBusinessCalendar,
    };
    const timeline: TimelineEntry[] = [
      {
        at: '2026-04-05T06:00:00.000Z',
        actor: 'reporter',
        role: 'reporter',
        from: null,
        to: 'received',
      },
      {
        at: '2026-04-05T08:00:00.000Z',
        actor: 'agent-7',
        role: 'agent',
        from: 'received',
        to: 'assigned',
      },
      {
        at: '2026-04-06T07:00:00.000Z',
        actor: 'officer-3',
        role: 'field_officer',
        from: 'assigned',
        to: 'awaiting_info',
        note: 'Which gate of the camp?',
      },
      {
        at: '2026-04-07T10:00:00.000Z',
        actor: 'reporter',
        role: 'reporter',
        from: 'awaiting_info',
        to: 'in_progress',
      },
    ];
    const status = slaStatus(timeline, policy, '2026-04-08T10:00:00.000Z');
    expect(status.state).toBe('at_risk');
    expect(status.response).toMatchObject({
      elapsedMs: 7_200_000,
      stoppedAt: '2026-04-05T08:00:00.000Z',
    });
    expect(status.resolution).toMatchObject({
      elapsedMs: 61_200_000,
      remainingMs: 25_200_000,
      dueAt: '2026-04-09T09:00:00.000Z',
      atRiskAt: '2026-04-07T13:00:00.000Z',
      sharesCrossed: [0.5],
      running: true,
    });
    expect(status.pausedMs).toBe(97_200_000);
  });

  it('converts Hijri dates', () => {
    expect(toHijriDate('2026-02-18T09:00:00.000Z')).toEqual({ year: 1447, month: 9, day: 1 });
    expect(hijriToGregorian({ year: 1447, month: 12, day: 10 })).toEqual({
      year: 2026,
      month: 5,
      day: 27,
    });
    expect(hijriYearOf('2026-06-15T21:00:00.000Z')).toBe(1448);
    expect(() => hijriToGregorian({ year: 1447, month: 12, day: 30 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
