import type { Calendar } from '../schemas/calendar.js';

/**
 * The 24/7 calendar: every millisecond is working time. For targets that run around the
 * clock, such as urgent reports during Hajj.
 *
 * @example
 * ```ts
 * addWorkingTime(alwaysCalendar, '2026-05-27T22:00:00.000Z', 3_600_000); // 2026-05-27T23:00:00.000Z
 * ```
 */
export const alwaysCalendar: Calendar = Object.freeze<Calendar>({ kind: 'always', code: 'always' });
