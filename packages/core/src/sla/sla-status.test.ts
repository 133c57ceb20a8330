import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Calendar, SlaPolicy } from '../schemas/calendar.js';
import type { Report } from '../schemas/report.js';
import type { Status } from '../schemas/status.js';
import type { TimelineEntry } from '../schemas/timeline-entry.js';
import { alwaysCalendar } from './always-calendar.js';
import { createWorkingCalendar } from './create-working-calendar.js';
import { defaultBusinessCalendar } from './default-business-calendar.js';
import { slaStatus } from './sla-status.js';
import { slaStatusSchema } from './sla-status-schema.js';
import { workingTimeBetween } from './working-time-between.js';

const minute = 60_000;
const hour = 60 * minute;

/** A timeline from `[at, status]` steps; the first step creates the report. */
function timeline(...steps: readonly (readonly [string, Status])[]): TimelineEntry[] {
  return steps.map(([at, to], index) => ({
    at,
    actor: index === 0 ? 'reporter' : 'agent-7',
    role: index === 0 ? 'reporter' : 'agent',
    from: index === 0 ? null : (steps[index - 1]?.[1] ?? null),
    to,
  }));
}

function policy(
  calendar: Calendar,
  responseMinutes: number,
  resolutionMinutes: number,
  extra: Partial<SlaPolicy> = {},
): SlaPolicy {
  return { code: 'test', responseMinutes, resolutionMinutes, calendar, ...extra };
}

const hourly = policy(alwaysCalendar, 60, 600);

describe('slaStatus', () => {
  it('runs both clocks from creation on the always calendar', () => {
    const status = slaStatus(
      timeline(['2026-04-05T10:00:00.000Z', 'received']),
      hourly,
      '2026-04-05T10:20:00.000Z',
    );
    expect(status).toEqual({
      state: 'on_track',
      response: {
        targetMs: hour,
        elapsedMs: 20 * minute,
        remainingMs: 40 * minute,
        dueAt: '2026-04-05T11:00:00.000Z',
        state: 'on_track',
        sharesCrossed: [],
        running: true,
        paused: false,
      },
      resolution: {
        targetMs: 10 * hour,
        elapsedMs: 20 * minute,
        remainingMs: 9 * hour + 40 * minute,
        dueAt: '2026-04-05T20:00:00.000Z',
        state: 'on_track',
        sharesCrossed: [],
        running: true,
        paused: false,
      },
      pausedMs: 0,
      computedAt: '2026-04-05T10:20:00.000Z',
    });
    expect(slaStatusSchema.safeParse(status).success).toBe(true);
  });

  describe('pauses the clock while awaiting the reporter', () => {
    const steps = timeline(
      ['2026-04-05T10:00:00.000Z', 'received'],
      ['2026-04-05T10:20:00.000Z', 'assigned'],
      ['2026-04-05T11:00:00.000Z', 'awaiting_info'],
      ['2026-04-05T13:00:00.000Z', 'in_progress'],
    );

    it('and counts nothing during the pause, computing the due time as if it resumed now', () => {
      const status = slaStatus(steps, hourly, '2026-04-05T12:00:00.000Z');
      expect(status.resolution).toMatchObject({
        elapsedMs: hour,
        paused: true,
        running: false,
        dueAt: '2026-04-05T21:00:00.000Z',
      });
      expect(status.pausedMs).toBe(hour);
    });

    it('and runs again after it', () => {
      const status = slaStatus(steps, hourly, '2026-04-05T14:00:00.000Z');
      expect(status.resolution).toMatchObject({
        elapsedMs: 2 * hour,
        paused: false,
        running: true,
        dueAt: '2026-04-05T22:00:00.000Z',
      });
      expect(status.pausedMs).toBe(2 * hour);
      expect(status.response).toMatchObject({
        elapsedMs: 20 * minute,
        stoppedAt: '2026-04-05T10:20:00.000Z',
        running: false,
        paused: false,
      });
    });

    it('and pauses the response clock too before the report is assigned', () => {
      const early = timeline(
        ['2026-04-05T10:00:00.000Z', 'received'],
        ['2026-04-05T10:10:00.000Z', 'awaiting_info'],
      );
      const status = slaStatus(early, hourly, '2026-04-05T15:00:00.000Z');
      expect(status.response).toMatchObject({
        elapsedMs: 10 * minute,
        paused: true,
        dueAt: '2026-04-05T15:50:00.000Z',
      });
      expect(status.state).toBe('on_track');
    });
  });

  it('stops the resolution clock at resolved, keeping the due time as it stood', () => {
    const steps = timeline(
      ['2026-04-05T10:00:00.000Z', 'received'],
      ['2026-04-05T10:20:00.000Z', 'assigned'],
      ['2026-04-05T13:00:00.000Z', 'resolved'],
    );
    const status = slaStatus(steps, hourly, '2026-04-12T00:00:00.000Z');
    expect(status.resolution).toMatchObject({
      elapsedMs: 3 * hour,
      stoppedAt: '2026-04-05T13:00:00.000Z',
      dueAt: '2026-04-05T20:00:00.000Z',
      running: false,
      paused: false,
      state: 'on_track',
    });
    expect(status.state).toBe('on_track');
  });

  describe('on reopen', () => {
    const steps = timeline(
      ['2026-04-05T10:00:00.000Z', 'received'],
      ['2026-04-05T10:20:00.000Z', 'assigned'],
      ['2026-04-05T13:00:00.000Z', 'resolved'],
      ['2026-04-05T18:00:00.000Z', 'in_progress'],
    );

    it('continues the clock where it stopped by default', () => {
      const { resolution } = slaStatus(steps, hourly, '2026-04-05T21:00:00.000Z');
      expect(resolution).toMatchObject({
        elapsedMs: 6 * hour,
        state: 'at_risk',
        atRiskAt: '2026-04-05T20:00:00.000Z',
        dueAt: '2026-04-06T01:00:00.000Z',
        running: true,
      });
      expect(resolution.stoppedAt).toBeUndefined();
    });

    it('restarts it from zero when the policy says so', () => {
      const { resolution } = slaStatus(
        steps,
        { ...hourly, onReopen: 'restart' },
        '2026-04-05T21:00:00.000Z',
      );
      expect(resolution).toMatchObject({
        elapsedMs: 3 * hour,
        state: 'on_track',
        dueAt: '2026-04-06T04:00:00.000Z',
        running: true,
      });
      expect(resolution.atRiskAt).toBeUndefined();
    });

    it('never restarts the response clock', () => {
      const { response } = slaStatus(
        steps,
        { ...hourly, onReopen: 'restart' },
        '2026-04-05T21:00:00.000Z',
      );
      expect(response).toMatchObject({
        elapsedMs: 20 * minute,
        stoppedAt: '2026-04-05T10:20:00.000Z',
      });
    });
  });

  it('does not subtract a pause overlapping a holiday twice', () => {
    const business = policy(defaultBusinessCalendar, 240, 24 * 60);
    // Tuesday 26 May 2026 09:00 in Riyadh; Eid al-Adha runs Wednesday 27 to Saturday 30 May.
    const steps = timeline(
      ['2026-05-26T06:00:00.000Z', 'received'],
      ['2026-05-26T07:00:00.000Z', 'assigned'],
      ['2026-05-26T09:00:00.000Z', 'awaiting_info'], // Tuesday 12:00 …
      ['2026-05-28T09:00:00.000Z', 'in_progress'], // … to Thursday 12:00, a holiday.
    );
    const status = slaStatus(steps, business, '2026-05-31T09:00:00.000Z'); // Sunday 12:00
    // Tuesday 09:00–12:00, then Sunday 08:00–12:00.
    expect(status.resolution.elapsedMs).toBe(7 * hour);
    expect(status.pausedMs).toBe(48 * hour);
    const naive =
      workingTimeBetween(
        defaultBusinessCalendar,
        '2026-05-26T06:00:00.000Z',
        '2026-05-31T09:00:00.000Z',
      ) -
      (Date.parse('2026-05-28T09:00:00.000Z') - Date.parse('2026-05-26T09:00:00.000Z'));
    expect(status.resolution.elapsedMs).not.toBe(naive);
  });

  describe('at-risk shares', () => {
    const steps = timeline(
      ['2026-04-05T10:00:00.000Z', 'received'],
      ['2026-04-05T10:01:00.000Z', 'assigned'],
    );
    const hundredMinutes = policy(alwaysCalendar, 10, 100);

    it('stays on track until half the target', () => {
      const { resolution, state } = slaStatus(steps, hundredMinutes, '2026-04-05T10:49:59.999Z');
      expect(resolution).toMatchObject({ state: 'on_track', sharesCrossed: [] });
      expect(resolution.atRiskAt).toBeUndefined();
      expect(state).toBe('on_track');
    });

    it('is at risk from 50%, with the exact instant', () => {
      const { resolution, state } = slaStatus(steps, hundredMinutes, '2026-04-05T10:50:00.000Z');
      expect(resolution).toMatchObject({
        state: 'at_risk',
        sharesCrossed: [0.5],
        atRiskAt: '2026-04-05T10:50:00.000Z',
      });
      expect(state).toBe('at_risk');
    });

    it('reports 75% as crossed too, keeping the first crossing as atRiskAt', () => {
      const { resolution } = slaStatus(steps, hundredMinutes, '2026-04-05T11:15:00.000Z');
      expect(resolution).toMatchObject({
        state: 'at_risk',
        sharesCrossed: [0.5, 0.75],
        atRiskAt: '2026-04-05T10:50:00.000Z',
      });
    });

    it('uses the policy’s own shares', () => {
      const { resolution } = slaStatus(
        steps,
        { ...hundredMinutes, atRiskShares: [0.25, 0.9] },
        '2026-04-05T11:00:00.000Z',
      );
      expect(resolution).toMatchObject({
        state: 'at_risk',
        sharesCrossed: [0.25],
        atRiskAt: '2026-04-05T10:25:00.000Z',
      });
    });
  });

  it('finds breachedAt to the millisecond across a weekend', () => {
    const business = policy(defaultBusinessCalendar, 1, 60);
    // Created Thursday 9 April 2026 at 15:59:59.999 in Riyadh: 1 ms of work left that week.
    const steps = timeline(['2026-04-09T12:59:59.999Z', 'received']);
    const status = slaStatus(steps, business, '2026-04-12T09:00:00.000Z'); // Sunday 12:00
    expect(status.response).toMatchObject({
      state: 'breached',
      breachedAt: '2026-04-12T05:00:59.999Z',
      dueAt: '2026-04-12T05:00:59.999Z',
      elapsedMs: 4 * hour + 1,
      remainingMs: minute - (4 * hour + 1),
    });
    expect(status.resolution.breachedAt).toBe('2026-04-12T05:59:59.999Z');
    expect(status.breachedAt).toBe('2026-04-12T05:00:59.999Z');
    expect(status.state).toBe('breached');
    const justBefore = slaStatus(steps, business, '2026-04-12T05:00:59.998Z');
    expect(justBefore.response).toMatchObject({ state: 'at_risk', remainingMs: 1 });
  });

  it('runs on Ramadan hours in Ramadan', () => {
    const business = policy(defaultBusinessCalendar, 240, 480);
    // Sunday 1 March 2026 (Ramadan 1447) 09:00 in Riyadh: work starts at 10:00, ends at 15:00.
    const inRamadan = slaStatus(
      timeline(['2026-03-01T06:00:00.000Z', 'received']),
      business,
      '2026-03-01T06:00:00.000Z',
    );
    expect(inRamadan.response.dueAt).toBe('2026-03-01T11:00:00.000Z');
    expect(inRamadan.resolution.dueAt).toBe('2026-03-02T10:00:00.000Z');
    // The same Sunday hour in April: 08:00–16:00.
    const afterRamadan = slaStatus(
      timeline(['2026-04-05T06:00:00.000Z', 'received']),
      business,
      '2026-04-05T06:00:00.000Z',
    );
    expect(afterRamadan.response.dueAt).toBe('2026-04-05T10:00:00.000Z');
  });

  it('counts a window crossing midnight', () => {
    const night: Calendar = {
      kind: 'weekly',
      timeZone: 'Asia/Riyadh',
      windows: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: '22:00', end: '06:00' })),
    };
    // Sunday 5 April 2026 20:00 in Riyadh; the shift runs 22:00–06:00.
    const steps = timeline(['2026-04-05T17:00:00.000Z', 'received']);
    const status = slaStatus(steps, policy(night, 120, 600), '2026-04-07T00:00:00.000Z');
    expect(status.response.breachedAt).toBe('2026-04-05T21:00:00.000Z'); // Monday 00:00
    expect(status.resolution.breachedAt).toBe('2026-04-06T21:00:00.000Z'); // Tuesday 00:00
    expect(status.resolution.elapsedMs).toBe(10 * hour + 3 * hour);
  });

  it('stops the response clock when a report is resolved before it is assigned', () => {
    const steps = timeline(
      ['2026-04-05T10:00:00.000Z', 'received'],
      ['2026-04-05T10:30:00.000Z', 'resolved'],
    );
    const status = slaStatus(steps, hourly, '2026-04-05T18:00:00.000Z');
    expect(status.response).toMatchObject({
      elapsedMs: 30 * minute,
      stoppedAt: '2026-04-05T10:30:00.000Z',
      running: false,
      state: 'at_risk',
    });
    expect(status.resolution).toMatchObject({
      elapsedMs: 30 * minute,
      stoppedAt: '2026-04-05T10:30:00.000Z',
      running: false,
    });
    // Both clocks stopped in time: nothing is at risk any more.
    expect(status.state).toBe('on_track');
  });

  it('stays breached after a late response, once the report is resolved', () => {
    const steps = timeline(
      ['2026-04-05T10:00:00.000Z', 'received'],
      ['2026-04-05T12:00:00.000Z', 'assigned'],
      ['2026-04-05T13:00:00.000Z', 'resolved'],
      ['2026-04-06T09:00:00.000Z', 'closed'],
    );
    const status = slaStatus(steps, hourly, '2026-04-07T00:00:00.000Z');
    expect(status.state).toBe('breached');
    expect(status.breachedAt).toBe('2026-04-05T11:00:00.000Z');
    expect(status.resolution.stoppedAt).toBe('2026-04-05T13:00:00.000Z');
  });

  it('accepts a report, ignores entries after now, and uses a compiled calendar from the options', () => {
    const steps = timeline(
      ['2026-04-05T10:00:00.000Z', 'received'],
      ['2026-04-05T12:00:00.000Z', 'assigned'],
    );
    const report = { timeline: steps } as unknown as Report;
    const status = slaStatus(report, hourly, '2026-04-05T10:30:00.000Z', {
      calendar: createWorkingCalendar(defaultBusinessCalendar),
    });
    // Sunday 13:00–13:30 in Riyadh is working time on the business calendar too.
    expect(status.response).toMatchObject({ elapsedMs: 30 * minute, running: true });
    expect(status.response.stoppedAt).toBeUndefined();
  });

  it('refuses an empty or out-of-order timeline and an invalid now', () => {
    expect(() => slaStatus([], hourly, 0)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    const outOfOrder = timeline(
      ['2026-04-05T10:00:00.000Z', 'received'],
      ['2026-04-05T09:00:00.000Z', 'assigned'],
    );
    expect(() => slaStatus(outOfOrder, hourly, '2026-04-05T11:00:00.000Z')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() =>
      slaStatus(timeline(['2026-04-05T10:00:00.000Z', 'received']), hourly, 'soon'),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  describe('on random timelines', () => {
    const business = policy(defaultBusinessCalendar, 8 * 60, 5 * 8 * 60);
    const nextStatus = fc.constantFrom<Status>(
      'assigned',
      'in_progress',
      'awaiting_info',
      'in_progress',
      'resolved',
    );
    const randomTimeline = fc
      .record({
        created: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2030, 0, 1) }),
        steps: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * 24 * hour }), nextStatus), {
          maxLength: 8,
        }),
      })
      .map(({ created, steps }) => {
        let at = created;
        const stepsWithTimes: [string, Status][] = [[new Date(created).toISOString(), 'received']];
        for (const [gap, status] of steps) {
          at += gap;
          stepsWithTimes.push([new Date(at).toISOString(), status]);
        }
        return { created, entries: timeline(...stepsWithTimes), last: at };
      });

    it('reaches the target exactly at breachedAt, one millisecond after target - 1', () => {
      fc.assert(
        fc.property(
          randomTimeline,
          fc.integer({ min: 0, max: 30 * 24 * hour }),
          ({ entries, last }, later) => {
            const { resolution } = slaStatus(entries, business, last + later);
            if (resolution.breachedAt === undefined) {
              expect(resolution.elapsedMs).toBeLessThan(resolution.targetMs);
              return;
            }
            expect(slaStatus(entries, business, resolution.breachedAt).resolution.elapsedMs).toBe(
              resolution.targetMs,
            );
            const before = Date.parse(resolution.breachedAt) - 1;
            expect(slaStatus(entries, business, before).resolution.elapsedMs).toBe(
              resolution.targetMs - 1,
            );
          },
        ),
      );
    });

    it('never lets elapsed time go down as now moves on, and keeps elapsed + remaining = target', () => {
      fc.assert(
        fc.property(
          randomTimeline,
          fc.integer({ min: 0, max: 10 * 24 * hour }),
          fc.integer({ min: 0, max: 10 * 24 * hour }),
          ({ created, entries }, first, second) => {
            const earlier = slaStatus(entries, business, created + first);
            const later = slaStatus(entries, business, created + first + second);
            for (const clock of ['response', 'resolution'] as const) {
              expect(later[clock].elapsedMs).toBeGreaterThanOrEqual(earlier[clock].elapsedMs);
              expect(later[clock].elapsedMs + later[clock].remainingMs).toBe(later[clock].targetMs);
            }
            expect(later.pausedMs).toBeGreaterThanOrEqual(earlier.pausedMs);
          },
        ),
      );
    });

    it('measures the same elapsed time as workingTimeBetween over the active intervals', () => {
      fc.assert(
        fc.property(
          randomTimeline,
          fc.integer({ min: 0, max: 10 * 24 * hour }),
          ({ entries, last }, later) => {
            const now = last + later;
            let expected = 0;
            for (let index = 0; index < entries.length; index++) {
              const entry = entries[index] as TimelineEntry;
              const end = entries[index + 1]?.at ?? new Date(now).toISOString();
              // Continue on reopen: every stretch outside awaiting_info and resolved counts.
              if (entry.to !== 'awaiting_info' && entry.to !== 'resolved') {
                expected += workingTimeBetween(defaultBusinessCalendar, entry.at, end);
              }
            }
            expect(slaStatus(entries, business, now).resolution.elapsedMs).toBe(expected);
          },
        ),
      );
    });
  });
});
