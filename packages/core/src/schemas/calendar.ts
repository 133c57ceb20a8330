import * as z from 'zod/mini';

const clockTime = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM'));
const endClockTime = z
  .string()
  .check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time HH:MM or 24:00'));
const monthDaySchema = z
  .string()
  .check(
    z.regex(
      /^(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-9])|(?:0[13-9]|1[0-2])-30|(?:0[13578]|1[02])-31)$/,
      'must be a day of the year MM-DD',
    ),
  );
const holidayDays = z.optional(z.number().check(z.int(), z.gte(1), z.lte(60)));
const codeSchema = z
  .string()
  .check(
    z.regex(/^[a-z][a-z0-9_-]{0,63}$/, 'must be a code of lower-case letters, digits, _ and -'),
  );

/**
 * Schema of a {@link WorkingWindow}: working hours on one weekday, in the calendar's time zone.
 * When `end` is not after `start` the window crosses midnight into the next day
 * (`{ day: 4, start: '22:00', end: '02:00' }` is Thursday 22:00 to Friday 02:00).
 */
export const workingWindowSchema = z.strictObject({
  /** Weekday the window starts on: 0 Sunday … 6 Saturday, as `Date.prototype.getDay`. */
  day: z.number().check(z.int(), z.gte(0), z.lte(6)),
  /** Local start time, `HH:MM`. */
  start: clockTime,
  /** Local end time, `HH:MM`; `24:00` is the end of the day. */
  end: endClockTime,
});

/** Working hours on one weekday. */
export type WorkingWindow = z.infer<typeof workingWindowSchema>;

/** Schema of a Hijri (Umm al-Qura) date; without a year it recurs every year. */
export const hijriDateSchema = z.strictObject({
  year: z.optional(z.number().check(z.int(), z.gte(1300), z.lte(1600))),
  month: z.number().check(z.int(), z.gte(1), z.lte(12)),
  day: z.number().check(z.int(), z.gte(1), z.lte(30)),
});

/** A date in the Umm al-Qura calendar; without a year it recurs every Hijri year. */
export type HijriDate = z.infer<typeof hijriDateSchema>;

/**
 * Schema of a {@link Holiday}: whole local days without working time, starting on a Gregorian
 * date (`{ date: '2026-11-29' }`), on the same Gregorian day every year
 * (`{ monthDay: '09-23' }`, Saudi National Day), or on a Hijri date, every year or in one year
 * (Eid al-Fitr is `{ hijri: { month: 10, day: 1 }, days: 4 }`). `days` (default 1) counts
 * consecutive days from the first. A yearly Hijri holiday on day 30 is skipped in years whose
 * month has 29 days; a yearly `02-29` only falls in leap years.
 */
export const holidaySchema = z.union([
  z.strictObject({
    /** First day off, `YYYY-MM-DD`. */
    date: z.iso.date(),
    days: holidayDays,
    name: z.optional(z.string()),
  }),
  z.strictObject({
    /** First day off every Gregorian year, `MM-DD`. */
    monthDay: monthDaySchema,
    days: holidayDays,
    name: z.optional(z.string()),
  }),
  z.strictObject({
    /** First day off: a Hijri date, with a year for one year only. */
    hijri: hijriDateSchema,
    days: holidayDays,
    name: z.optional(z.string()),
  }),
]);

/** Days off in a working calendar. */
export type Holiday = z.infer<typeof holidaySchema>;

/**
 * Schema of a {@link Calendar}: either `always` (24/7) or `weekly` working windows in an IANA
 * time zone, with holidays and other hours for given Hijri months (Ramadan is month 9).
 */
export const calendarSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('always'),
    code: z.optional(codeSchema),
  }),
  z.strictObject({
    kind: z.literal('weekly'),
    code: z.optional(codeSchema),
    /** IANA time zone, such as `Asia/Riyadh`. */
    timeZone: z.string().check(z.minLength(1)),
    /** Working windows of an ordinary week. */
    windows: z.array(workingWindowSchema),
    /** Days off. */
    holidays: z.optional(z.array(holidaySchema)),
    /** Other weekly windows during given Hijri months, such as shorter hours in Ramadan. */
    hijriMonthWindows: z.optional(
      z.array(
        z.strictObject({
          month: z.number().check(z.int(), z.gte(1), z.lte(12)),
          windows: z.array(workingWindowSchema),
        }),
      ),
    ),
  }),
]);

/** When SLA clocks run: around the clock, or in working windows. */
export type Calendar = z.infer<typeof calendarSchema>;

/** Schema of an {@link SlaPolicy}. */
export const slaPolicySchema = z.strictObject({
  /** Stable code, referenced by categories. */
  code: codeSchema,
  /** Working minutes from creation until the report must be assigned. */
  responseMinutes: z.number().check(z.gt(0)),
  /** Working minutes from creation until the report must be resolved. */
  resolutionMinutes: z.number().check(z.gt(0)),
  /** The calendar the clocks run on. */
  calendar: calendarSchema,
  /**
   * Shares of a target after which the state becomes `at_risk` and a warning is raised, in
   * increasing order. Default `[0.5, 0.75]`.
   */
  atRiskShares: z.optional(z.array(z.number().check(z.gt(0), z.lt(1)))),
  /** On reopen, continue the clock where it stopped (default) or restart it from zero. */
  onReopen: z.optional(z.enum(['continue', 'restart'])),
});

/** Response and resolution targets, and the calendar they are measured on. */
export type SlaPolicy = z.infer<typeof slaPolicySchema>;
