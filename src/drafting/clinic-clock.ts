/**
 * Whether a promise about today can be kept: a draft may say "a nurse will call you today" only when the
 * clinic's business calendar still has working time left today; otherwise it gives the after-hours line.
 */
import { DateTime } from 'luxon';
import { addBusinessMs, defaultCalendar, type BusinessCalendar } from '../clinic/calendar';

/** Less than this much working time left today is too little to promise a call. */
const MIN_LEFT_MS = 30 * 60_000;

export function canActToday(now: Date, calendar: BusinessCalendar | undefined, zone: string): boolean {
  const cal = calendar ?? defaultCalendar(zone);
  try {
    const by = addBusinessMs(cal, now, MIN_LEFT_MS);
    const day = (d: Date) => DateTime.fromJSDate(d, { zone: cal.timeZone }).toISODate();
    return day(by) === day(now);
  } catch {
    // A calendar with no working hours at all: nothing can be promised for today.
    return false;
  }
}
