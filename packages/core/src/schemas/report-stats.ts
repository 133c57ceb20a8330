import * as z from 'zod/mini';
import { type Channel, channelSchema } from './channel.js';
import { instantSchema } from './instant.js';
import { type Status, statusSchema } from './status.js';

// The answer of `GET /v1/stats`. The type is declared beside the schema, read-only, and checked
// against it by answer-types.test-d.ts.

const countSchema = z.number().check(z.int(), z.gte(0));

const shareSchema = z.nullable(z.number().check(z.gte(0), z.lte(1)));

/** Schema of {@link ReportStats}. */
export const reportStatsSchema = z.strictObject({
  from: instantSchema,
  to: instantSchema,
  total: countSchema,
  byStatus: z.partialRecord(statusSchema, countSchema),
  byCategory: z.record(z.string(), countSchema),
  byDepartment: z.record(z.string(), countSchema),
  byChannel: z.partialRecord(channelSchema, countSchema),
  byDay: z.array(
    z.strictObject({ day: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)), count: countSchema }),
  ),
  closureRate: shareSchema,
  slaCompliance: shareSchema,
  medianTimeToResolveMilliseconds: z.nullable(z.number().check(z.gte(0))),
});

/** Counts and rates of the reports created in a range (`GET /v1/stats`). */
export interface ReportStats {
  /** Reports created at or after this instant are counted, ISO 8601. */
  readonly from: string;
  /** Reports created strictly before this instant are counted, ISO 8601. */
  readonly to: string;
  readonly total: number;
  /** Counts per status; a status no report is in is left out. */
  readonly byStatus: Readonly<Partial<Record<Status, number>>>;
  /** Counts per category code. */
  readonly byCategory: Readonly<Record<string, number>>;
  /** Counts per department code. */
  readonly byDepartment: Readonly<Record<string, number>>;
  /** Counts per channel; a channel no report came from is left out. */
  readonly byChannel: Readonly<Partial<Record<Channel, number>>>;
  /** Counts per UTC day of creation, `YYYY-MM-DD`, ascending. */
  readonly byDay: readonly { readonly day: string; readonly count: number }[];
  /** Share of reports (neither rejected nor duplicate) that are closed; `null` when none. */
  readonly closureRate: number | null;
  /** Share of resolved reports resolved before their resolution due time; `null` when none. */
  readonly slaCompliance: number | null;
  /** Median milliseconds from creation to (first) resolution; `null` when none is resolved. */
  readonly medianTimeToResolveMilliseconds: number | null;
}
