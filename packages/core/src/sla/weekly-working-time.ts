import { BalaghError } from '../errors/balagh-error.js';
import {
  civilDayFromDate,
  dateFromCivilDay,
  millisecondsPerDay,
  weekdayOfCivilDay,
} from '../hijri/civil-day.js';
import { findCivilDayOfHijriDate } from '../hijri/hijri-to-gregorian.js';
import { hijriDateOfCivilDay } from '../hijri/to-hijri-date.js';
import type { TimeZoneOffsets } from './time-zone-offsets.js';

/** A working window in minutes from the local midnight of the day it starts on. */
export interface MinuteWindow {
  readonly startMinute: number;
  /** After `startMinute`; past 1440 when the window crosses midnight. */
  readonly endMinute: number;
}

/** Windows per weekday, 0 Sunday … 6 Saturday. */
export type WeekOfWindows = readonly (readonly MinuteWindow[])[];

/** The rules of a weekly calendar, validated and in minutes and civil days. */
export interface WeeklyRules {
  readonly offsets: TimeZoneOffsets;
  readonly week: WeekOfWindows;
  /** Replacement weeks for given Hijri months. */
  readonly hijriMonthWeeks: ReadonlyMap<number, WeekOfWindows>;
  /** Civil days off from dated holidays. */
  readonly holidayDays: ReadonlySet<number>;
  readonly yearlyHolidays: readonly { month: number; day: number; days: number }[];
  readonly hijriHolidays: readonly { year?: number; month: number; day: number; days: number }[];
}

/** Working intervals of one stretch of UTC time, with running sums for binary searches. */
interface Block {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** Working milliseconds in the block before interval `i`. */
  readonly before: Float64Array;
  /** Working milliseconds in the block up to the end of interval `i`. */
  readonly through: Float64Array;
  readonly total: number;
}

// Blocks are fixed stretches of UTC time, so finding the one holding an instant needs no
// time-zone arithmetic; a block is laid out once (with Intl) and then only binary-searched.
const blockDays = 32;
const blockMilliseconds = blockDays * millisecondsPerDay;
// Beyond this many blocks (about two years) without working time, a search gives up.
const emptyBlockLimit = 24;
const blockCacheLimit = 4096;

/**
 * Working time of a weekly calendar: lays out working intervals in UTC once per 32-day block,
 * then answers every question with binary searches over cached running sums.
 */
export class WeeklyWorkingTime {
  readonly #rules: WeeklyRules;
  readonly #blocks = new Map<number, Block>();
  // Consecutive questions usually fall in the same block.
  #lastIndex = Number.NaN;
  #lastBlock: Block | undefined;

  constructor(rules: WeeklyRules) {
    this.#rules = rules;
  }

  /** Working milliseconds in `[start, end)`. */
  between(start: number, end: number): number {
    if (!(end > start)) return 0;
    const firstIndex = Math.floor(start / blockMilliseconds);
    const lastIndex = Math.floor(end / blockMilliseconds);
    const first = this.#block(firstIndex);
    if (firstIndex === lastIndex) return workedBefore(first, end) - workedBefore(first, start);
    let total = first.total - workedBefore(first, start);
    for (let index = firstIndex + 1; index < lastIndex; index++) total += this.#block(index).total;
    if (end > lastIndex * blockMilliseconds) total += workedBefore(this.#block(lastIndex), end);
    return total;
  }

  /** The instant at which `duration` (> 0) working milliseconds have elapsed after `start`. */
  add(start: number, duration: number): number {
    let index = Math.floor(start / blockMilliseconds);
    let block = this.#block(index);
    let offset = workedBefore(block, start);
    let remaining = duration;
    let emptyBlocks = 0;
    while (offset + remaining > block.total) {
      remaining -= block.total - offset;
      offset = 0;
      emptyBlocks = block.total === 0 ? emptyBlocks + 1 : 0;
      if (emptyBlocks > emptyBlockLimit) {
        throw new BalaghError(
          'INVALID_CALENDAR',
          'The calendar has no working time for more than two years; no due time can be reached.',
          { details: { timeZone: this.#rules.offsets.timeZone } },
        );
      }
      index += 1;
      block = this.#block(index);
    }
    return locate(block, offset + remaining);
  }

  /** Whether `instant` lies inside a working interval. */
  contains(instant: number): boolean {
    const block = this.#block(Math.floor(instant / blockMilliseconds));
    const index = lastStartAtOrBefore(block.starts, instant);
    return index >= 0 && instant < (block.ends[index] as number);
  }

  #block(index: number): Block {
    if (index === this.#lastIndex && this.#lastBlock !== undefined) return this.#lastBlock;
    let block = this.#blocks.get(index);
    if (block === undefined) {
      block = this.#layOut(index * blockMilliseconds, (index + 1) * blockMilliseconds);
      if (this.#blocks.size >= blockCacheLimit) this.#blocks.clear();
      this.#blocks.set(index, block);
    }
    this.#lastIndex = index;
    this.#lastBlock = block;
    return block;
  }

  #layOut(blockStart: number, blockEnd: number): Block {
    const { offsets } = this.#rules;
    // Local days whose windows or holidays can reach the block, whatever the zone's offset
    // (at most ±14 h) and however long a window is (up to 24 h past its start).
    const firstDay = Math.floor(blockStart / millisecondsPerDay) - 2;
    const lastDay = Math.floor(blockEnd / millisecondsPerDay) + 1;
    const working: number[] = [];
    const holidays: number[] = [];
    for (let civilDay = firstDay; civilDay <= lastDay; civilDay++) {
      const midnight = civilDay * millisecondsPerDay;
      for (const window of this.#windowsOf(civilDay)) {
        const start = offsets.toInstant(midnight + window.startMinute * 60_000);
        const end = offsets.toInstant(midnight + window.endMinute * 60_000);
        if (end > start) working.push(start, end);
      }
      if (this.#isHoliday(civilDay)) {
        holidays.push(
          offsets.toInstant(midnight),
          offsets.toInstant(midnight + millisecondsPerDay),
        );
      }
    }
    const intervals = subtract(merge(working), merge(holidays));
    const starts: number[] = [];
    const ends: number[] = [];
    for (let index = 0; index < intervals.length; index += 2) {
      const start = Math.max(intervals[index] as number, blockStart);
      const end = Math.min(intervals[index + 1] as number, blockEnd);
      if (end > start) {
        starts.push(start);
        ends.push(end);
      }
    }
    const before = new Float64Array(starts.length);
    const through = new Float64Array(starts.length);
    let total = 0;
    for (let index = 0; index < starts.length; index++) {
      before[index] = total;
      total += (ends[index] as number) - (starts[index] as number);
      through[index] = total;
    }
    return {
      starts: Float64Array.from(starts),
      ends: Float64Array.from(ends),
      before,
      through,
      total,
    };
  }

  #windowsOf(civilDay: number): readonly MinuteWindow[] {
    const { hijriMonthWeeks, week } = this.#rules;
    const weekday = weekdayOfCivilDay(civilDay);
    if (hijriMonthWeeks.size > 0) {
      const monthWeek = hijriMonthWeeks.get(hijriDateOfCivilDay(civilDay).month);
      if (monthWeek !== undefined) return monthWeek[weekday] ?? [];
    }
    return week[weekday] ?? [];
  }

  #isHoliday(civilDay: number): boolean {
    const { holidayDays, hijriHolidays, yearlyHolidays } = this.#rules;
    if (holidayDays.has(civilDay)) return true;
    if (yearlyHolidays.length > 0) {
      const { year } = dateFromCivilDay(civilDay);
      for (const holiday of yearlyHolidays) {
        // A holiday lasts at most 60 days, so only this year's and last year's can reach today.
        for (const candidateYear of [year, year - 1]) {
          if (holiday.month === 2 && holiday.day === 29 && !isLeapYear(candidateYear)) continue;
          const first = civilDayFromDate(candidateYear, holiday.month, holiday.day);
          if (civilDay >= first && civilDay < first + holiday.days) return true;
        }
      }
    }
    if (hijriHolidays.length > 0) {
      const { year } = hijriDateOfCivilDay(civilDay);
      for (const holiday of hijriHolidays) {
        const candidateYears = holiday.year === undefined ? [year, year - 1] : [holiday.year];
        for (const candidateYear of candidateYears) {
          if (candidateYear < year - 1 || candidateYear > year) continue;
          const first = findCivilDayOfHijriDate(candidateYear, holiday.month, holiday.day);
          if (first !== undefined && civilDay >= first && civilDay < first + holiday.days) {
            return true;
          }
        }
      }
    }
    return false;
  }
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Index of the last interval starting at or before `instant`, or -1. */
function lastStartAtOrBefore(starts: Float64Array, instant: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((starts[mid] as number) <= instant) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** Working milliseconds in the block before `instant` (which lies in or at the end of it). */
function workedBefore(block: Block, instant: number): number {
  const index = lastStartAtOrBefore(block.starts, instant);
  if (index < 0) return 0;
  const end = block.ends[index] as number;
  return (block.before[index] as number) + Math.min(instant, end) - (block.starts[index] as number);
}

/** The instant at which `worked` (> 0, ≤ total) working milliseconds of the block have passed. */
function locate(block: Block, worked: number): number {
  let low = 0;
  let high = block.through.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((block.through[mid] as number) >= worked) high = mid;
    else low = mid + 1;
  }
  return (block.starts[low] as number) + worked - (block.before[low] as number);
}

/** Sorts and unites `[start, end)` pairs given flat. */
function merge(flat: readonly number[]): number[] {
  const pairs: [number, number][] = [];
  for (let index = 0; index < flat.length; index += 2) {
    pairs.push([flat[index] as number, flat[index + 1] as number]);
  }
  pairs.sort((left, right) => left[0] - right[0]);
  const merged: number[] = [];
  for (const [start, end] of pairs) {
    const last = merged.length - 1;
    if (last >= 0 && start <= (merged[last] as number)) {
      merged[last] = Math.max(merged[last] as number, end);
    } else merged.push(start, end);
  }
  return merged;
}

/** Removes merged intervals `removed` from merged intervals `kept`, both flat. */
function subtract(kept: readonly number[], removed: readonly number[]): number[] {
  if (removed.length === 0) return [...kept];
  const result: number[] = [];
  let cursor = 0;
  for (let index = 0; index < kept.length; index += 2) {
    let start = kept[index] as number;
    const end = kept[index + 1] as number;
    while (cursor < removed.length && (removed[cursor + 1] as number) <= start) cursor += 2;
    let scan = cursor;
    while (scan < removed.length && (removed[scan] as number) < end && start < end) {
      const removedStart = removed[scan] as number;
      const removedEnd = removed[scan + 1] as number;
      if (removedStart > start) result.push(start, removedStart);
      start = Math.max(start, removedEnd);
      scan += 2;
    }
    if (start < end) result.push(start, end);
  }
  return result;
}
