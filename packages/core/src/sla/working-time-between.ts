import type { Calendar } from '../schemas/calendar.js';
import { resolveWorkingCalendar, type WorkingCalendar } from './create-working-calendar.js';
import { toEpochMilliseconds } from './to-epoch-milliseconds.js';

/**
 * Measures the working time, in milliseconds, in `[start, end)`: how much of a target a
 * stretch of wall-clock time used up. 0 when `end <= start`.
 *
 * @param calendar - A {@link Calendar} (compiled once and cached by identity) or a compiled
 * {@link WorkingCalendar}.
 * @throws {@link ValidationError} (`VALIDATION_FAILED`) for an invalid instant;
 * `INVALID_CALENDAR` for an invalid calendar.
 * @example
 * ```ts
 * // Thursday 15:00 to Sunday 09:00 in Riyadh: 1 h on Thursday, 1 h on Sunday.
 * workingTimeBetween(defaultBusinessCalendar, '2026-03-05T12:00:00.000Z', '2026-03-08T06:00:00.000Z');
 * // → 7_200_000
 * ```
 */
export function workingTimeBetween(
  calendar: Calendar | WorkingCalendar,
  start: Date | number | string,
  end: Date | number | string,
): number {
  const workingCalendar = resolveWorkingCalendar(calendar);
  return workingCalendar.workingTimeBetween(
    toEpochMilliseconds(start, 'start'),
    toEpochMilliseconds(end, 'end'),
  );
}
