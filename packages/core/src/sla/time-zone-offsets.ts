import { civilDayFromDate, millisecondsPerDay } from '../hijri/civil-day.js';

const millisecondsPerHour = 3_600_000;
const hourCacheLimit = 100_000;

/** What the SLA engine needs from a time zone: offsets and the inverse of the wall clock. */
export interface TimeZoneOffsets {
  /** The IANA time zone. */
  readonly timeZone: string;
  /** Milliseconds to add to an instant to read the local wall clock (`+03:00` is 10,800,000). */
  offsetAt(instant: number): number;
  /**
   * The first instant at which the local wall clock reads at least `localMilliseconds` (a wall
   * clock time written as if it were UTC epoch milliseconds). A time skipped by a DST change
   * maps to the instant of the change; a time that happens twice maps to its first occurrence.
   */
  toInstant(localMilliseconds: number): number;
}

interface HourOffsets {
  /** Instant of an offset change inside the hour, or `Infinity`. */
  readonly change: number;
  readonly before: number;
  readonly after: number;
}

class IntlTimeZoneOffsets implements TimeZoneOffsets {
  readonly timeZone: string;
  readonly #formatter: Intl.DateTimeFormat;
  // Offsets only change at a transition; one Intl call per UTC hour ever touched is enough.
  readonly #hours = new Map<number, HourOffsets>();

  constructor(timeZone: string, formatter: Intl.DateTimeFormat) {
    this.timeZone = timeZone;
    this.#formatter = formatter;
  }

  offsetAt(instant: number): number {
    const hour = Math.floor(instant / millisecondsPerHour);
    let offsets = this.#hours.get(hour);
    if (offsets === undefined) {
      offsets = this.#measureHour(hour * millisecondsPerHour);
      if (this.#hours.size >= hourCacheLimit) this.#hours.clear();
      this.#hours.set(hour, offsets);
    }
    return instant < offsets.change ? offsets.before : offsets.after;
  }

  toInstant(localMilliseconds: number): number {
    const early = this.offsetAt(localMilliseconds - millisecondsPerDay);
    const late = this.offsetAt(localMilliseconds + millisecondsPerDay);
    const middle = this.offsetAt(localMilliseconds - early);
    let first = Number.POSITIVE_INFINITY;
    for (const offset of [early, late, middle]) {
      const candidate = localMilliseconds - offset;
      if (candidate < first && this.offsetAt(candidate) === offset) first = candidate;
    }
    if (first !== Number.POSITIVE_INFINITY) return first;
    // The wall clock skips this time: find the instant it jumps past it.
    let low = localMilliseconds - Math.max(early, late, middle);
    let high = localMilliseconds - Math.min(early, late, middle);
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (mid + this.offsetAt(mid) >= localMilliseconds) high = mid;
      else low = mid;
    }
    return high;
  }

  #measureHour(start: number): HourOffsets {
    const before = this.#offsetOfSecond(start);
    const after = this.#offsetOfSecond(start + millisecondsPerHour - 1000);
    if (before === after) return { change: Number.POSITIVE_INFINITY, before, after };
    // Transitions fall on whole seconds: search the second at which the new offset starts.
    let low = 0;
    let high = 3599;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (this.#offsetOfSecond(start + mid * 1000) === before) low = mid;
      else high = mid;
    }
    return { change: start + high * 1000, before, after };
  }

  #offsetOfSecond(instant: number): number {
    const second = Math.floor(instant / 1000) * 1000;
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let secondOfMinute = 0;
    for (const part of this.#formatter.formatToParts(second)) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          day = Number(part.value);
          break;
        case 'hour':
          hour = Number(part.value);
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          secondOfMinute = Number(part.value);
          break;
        default:
          break;
      }
    }
    const local =
      civilDayFromDate(year, month, day) * millisecondsPerDay +
      hour * millisecondsPerHour +
      minute * 60_000 +
      secondOfMinute * 1000;
    return local - second;
  }
}

const utcOffsets: TimeZoneOffsets = {
  timeZone: 'UTC',
  offsetAt: () => 0,
  toInstant: (localMilliseconds) => localMilliseconds,
};

const zones = new Map<string, TimeZoneOffsets>();

/**
 * The offsets of an IANA time zone, computed with `Intl` (`formatToParts`, `hourCycle: 'h23'`)
 * and cached per UTC hour, so nothing depends on the host's time zone.
 *
 * @returns `undefined` when the platform does not know the time zone.
 */
export function timeZoneOffsets(timeZone: string): TimeZoneOffsets | undefined {
  const known = zones.get(timeZone);
  if (known !== undefined) return known;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return undefined;
  }
  const canonical = formatter.resolvedOptions().timeZone;
  const offsets =
    canonical === 'UTC' || canonical === 'Etc/UTC'
      ? utcOffsets
      : new IntlTimeZoneOffsets(timeZone, formatter);
  zones.set(timeZone, offsets);
  return offsets;
}
