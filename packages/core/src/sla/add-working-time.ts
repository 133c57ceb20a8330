import { ValidationError } from '../errors/validation-error.js';
import type { Calendar } from '../schemas/calendar.js';
import { resolveWorkingCalendar, type WorkingCalendar } from './create-working-calendar.js';
import { toEpochMilliseconds } from './to-epoch-milliseconds.js';

/**
 * Gives the instant at which a duration of working time has elapsed after a start: the due
 * time of a target measured in working hours.
 *
 * With a positive duration the result lies inside a working interval or exactly at its end
 * (never at the start of the next one); with 0 it is the start itself. The duration is rounded
 * up to a whole millisecond.
 *
 * @param calendar - A {@link Calendar} (compiled once and cached by identity) or a compiled
 * {@link WorkingCalendar}.
 * @param durationMs - Working milliseconds, ≥ 0.
 * @throws {@link ValidationError} (`VALIDATION_FAILED`) for an invalid start or a negative or
 * non-finite duration; `INVALID_CALENDAR` for an invalid calendar or one without working time.
 * @example
 * ```ts
 * // 8 working hours from Thursday 14:00 in Riyadh: 2 h on Thursday, 6 h from Sunday 08:00.
 * addWorkingTime(defaultBusinessCalendar, '2026-03-05T11:00:00.000Z', 8 * 3_600_000);
 * // → 2026-03-08T11:00:00.000Z (Sunday 14:00 in Riyadh)
 * ```
 */
export function addWorkingTime(
  calendar: Calendar | WorkingCalendar,
  start: Date | number | string,
  durationMs: number,
): Date {
  const workingCalendar = resolveWorkingCalendar(calendar);
  const startMilliseconds = toEpochMilliseconds(start, 'start');
  if (typeof durationMs !== 'number' || !Number.isFinite(durationMs) || durationMs < 0) {
    throw new ValidationError('Invalid durationMs: expected a finite number of milliseconds ≥ 0.', [
      { path: 'durationMs', code: 'invalid_duration', message: 'must be a finite number ≥ 0' },
    ]);
  }
  return new Date(workingCalendar.addWorkingTime(startMilliseconds, Math.ceil(durationMs)));
}
