/**
 * One local year of a business calendar, laid out as typed arrays of instants: each local day's
 * midnight, its business periods as UTC milliseconds, and the business time before each day. Built
 * once per (calendar, year) with luxon and cached, so measuring an interval needs no time-zone work.
 */
import { DateTime } from 'luxon';
import type { BusinessCalendar, IsoWeekday } from './calendar';

export interface YearBlock {
  year: number;
  /** Local days in the year (365 or 366). */
  days: number;
  /** midnights[i]: start of local day i (i = 0 is 1 January); midnights[days] = next 1 January. */
  midnights: Float64Array;
  /** Periods of day i are indexes dayFirst[i] .. dayFirst[i + 1] - 1 of starts/ends. */
  dayFirst: Int32Array;
  starts: Float64Array;
  ends: Float64Array;
  /** cumulative[i]: business ms in the year before day i; cumulative[days] = total. */
  cumulative: Float64Array;
  total: number;
}

interface CalendarCache {
  holidays: Set<string>;
  years: Map<number, YearBlock>;
  /** The block last located: consecutive instants of a report are mostly in the same year. */
  last: YearBlock | null;
  /** Nominal business ms of the longest weekday, computed once. */
  longestDayMs: number | null;
}

/** Calendars are usually re-read per request: equal content shares one cache (a few kept). */
const byObject = new WeakMap<BusinessCalendar, CalendarCache>();
const byContent = new Map<string, CalendarCache>();
const MAX_CALENDARS = 16;
/** A year block is ~20 KB; this bounds one calendar's cache to a few MB whatever the ranges asked. */
const MAX_YEARS_PER_CALENDAR = 256;

export function cacheOf(cal: BusinessCalendar): CalendarCache {
  const known = byObject.get(cal);
  if (known) return known;
  const key = JSON.stringify(cal);
  let cache = byContent.get(key);
  if (!cache) {
    cache = { holidays: new Set(cal.holidays), years: new Map(), last: null, longestDayMs: null };
    if (byContent.size >= MAX_CALENDARS) byContent.delete(byContent.keys().next().value as string);
    byContent.set(key, cache);
  }
  byObject.set(cal, cache);
  return cache;
}

function localTime(day: DateTime, hhmm: string, zone: string): number {
  if (hhmm === '24:00') return day.plus({ days: 1 }).startOf('day').toMillis();
  // A time that does not exist on a spring-forward day is moved forward by the gap (luxon's rule);
  // an ambiguous one on a fall-back day takes the first occurrence.
  return DateTime.fromObject(
    {
      year: day.year,
      month: day.month,
      day: day.day,
      hour: Number(hhmm.slice(0, 2)),
      minute: Number(hhmm.slice(3)),
    },
    { zone },
  ).toMillis();
}

function buildYear(cal: BusinessCalendar, holidays: Set<string>, year: number): YearBlock {
  const zone = cal.timeZone;
  const first = DateTime.fromObject({ year, month: 1, day: 1 }, { zone }).startOf('day');
  const days = first.daysInYear;
  const midnights = new Float64Array(days + 1);
  const dayFirst = new Int32Array(days + 1);
  const cumulative = new Float64Array(days + 1);
  const starts: number[] = [];
  const ends: number[] = [];
  const sortedPeriods = Object.fromEntries(
    Object.entries(cal.periods).map(([k, list]) => [
      k,
      [...list].sort((a, b) => a.start.localeCompare(b.start)),
    ]),
  ) as BusinessCalendar['periods'];
  let day = first;
  let total = 0;
  for (let i = 0; i < days; i++) {
    midnights[i] = day.toMillis();
    dayFirst[i] = starts.length;
    cumulative[i] = total;
    const next = day.plus({ days: 1 }).startOf('day');
    if (!holidays.has(day.toISODate() as string)) {
      let floor = midnights[i];
      for (const period of sortedPeriods[String(day.weekday) as IsoWeekday]) {
        // Clamped to the day and to the previous period: a DST shift can make local periods touch.
        const s = Math.max(localTime(day, period.start, zone), floor);
        const e = Math.min(localTime(day, period.end, zone), next.toMillis());
        if (e > s) {
          starts.push(s);
          ends.push(e);
          total += e - s;
          floor = e;
        }
      }
    }
    day = next;
  }
  midnights[days] = day.toMillis();
  dayFirst[days] = starts.length;
  cumulative[days] = total;
  return {
    year,
    days,
    midnights,
    dayFirst,
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    cumulative,
    total,
  };
}

/** The block of local year `year`, built on first use. */
export function yearBlockFor(cal: BusinessCalendar, year: number): YearBlock {
  const cache = cacheOf(cal);
  let block = cache.years.get(year);
  if (!block) {
    if (!Number.isFinite(year) || year < 1 || year > 9999)
      throw new RangeError(`year ${year} is out of range`);
    block = buildYear(cal, cache.holidays, year);
    if (cache.years.size >= MAX_YEARS_PER_CALENDAR)
      cache.years.delete(cache.years.keys().next().value as number);
    cache.years.set(year, block);
  }
  return block;
}

/** The block of the local year holding instant `t`: no Date or luxon work when it is the last one used. */
export function yearBlockAt(cal: BusinessCalendar, t: number): YearBlock {
  const cache = cacheOf(cal);
  const last = cache.last;
  if (last !== null && t >= last.midnights[0] && t < last.midnights[last.days]) return last;
  // The UTC year is the local year or one off it (offsets are under a day).
  let block = yearBlockFor(cal, new Date(t).getUTCFullYear());
  if (t < block.midnights[0]) block = yearBlockFor(cal, block.year - 1);
  else if (t >= block.midnights[block.days]) block = yearBlockFor(cal, block.year + 1);
  cache.last = block;
  return block;
}
