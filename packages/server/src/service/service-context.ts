import {
  type BalaghEventMap,
  type ClosureKeyring,
  hijriYearOf,
  type Report,
  type SlaPolicy,
  type SlaStatus,
  slaStatus,
  type Taxonomy,
} from '@balagh/core';
import type { ReportWrite, Storage } from '../storage/storage.js';
import type { ReportServiceOptions } from './report-service.js';
import { createTrackingTokens, type TrackingTokens } from './tracking-token.js';

const quarterHour = 15 * 60_000;

/**
 * What every part of the report service shares: the options it was made with, the storage,
 * taxonomy, closure keyring and clock, and the small helpers built on them once per service
 * (times, the Hijri year, events, tracking links, the stored form of a report).
 *
 * @internal
 */
export interface ServiceContext {
  /** The options the service was created with (read at call time where they were before). */
  readonly options: ReportServiceOptions;
  readonly storage: Storage;
  readonly taxonomy: Taxonomy;
  readonly closureKeyring: ClosureKeyring;
  /** Current time in epoch milliseconds (`options.clock` or `Date.now`). */
  readonly clock: () => number;
  /** An instant as ISO 8601 UTC with milliseconds; default: the service clock's now. */
  readonly nowIso: (now?: number) => string;
  /** The Hijri year report numbers take at an instant, computed once per quarter hour. */
  readonly hijriYearAt: (now: number) => number;
  /** Emits an event to `options.emitter`, if any; a failing listener never throws here. */
  readonly emit: <E extends keyof BalaghEventMap>(name: E, ...payload: BalaghEventMap[E]) => void;
  /** Derives the reporter's tracking token of a report. */
  readonly trackingTokens: TrackingTokens;
  /** The tracking link of a report number and token; `undefined` without `publicBaseUrl`. */
  readonly trackingUrlOf: (number: string, token: string) => string | undefined;
  /** The reporter's tracking link of a report, for any notification about it. */
  readonly trackingUrlFor: (report: Report) => string | undefined;
  /** The SLA status of a report at `now`, under its stored (or its category's) policy. */
  readonly slaOf: (report: Report, now: number) => SlaStatus;
  /** The stored form of a report: its SLA state and due time as of `now`. */
  readonly toWrite: (report: Report, now: number, resolvedAt: string | undefined) => ReportWrite;
}

/**
 * Builds the {@link ServiceContext} of a report service from its options, once per service.
 *
 * @internal
 */
export function createServiceContext(options: ReportServiceOptions): ServiceContext {
  const { storage, taxonomy, closureKeyring } = options;
  const clock = options.clock ?? Date.now;

  const nowIso = (now = clock()) => new Date(now).toISOString();

  // Every time zone's offset is a whole number of quarter hours, so the local date, and with it
  // the Hijri year, never changes within one: the year is computed once per quarter hour.
  let hijriQuarter = Number.NaN;
  let hijriYear = 0;
  const hijriYearAt = (now: number): number => {
    const quarter = Math.floor(now / quarterHour);
    if (quarter !== hijriQuarter) {
      hijriYear = hijriYearOf(now);
      hijriQuarter = quarter;
    }
    return hijriYear;
  };

  function emit<E extends keyof BalaghEventMap>(name: E, ...payload: BalaghEventMap[E]): void {
    try {
      (
        options.emitter?.emit as ((name: E, ...payload: BalaghEventMap[E]) => boolean) | undefined
      )?.call(options.emitter, name, ...payload);
    } catch {
      // A failing listener must not turn a committed change into an error for the caller.
    }
  }

  // --- SLA and the stored form ---------------------------------------------------------

  const policyOf = (report: Report): SlaPolicy =>
    taxonomy.slaPolicy(report.slaPolicyCode) ?? taxonomy.slaPolicyFor(report.categoryCode);

  const slaOf = (report: Report, now: number): SlaStatus =>
    slaStatus(report, policyOf(report), now);

  /** The stored form of a report: its SLA state and due time as of `now`. */
  const toWrite = (report: Report, now: number, resolvedAt: string | undefined): ReportWrite => {
    const sla = slaOf(report, now);
    return {
      report,
      slaState: sla.state,
      resolutionDueAt: sla.resolution.dueAt,
      ...(resolvedAt === undefined ? {} : { resolvedAt }),
    };
  };

  // --- tracking links ------------------------------------------------------------------

  const trackingTokens = createTrackingTokens(options.trackingSecret, options.closureKeyring);
  /** The reporter's tracking link of a report, for any notification about it. */
  const trackingUrlFor = (report: Report) =>
    trackingUrlOf(report.number, trackingTokens.tokenOf(report.id));

  const trackingUrlOf = (number: string, token: string) =>
    options.publicBaseUrl === undefined
      ? undefined
      : `${options.publicBaseUrl.replace(/\/+$/, '')}/track/${encodeURIComponent(number)}?token=${encodeURIComponent(token)}`;

  return {
    options,
    storage,
    taxonomy,
    closureKeyring,
    clock,
    nowIso,
    hijriYearAt,
    emit,
    trackingTokens,
    trackingUrlOf,
    trackingUrlFor,
    slaOf,
    toWrite,
  };
}
