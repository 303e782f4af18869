import { DateTime } from 'luxon';
import {
  addBusinessMs,
  BusinessCalendarSchema,
  businessMsBetween,
  defaultCalendar,
  isBusinessTime,
  NoBusinessHoursError,
  type BusinessCalendar,
} from '../../../src/clinic/calendar';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const chicago = defaultCalendar('America/Chicago');
const at = (iso: string) => new Date(iso);

/** An independent oracle: day by day, luxon Interval overlap, no caching. Slow but obviously right. */
function oracleBetween(cal: BusinessCalendar, start: Date, end: Date): number {
  if (end <= start) return 0;
  let day = DateTime.fromJSDate(start, { zone: cal.timeZone }).startOf('day');
  const last = DateTime.fromJSDate(end, { zone: cal.timeZone }).startOf('day');
  let sum = 0;
  while (day <= last) {
    if (!cal.holidays.includes(day.toISODate()!)) {
      for (const p of cal.periods[String(day.weekday) as '1']) {
        const [sh, sm] = p.start.split(':').map(Number);
        const [eh, em] = p.end.split(':').map(Number);
        const s = day.set({ hour: sh, minute: sm }).toMillis();
        const e =
          eh === 24
            ? day.plus({ days: 1 }).startOf('day').toMillis()
            : day.set({ hour: eh, minute: em }).toMillis();
        sum += Math.max(0, Math.min(e, end.getTime()) - Math.max(s, start.getTime()));
      }
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
  return sum;
}

describe('business calendar', () => {
  it('counts two periods a day and skips the lunch break', () => {
    // Monday 2026-03-02, CST (UTC-6): 11:00 → 14:00 local is 1 h + 1 h of business time.
    expect(businessMsBetween(chicago, at('2026-03-02T17:00:00Z'), at('2026-03-02T20:00:00Z'))).toBe(2 * HOUR);
    expect(isBusinessTime(chicago, at('2026-03-02T18:30:00Z'))).toBe(false); // 12:30 lunch
    expect(isBusinessTime(chicago, at('2026-03-02T19:00:00Z'))).toBe(true); // 13:00 opens
    expect(isBusinessTime(chicago, at('2026-03-02T23:00:00Z'))).toBe(false); // 17:00 closed (end exclusive)
  });

  it('skips weekends', () => {
    // Friday 16:00 CST → Monday 09:00 CST: 1 h + 1 h.
    expect(businessMsBetween(chicago, at('2026-02-27T22:00:00Z'), at('2026-03-02T15:00:00Z'))).toBe(2 * HOUR);
    expect(isBusinessTime(chicago, at('2026-02-28T16:00:00Z'))).toBe(false); // Saturday 10:00
  });

  it('skips holidays, across a year boundary', () => {
    const cal = BusinessCalendarSchema.parse({ ...chicago, holidays: ['2026-12-25', '2027-01-01'] });
    // Thursday 24 Dec 16:00 CST + 2 business hours: Fri 25 is a holiday → Monday 28 Dec 09:00 CST.
    expect(addBusinessMs(cal, at('2026-12-24T22:00:00Z'), 2 * HOUR).toISOString()).toBe(
      '2026-12-28T15:00:00.000Z',
    );
    // Thursday 31 Dec 16:00 → Monday 4 Jan 10:00: 1 h + 2 h (Fri 1 Jan closed).
    expect(businessMsBetween(cal, at('2026-12-31T22:00:00Z'), at('2027-01-04T16:00:00Z'))).toBe(3 * HOUR);
  });

  it('starts after hours at the next opening', () => {
    // Monday 18:00 CST + 4 business hours = Tuesday 12:00 CST (the end of the morning period, not 13:00).
    expect(addBusinessMs(chicago, at('2026-03-03T00:00:00Z'), 4 * HOUR).toISOString()).toBe(
      '2026-03-03T18:00:00.000Z',
    );
    expect(businessMsBetween(chicago, at('2026-03-03T00:00:00Z'), at('2026-03-03T13:00:00Z'))).toBe(0);
    expect(addBusinessMs(chicago, at('2026-03-03T00:00:00Z'), 1).toISOString()).toBe(
      '2026-03-03T14:00:00.001Z',
    );
  });

  it('answers 0 for empty or reversed ranges and returns the start for 0 ms', () => {
    const t = at('2026-03-02T15:00:00Z');
    expect(businessMsBetween(chicago, t, t)).toBe(0);
    expect(businessMsBetween(chicago, t, at('2026-03-01T15:00:00Z'))).toBe(0);
    expect(addBusinessMs(chicago, t, 0).getTime()).toBe(t.getTime());
  });

  it('follows the US daylight-saving changes in America/Chicago', () => {
    // Friday 6 March 16:00 CST → Monday 9 March 09:00 CDT (clocks went forward Sunday 8 March).
    expect(businessMsBetween(chicago, at('2026-03-06T22:00:00Z'), at('2026-03-09T14:00:00Z'))).toBe(2 * HOUR);
    expect(isBusinessTime(chicago, at('2026-03-09T13:00:00Z'))).toBe(true); // 08:00 CDT
    expect(isBusinessTime(chicago, at('2026-03-09T13:59:00Z'))).toBe(true);
    expect(isBusinessTime(chicago, at('2026-03-09T12:59:00Z'))).toBe(false); // 07:59 CDT
    // Friday 30 October 16:00 CDT + 2 h = Monday 2 November 09:00, CST again (UTC-6).
    expect(addBusinessMs(chicago, at('2026-10-30T21:00:00Z'), 2 * HOUR).toISOString()).toBe(
      '2026-11-02T15:00:00.000Z',
    );
    // A period over the 02:00 change is an hour shorter in March and an hour longer in November.
    const night = BusinessCalendarSchema.parse({
      timeZone: 'America/Chicago',
      periods: { '7': [{ start: '00:00', end: '06:00' }] },
    });
    expect(businessMsBetween(night, at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'))).toBe(5 * HOUR);
    expect(businessMsBetween(night, at('2026-11-01T00:00:00Z'), at('2026-11-02T00:00:00Z'))).toBe(7 * HOUR);
  });

  it('follows Europe/London summer time', () => {
    const london = defaultCalendar('Europe/London');
    // Friday 27 March 16:00 GMT → Monday 30 March 09:00 BST (= 08:00Z): 1 h + 1 h.
    expect(businessMsBetween(london, at('2026-03-27T16:00:00Z'), at('2026-03-30T08:00:00Z'))).toBe(2 * HOUR);
    const allDay = BusinessCalendarSchema.parse({
      timeZone: 'Europe/London',
      periods: { '7': [{ start: '00:00', end: '24:00' }] },
    });
    expect(businessMsBetween(allDay, at('2026-03-28T12:00:00Z'), at('2026-03-30T12:00:00Z'))).toBe(23 * HOUR);
    expect(businessMsBetween(allDay, at('2026-10-24T12:00:00Z'), at('2026-10-26T12:00:00Z'))).toBe(25 * HOUR);
  });

  it('measures ten years quickly and exactly', () => {
    // A calendar of its own, so no year is cached by an earlier test.
    const fresh = BusinessCalendarSchema.parse({ ...chicago, holidays: ['1999-01-01'] });
    const started = performance.now();
    const ms = businessMsBetween(fresh, at('2020-01-01T00:00:00Z'), at('2030-01-01T00:00:00Z'));
    const back = addBusinessMs(fresh, at('2020-01-01T00:00:00Z'), ms);
    const firstMs = performance.now() - started;
    const again = performance.now();
    for (let i = 0; i < 10_000; i++)
      businessMsBetween(fresh, at('2020-01-01T00:00:00Z'), at('2030-01-01T00:00:00Z'));
    expect(performance.now() - again).toBeLessThan(1000); // cached: well under 0.1 ms a call
    expect(firstMs).toBeLessThan(5000); // first build of ten year blocks, generous for a loaded CI machine
    expect(ms).toBe(oracleBetween(chicago, at('2020-01-01T00:00:00Z'), at('2030-01-01T00:00:00Z')));
    // The range starts Tuesday 31 Dec 2019 18:00 CST (after hours) and ends Monday 31 Dec 2029
    // 18:00 CST: 2,609 weekdays of 8 h each.
    expect(ms).toBe(2609 * 8 * HOUR);
    expect(back.toISOString()).toBe('2029-12-31T23:00:00.000Z'); // Monday 31 Dec 2029 17:00 CST
  });

  it('round-trips addBusinessMs and businessMsBetween, and agrees with the oracle', () => {
    const cal = BusinessCalendarSchema.parse({
      timeZone: 'America/Chicago',
      periods: {
        '1': [
          { start: '07:30', end: '12:00' },
          { start: '12:45', end: '18:00' },
        ],
        '3': [{ start: '08:00', end: '17:00' }],
        '6': [{ start: '09:00', end: '12:00' }],
      },
      holidays: ['2026-03-11', '2026-11-02'],
    });
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const base = at('2026-01-01T00:00:00Z').getTime();
    for (let i = 0; i < 300; i++) {
      const start = new Date(base + Math.floor(random() * 365 * 24 * HOUR));
      const ms = Math.floor(random() * 60 * HOUR);
      const end = addBusinessMs(cal, start, ms);
      expect(businessMsBetween(cal, start, end)).toBe(ms);
      const other = new Date(start.getTime() + Math.floor(random() * 30 * 24 * HOUR));
      expect(businessMsBetween(cal, start, other)).toBe(oracleBetween(cal, start, other));
    }
  });

  it('validates its settings', () => {
    expect(BusinessCalendarSchema.safeParse({ timeZone: 'Mars/Olympus', periods: {} }).success).toBe(false);
    expect(
      BusinessCalendarSchema.safeParse({
        timeZone: 'UTC',
        periods: { '1': [{ start: '12:00', end: '09:00' }] },
      }).success,
    ).toBe(false);
    expect(
      BusinessCalendarSchema.safeParse({
        timeZone: 'UTC',
        periods: {
          '1': [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
        },
      }).success,
    ).toBe(false);
    expect(
      BusinessCalendarSchema.safeParse({ timeZone: 'UTC', periods: {}, holidays: ['2026-02-30'] }).success,
    ).toBe(false);
    const closed = BusinessCalendarSchema.parse({ timeZone: 'UTC', periods: {} });
    expect(() => addBusinessMs(closed, at('2026-01-01T00:00:00Z'), MINUTE)).toThrow(NoBusinessHoursError);
  });
});
