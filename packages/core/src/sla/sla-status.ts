import { ValidationError } from '../errors/validation-error.js';
import type { Calendar, SlaPolicy } from '../schemas/calendar.js';
import type { Report } from '../schemas/report.js';
import type { Status } from '../schemas/status.js';
import type { TimelineEntry } from '../schemas/timeline-entry.js';
import { resolveWorkingCalendar, type WorkingCalendar } from './create-working-calendar.js';
import type { SlaClockStatus, SlaState, SlaStatus } from './sla-status-schema.js';
import { readInstant, toEpochMilliseconds } from './to-epoch-milliseconds.js';
import { toIsoString } from './to-iso-string.js';

/** Options of {@link slaStatus}. */
export interface SlaStatusOptions {
  /**
   * The calendar to measure on instead of `policy.calendar`; pass a compiled
   * {@link WorkingCalendar} to share its cache across many reports.
   */
  readonly calendar?: Calendar | WorkingCalendar;
}

/** Shares of a target after which a clock is at risk when the policy names none. */
export const defaultAtRiskShares: readonly number[] = Object.freeze([0.5, 0.75]);

// Any step past `received` answers the report: the response clock stops there for good.
const respondedStatuses: ReadonlySet<Status> = new Set<Status>([
  'assigned',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
  'duplicate',
]);
const stoppingStatuses: ReadonlySet<Status> = new Set<Status>([
  'resolved',
  'closed',
  'rejected',
  'duplicate',
]);
const stateRanks: Readonly<Record<SlaState, number>> = { on_track: 0, at_risk: 1, breached: 2 };
const statesByRank: readonly SlaState[] = ['on_track', 'at_risk', 'breached'];

/** The working milliseconds after which a share of a target is reached. */
function thresholdOf(share: number, target: number): number {
  // Tolerate the float error of products such as 0.7 × 60,000 before rounding up.
  return Math.max(1, Math.ceil(share * target - 1e-6));
}

class Clock {
  readonly target: number;
  readonly atRiskThreshold: number;
  elapsed = 0;
  stoppedAt = Number.NaN;
  atRiskAt = Number.NaN;
  breachedAt = Number.NaN;

  constructor(target: number, firstShare: number) {
    this.target = target;
    this.atRiskThreshold =
      firstShare === Number.POSITIVE_INFINITY
        ? Number.POSITIVE_INFINITY
        : thresholdOf(firstShare, target);
  }

  get stopped(): boolean {
    return !Number.isNaN(this.stoppedAt);
  }

  /** Adds `worked` working milliseconds, spent in the active interval from `start`. */
  run(working: WorkingCalendar, start: number, worked: number): void {
    if (worked === 0) return;
    const before = this.elapsed;
    const after = before + worked;
    // Crossings are found inside this active interval, so they are exact to the millisecond.
    if (before < this.atRiskThreshold && after >= this.atRiskThreshold) {
      this.atRiskAt = working.addWorkingTime(start, this.atRiskThreshold - before);
    }
    if (before < this.target && after >= this.target) {
      this.breachedAt = working.addWorkingTime(start, this.target - before);
    }
    this.elapsed = after;
  }

  restart(): void {
    this.elapsed = 0;
    this.stoppedAt = Number.NaN;
    this.atRiskAt = Number.NaN;
    this.breachedAt = Number.NaN;
  }

  state(): SlaState {
    if (this.elapsed >= this.target) return 'breached';
    return this.elapsed >= this.atRiskThreshold ? 'at_risk' : 'on_track';
  }

  describe(
    working: WorkingCalendar,
    shares: readonly number[],
    asOf: number,
    paused: boolean,
  ): SlaClockStatus {
    const stopped = this.stopped;
    const remaining = this.target - this.elapsed;
    const dueAt = !Number.isNaN(this.breachedAt)
      ? this.breachedAt
      : working.addWorkingTime(stopped ? this.stoppedAt : asOf, remaining);
    const sharesCrossed: number[] = [];
    for (const share of shares) {
      if (this.elapsed >= thresholdOf(share, this.target)) sharesCrossed.push(share);
    }
    const status: SlaClockStatus = {
      targetMs: this.target,
      elapsedMs: this.elapsed,
      remainingMs: remaining,
      dueAt: toIsoString(dueAt),
      state: this.state(),
      sharesCrossed,
      running: !stopped && !paused,
      paused: !stopped && paused,
    };
    if (stopped) status.stoppedAt = toIsoString(this.stoppedAt);
    if (!Number.isNaN(this.atRiskAt)) status.atRiskAt = toIsoString(this.atRiskAt);
    if (!Number.isNaN(this.breachedAt)) status.breachedAt = toIsoString(this.breachedAt);
    return status;
  }
}

/**
 * Runs the clocks over `[start, end)` spent in `status`; returns the wall-clock milliseconds
 * of it spent paused.
 */
function account(
  working: WorkingCalendar,
  status: Status,
  response: Clock,
  resolution: Clock,
  start: number,
  end: number,
): number {
  if (end <= start) return 0;
  if (status === 'awaiting_info') return end - start;
  const responseRuns = !response.stopped;
  const resolutionRuns = !resolution.stopped;
  if (responseRuns || resolutionRuns) {
    const worked = working.workingTimeBetween(start, end);
    if (responseRuns) response.run(working, start, worked);
    if (resolutionRuns) resolution.run(working, start, worked);
  }
  return 0;
}

// A monitor sweeps the same open reports again and again; reading their timestamps is the
// largest cost left, and a string always reads as the same instant.
const instantsByText = new Map<string, number>();
const instantsByTextLimit = 8192;

function instantOf(text: string): number {
  let instant = instantsByText.get(text);
  if (instant === undefined) {
    instant = readInstant(text);
    if (instantsByText.size >= instantsByTextLimit) instantsByText.clear();
    instantsByText.set(text, instant);
  }
  return instant;
}

function invalid(path: string, message: string): ValidationError {
  return new ValidationError(`Invalid SLA input: ${path} ${message}.`, [
    { path, code: 'invalid_sla_input', message },
  ]);
}

function targetOf(minutes: number, path: string): number {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes <= 0) {
    throw invalid(path, 'must be a positive number of minutes');
  }
  return Math.round(minutes * 60_000);
}

/**
 * Computes a report's SLA at a given time from its timeline alone: elapsed, remaining and due
 * time of the response and resolution clocks, their state (`on_track`, `at_risk`, `breached`)
 * and the exact instants they crossed their at-risk shares and targets.
 *
 * Both clocks start at creation (the first entry) and pause while the report is
 * `awaiting_info`. The response clock stops for good at the first step into `assigned`,
 * `in_progress` or any later status. The resolution clock stops at `resolved` (or `closed`,
 * `rejected`, `duplicate`); a reopen continues it, or restarts it from zero when
 * `policy.onReopen` is `'restart'`. Elapsed time is the length of (active intervals ∩ working
 * time) on the policy's calendar, so a pause over a holiday is never subtracted twice.
 * Timeline entries after `now` are ignored.
 *
 * Pure and fast: pass the same policy (or a compiled calendar in `options`) to many calls, and
 * the calendar's working intervals are laid out once.
 *
 * @param subject - A report, or its timeline (oldest first; the first entry is the creation).
 * @param now - The instant to compute for.
 * @throws {@link ValidationError} (`VALIDATION_FAILED`) for an empty or out-of-order timeline,
 * an invalid instant or a non-positive target; `INVALID_CALENDAR` for an invalid calendar.
 * @example
 * ```ts
 * const status = slaStatus(report, policy, new Date());
 * if (status.resolution.state === 'breached') escalate(report, status.resolution.breachedAt);
 * ```
 */
export function slaStatus(
  subject: Report | readonly TimelineEntry[],
  policy: SlaPolicy,
  now: Date | number | string,
  options: SlaStatusOptions = {},
): SlaStatus {
  const timeline: readonly TimelineEntry[] = Array.isArray(subject)
    ? subject
    : (subject as Report).timeline;
  const first = timeline[0];
  if (first === undefined) throw invalid('timeline', 'must have at least one entry');
  const working = resolveWorkingCalendar(options.calendar ?? policy.calendar);
  const nowMilliseconds = toEpochMilliseconds(now, 'now');
  const shares = policy.atRiskShares ?? defaultAtRiskShares;
  let firstShare = Number.POSITIVE_INFINITY;
  for (const share of shares) if (share < firstShare) firstShare = share;
  const response = new Clock(targetOf(policy.responseMinutes, 'responseMinutes'), firstShare);
  const resolution = new Clock(targetOf(policy.resolutionMinutes, 'resolutionMinutes'), firstShare);
  const restartOnReopen = policy.onReopen === 'restart';

  const createdAt = instantOf(first.at);
  if (Number.isNaN(createdAt)) throw invalid('timeline.0.at', 'must be a valid instant');
  const asOf = Math.max(nowMilliseconds, createdAt);
  let status = first.to;
  let since = createdAt;
  let pausedMs = 0;
  if (respondedStatuses.has(status)) response.stoppedAt = createdAt;
  if (stoppingStatuses.has(status)) resolution.stoppedAt = createdAt;

  for (let index = 1; index < timeline.length; index++) {
    const at = instantOf((timeline[index] as TimelineEntry).at);
    if (!(at >= since)) {
      throw invalid(
        `timeline.${index}.at`,
        Number.isNaN(at) ? 'must be a valid instant' : 'must not be before the previous entry',
      );
    }
    if (at > asOf) break;
    pausedMs += account(working, status, response, resolution, since, at);
    status = (timeline[index] as TimelineEntry).to;
    since = at;
    if (!response.stopped && respondedStatuses.has(status)) response.stoppedAt = at;
    if (stoppingStatuses.has(status)) {
      if (!resolution.stopped) resolution.stoppedAt = at;
    } else if (resolution.stopped) {
      // A reopen: the resolution clock runs again, from where it stopped or from zero.
      if (restartOnReopen) resolution.restart();
      else resolution.stoppedAt = Number.NaN;
    }
  }
  pausedMs += account(working, status, response, resolution, since, asOf);

  const paused = status === 'awaiting_info';
  const responseStatus = response.describe(working, shares, asOf, paused);
  const resolutionStatus = resolution.describe(working, shares, asOf, paused);
  let worst = 0;
  let breachedAt = Number.NaN;
  for (const clock of [response, resolution]) {
    const breached = !Number.isNaN(clock.breachedAt);
    const rank = clock.stopped ? (breached ? 2 : 0) : stateRanks[clock.state()];
    if (rank > worst) worst = rank;
    if (breached && !(clock.breachedAt >= breachedAt)) breachedAt = clock.breachedAt;
  }
  const result: SlaStatus = {
    state: statesByRank[worst] ?? 'on_track',
    response: responseStatus,
    resolution: resolutionStatus,
    pausedMs,
    computedAt: toIsoString(nowMilliseconds),
  };
  if (!Number.isNaN(breachedAt)) result.breachedAt = toIsoString(breachedAt);
  return result;
}
