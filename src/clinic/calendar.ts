/**
 * The clinic's business calendar: a time zone, business periods per ISO weekday (several a day,
 * e.g. 08:00–12:00 and 13:00–17:00) and holidays. Pure functions over it measure business time
 * (SLA clocks in the inbox, intervals in the reports).
 *
 * Local times become instants through luxon (DateTime.fromObject in the clinic's zone), so daylight
 * saving changes are the time-zone database's business, never ours. The work is done once per local
 * year and cached (see ./calendar-year.ts): after that a measurement is a few binary searches, which
 * is what lets a report measure a million messages and a ten-year range stay quick.
 */
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { cacheOf, yearBlockAt, yearBlockFor, type YearBlock } from './calendar-year';

const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export const BusinessPeriodSchema = z
  .object({
    start: z.string().regex(HH_MM, 'must be HH:mm (00:00–23:59)'),
    end: z.string().regex(HH_MM, 'must be HH:mm (00:01–24:00)'),
  })
  .refine((p) => minutesOf(p.start) < minutesOf(p.end), 'a period must end after it starts (same day)');
export type BusinessPeriod = z.infer<typeof BusinessPeriodSchema>;

const dayPeriods = z
  .array(BusinessPeriodSchema)
  .max(12)
  .default([])
  .refine((list) => {
    const sorted = [...list].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
    return sorted.every((p, i) => i === 0 || minutesOf(sorted[i - 1].end) <= minutesOf(p.start));
  }, 'periods of one day must not overlap');

export const ISO_WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type IsoWeekday = (typeof ISO_WEEKDAYS)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine((d) => DateTime.fromISO(d).isValid, 'is not a calendar date');

export const BusinessCalendarSchema = z.object({
  timeZone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), 'is not a known IANA time zone (e.g. America/Chicago)'),
  /** ISO weekday ('1' = Monday … '7' = Sunday) → its business periods; a missing day is closed. */
  periods: z.object({
    '1': dayPeriods,
    '2': dayPeriods,
    '3': dayPeriods,
    '4': dayPeriods,
    '5': dayPeriods,
    '6': dayPeriods,
    '7': dayPeriods,
  }),
  /** Local dates on which the clinic is closed all day. */
  holidays: z.array(isoDate).max(5000).default([]),
});
export type BusinessCalendar = z.infer<typeof BusinessCalendarSchema>;

const WEEKDAY_PERIODS: BusinessPeriod[] = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];

/** Monday to Friday, 08:00–12:00 and 13:00–17:00, no holidays. */
export function defaultCalendar(timeZone: string): BusinessCalendar {
  return BusinessCalendarSchema.parse({
    timeZone,
    periods: {
      '1': WEEKDAY_PERIODS,
      '2': WEEKDAY_PERIODS,
      '3': WEEKDAY_PERIODS,
      '4': WEEKDAY_PERIODS,
      '5': WEEKDAY_PERIODS,
    },
    holidays: [],
  });
}

/** Nominal business minutes of the longest weekday (wall-clock minutes of its periods, no DST). */
export function longestBusinessDayMinutes(cal: BusinessCalendar): number {
  const cache = cacheOf(cal);
  if (cache.longestDayMs === null) cache.longestDayMs = computeLongestDayMinutes(cal) * 60_000;
  return cache.longestDayMs / 60_000;
}

function computeLongestDayMinutes(cal: BusinessCalendar): number {
  let longest = 0;
  for (const day of ISO_WEEKDAYS) {
    const total = cal.periods[day].reduce((sum, p) => sum + minutesOf(p.end) - minutesOf(p.start), 0);
    longest = Math.max(longest, total);
  }
  return longest;
}

export class NoBusinessHoursError extends Error {
  override name = 'NoBusinessHoursError';
  constructor() {
    super('the business calendar has no business periods on any weekday');
  }
}

/** The local year block holding instant `t`, and the index of t's local day in it. */
function locate(cal: BusinessCalendar, t: number): { block: YearBlock; day: number } {
  const block = yearBlockAt(cal, t);
  // Largest day whose midnight is <= t.
  let lo = 0;
  let hi = block.days - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (block.midnights[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return { block, day: lo };
}

/** Business ms from the start of t's local year up to t. */
function businessBefore(block: YearBlock, day: number, t: number): number {
  let sum = block.cumulative[day];
  for (let p = block.dayFirst[day]; p < block.dayFirst[day + 1]; p++) {
    if (t <= block.starts[p]) break;
    sum += Math.min(t, block.ends[p]) - block.starts[p];
  }
  return sum;
}

/** Business milliseconds in [start, end); 0 when end <= start. */
export function businessMsBetween(cal: BusinessCalendar, start: Date, end: Date): number {
  return businessMsBetweenMs(cal, start.getTime(), end.getTime());
}

/** businessMsBetween on epoch milliseconds: no Date objects for callers measuring millions of rows. */
export function businessMsBetweenMs(cal: BusinessCalendar, a: number, b: number): number {
  if (!(b > a)) return 0;
  const from = locate(cal, a);
  const to = locate(cal, b);
  const before = businessBefore(from.block, from.day, a);
  if (from.block.year === to.block.year) return businessBefore(to.block, to.day, b) - before;
  let sum = from.block.total - before;
  for (let y = from.block.year + 1; y < to.block.year; y++) sum += yearBlockFor(cal, y).total;
  return sum + businessBefore(to.block, to.day, b);
}

/** The instant at business offset `offset` (> 0) into a year: the earliest t with that much before it. */
function instantAt(block: YearBlock, offset: number): number {
  // Smallest day whose end-of-day cumulative reaches the offset.
  let lo = 0;
  let hi = block.days - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (block.cumulative[mid + 1] >= offset) hi = mid;
    else lo = mid + 1;
  }
  let acc = block.cumulative[lo];
  for (let p = block.dayFirst[lo]; p < block.dayFirst[lo + 1]; p++) {
    const length = block.ends[p] - block.starts[p];
    if (acc + length >= offset) return block.starts[p] + (offset - acc);
    acc += length;
  }
  return block.midnights[lo + 1];
}

/** Years searched before concluding no business time is left (every day a holiday, say). */
const MAX_YEARS_AHEAD = 200;

/**
 * The instant when `ms` business milliseconds have elapsed after `start`. A target that ends exactly
 * at the end of a period answers that end (4 h from 08:00 is 12:00, not 13:00). `ms <= 0` returns start.
 */
export function addBusinessMs(cal: BusinessCalendar, start: Date, ms: number): Date {
  return new Date(addBusinessMsMs(cal, start.getTime(), ms));
}

/** addBusinessMs on epoch milliseconds (no Date objects, for reports measuring millions of rows). */
export function addBusinessMsMs(cal: BusinessCalendar, start: number, ms: number): number {
  if (!(ms > 0)) return start;
  if (longestBusinessDayMinutes(cal) === 0) throw new NoBusinessHoursError();
  const { block, day } = locate(cal, start);
  let remaining = ms;
  const used = businessBefore(block, day, start);
  if (block.total - used >= remaining) return instantAt(block, used + remaining);
  remaining -= block.total - used;
  for (let y = block.year + 1; y <= block.year + MAX_YEARS_AHEAD; y++) {
    const next = yearBlockFor(cal, y);
    if (next.total >= remaining) return instantAt(next, remaining);
    remaining -= next.total;
  }
  throw new NoBusinessHoursError();
}

/** True when `at` falls inside a business period (start inclusive, end exclusive). */
export function isBusinessTime(cal: BusinessCalendar, at: Date): boolean {
  const t = at.getTime();
  const { block, day } = locate(cal, t);
  for (let p = block.dayFirst[day]; p < block.dayFirst[day + 1]; p++) {
    if (t >= block.starts[p] && t < block.ends[p]) return true;
  }
  return false;
}
