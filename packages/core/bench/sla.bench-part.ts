import {
  alwaysCalendar,
  createWorkingCalendar,
  defaultBusinessCalendar,
  type SlaPolicy,
  slaStatus,
  type TimelineEntry,
} from '../src/index.js';

const hour = 3_600_000;
const day = 24 * hour;

function entry(at: number, from: TimelineEntry['from'], to: TimelineEntry['to']): TimelineEntry {
  return { at: new Date(at).toISOString(), actor: 'agent-1', role: 'agent', from, to };
}

/**
 * A report worked on over 30 days in April–May 2026 (outside Ramadan and the Eids): assigned,
 * started, two pauses awaiting the reporter, resolved, reopened, still in progress.
 */
function thirtyDayTimeline(): TimelineEntry[] {
  const created = Date.parse('2026-04-05T06:30:00.000Z');
  return [
    entry(created, null, 'received'),
    entry(created + 3 * hour, 'received', 'assigned'),
    entry(created + 1 * day, 'assigned', 'in_progress'),
    entry(created + 2 * day, 'in_progress', 'awaiting_info'),
    entry(created + 5 * day, 'awaiting_info', 'in_progress'),
    entry(created + 9 * day, 'in_progress', 'awaiting_info'),
    entry(created + 12 * day + 5 * hour, 'awaiting_info', 'in_progress'),
    entry(created + 20 * day, 'in_progress', 'resolved'),
    entry(created + 22 * day, 'resolved', 'in_progress'),
  ];
}

function policyOn(calendar: SlaPolicy['calendar']): SlaPolicy {
  return {
    code: 'normal',
    responseMinutes: 8 * 60,
    resolutionMinutes: 10 * 8 * 60,
    calendar,
  };
}

function measure(
  name: string,
  call: (iteration: number) => number,
): { name: string; opsPerSecond: number } {
  let sink = 0;
  // Warm up: let the engine compile the hot path and the calendar lay out its intervals.
  const warmUpEnd = performance.now() + 300;
  for (let iteration = 0; performance.now() < warmUpEnd; iteration++) sink += call(iteration);
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < 1000) {
    for (let batch = 0; batch < 1000; batch++, calls++) sink += call(calls);
    elapsed = performance.now() - start;
  }
  if (sink === Number.NEGATIVE_INFINITY) throw new Error('unreachable');
  return { name, opsPerSecond: Math.round((calls / elapsed) * 1000) };
}

/**
 * Measures `slaStatus` on a report timeline spanning 30 days with pauses and a reopen, on the
 * 24/7 calendar and on the default business calendar (Asia/Riyadh working hours and holidays).
 * Each result is calls per second after a warm-up, over about one second.
 */
export async function runSlaBenchmarks(): Promise<Array<{ name: string; opsPerSecond: number }>> {
  const timeline = thirtyDayTimeline();
  const lastAt = Date.parse(timeline.at(-1)?.at ?? '');
  const alwaysPolicy = policyOn(alwaysCalendar);
  const businessPolicy = policyOn(defaultBusinessCalendar);
  const businessOptions = { calendar: createWorkingCalendar(defaultBusinessCalendar) };
  // `now` moves through the eight days after the last entry, a different millisecond each call.
  const nowOf = (iteration: number) => lastAt + ((iteration * 7919) % (8 * day));
  return [
    measure(
      'slaStatus (24/7 calendar, 30 days, pauses)',
      (iteration) => slaStatus(timeline, alwaysPolicy, nowOf(iteration)).resolution.elapsedMs,
    ),
    measure(
      'slaStatus (business calendar, 30 days, pauses)',
      (iteration) => slaStatus(timeline, businessPolicy, nowOf(iteration)).resolution.elapsedMs,
    ),
    measure(
      'slaStatus (compiled business calendar, 30 days, pauses)',
      (iteration) =>
        slaStatus(timeline, businessPolicy, nowOf(iteration), businessOptions).resolution.elapsedMs,
    ),
  ];
}
