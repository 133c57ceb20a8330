import * as z from 'zod/mini';

/** Every state an SLA clock can be in. */
export const slaStates = ['on_track', 'at_risk', 'breached'] as const;

/** Schema of an {@link SlaState}. */
export const slaStateSchema = z.enum(slaStates);

/**
 * How an SLA clock stands: `on_track`, `at_risk` once elapsed working time reached the first
 * at-risk share of the target, `breached` once it reached the target.
 */
export type SlaState = z.infer<typeof slaStateSchema>;

/** Schema of an {@link SlaClockStatus}. */
export const slaClockStatusSchema = z.strictObject({
  /** The target, in working milliseconds. */
  targetMs: z.number(),
  /** Working milliseconds the clock has run. */
  elapsedMs: z.number(),
  /** `targetMs - elapsedMs`; negative once breached. */
  remainingMs: z.number(),
  /**
   * When the target is (or was) reached: if the clock keeps running from now; if paused, as if
   * it resumed now; if stopped, as it stood when it stopped. Once breached, `breachedAt`.
   */
  dueAt: z.iso.datetime(),
  /** When the clock stopped, while it is stopped. */
  stoppedAt: z.optional(z.iso.datetime()),
  state: slaStateSchema,
  /** When elapsed time first reached the first at-risk share. */
  atRiskAt: z.optional(z.iso.datetime()),
  /** The exact millisecond elapsed time reached the target. */
  breachedAt: z.optional(z.iso.datetime()),
  /** The configured at-risk shares already reached, for warnings raised once each. */
  sharesCrossed: z.array(z.number()),
  /** Whether the clock is running (it counts whenever the calendar has working time). */
  running: z.boolean(),
  /** Whether the clock is paused while the report awaits information from the reporter. */
  paused: z.boolean(),
});

/** One SLA clock (response or resolution) of a report at a given time. */
export type SlaClockStatus = z.infer<typeof slaClockStatusSchema>;

/** Schema of an {@link SlaStatus}. */
export const slaStatusSchema = z.strictObject({
  /**
   * The worst state of the clocks still relevant: a stopped clock counts only when it
   * breached; with both clocks stopped on time the report is `on_track`.
   */
  state: slaStateSchema,
  /** Until the report is first assigned (or taken further). */
  response: slaClockStatusSchema,
  /** Until the report is resolved. */
  resolution: slaClockStatusSchema,
  /** Wall-clock milliseconds the report spent awaiting information from the reporter. */
  pausedMs: z.number(),
  /** The earliest breach of the two clocks. */
  breachedAt: z.optional(z.iso.datetime()),
  /** The instant the status was computed for. */
  computedAt: z.iso.datetime(),
});

/** A report's SLA at a given time, computed from its timeline by {@link slaStatus}. */
export type SlaStatus = z.infer<typeof slaStatusSchema>;
