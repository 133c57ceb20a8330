import type { Calendar, WorkingWindow } from '../schemas/calendar.js';

function everyWorkday(start: string, end: string): WorkingWindow[] {
  // Sunday (0) to Thursday (4).
  return [0, 1, 2, 3, 4].map((day) => ({ day, start, end }));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}

/**
 * Saudi government working hours, in Asia/Riyadh: Sunday to Thursday 08:00–16:00 (Friday and
 * Saturday are the weekend), 10:00–15:00 in Ramadan (Hijri month 9), and closed for Eid
 * al-Fitr (1 Shawwal, 4 days), Eid al-Adha (10 Dhu al-Hijjah, 4 days), Founding Day (22
 * February) and the Saudi National Day (23 September).
 *
 * A starting point, frozen: copy it and adjust the hours or holidays to a municipality's own.
 *
 * @example
 * ```ts
 * const policy: SlaPolicy = {
 *   code: 'normal',
 *   responseMinutes: 4 * 60,
 *   resolutionMinutes: 3 * 8 * 60,
 *   calendar: defaultBusinessCalendar,
 * };
 * ```
 */
export const defaultBusinessCalendar: Calendar = deepFreeze<Calendar>({
  kind: 'weekly',
  code: 'business',
  timeZone: 'Asia/Riyadh',
  windows: everyWorkday('08:00', '16:00'),
  hijriMonthWindows: [{ month: 9, windows: everyWorkday('10:00', '15:00') }],
  holidays: [
    { hijri: { month: 10, day: 1 }, days: 4, name: 'Eid al-Fitr' },
    { hijri: { month: 12, day: 10 }, days: 4, name: 'Eid al-Adha' },
    { monthDay: '02-22', name: 'Founding Day' },
    { monthDay: '09-23', name: 'Saudi National Day' },
  ],
});
