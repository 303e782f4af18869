import { BusinessCalendarSchema, defaultCalendar } from '../../../src/clinic/calendar';
import { defaultSlaTargets, slaClock, slaDueAt, SlaTargetsSchema } from '../../../src/clinic/sla';

const HOUR = 3_600_000;
const cal = defaultCalendar('America/Chicago');
const targets = defaultSlaTargets();
const at = (iso: string) => new Date(iso);
const due = (urgency: Parameters<typeof slaDueAt>[2], iso: string) =>
  slaDueAt(cal, targets, urgency, at(iso)).toISOString();

describe('SLA targets', () => {
  it('emergent: 60 wall-clock minutes, even on a Sunday night', () => {
    expect(due('emergent', '2026-03-08T04:00:00Z')).toBe('2026-03-08T05:00:00.000Z');
  });

  it('urgent: 4 business hours, same business day when received in the morning', () => {
    // Monday 08:30 CST → 08:30–12:00 (3.5 h) + 13:00–13:30.
    expect(due('urgent', '2026-03-02T14:30:00Z')).toBe('2026-03-02T19:30:00.000Z');
    // Friday 19:00 CST (after hours) → Monday 12:00 CDT (clocks changed on the Sunday).
    expect(due('urgent', '2026-03-07T01:00:00Z')).toBe('2026-03-09T17:00:00.000Z');
  });

  it('routine and non-clinical: 2 business days of the longest weekday (8 h each)', () => {
    // Monday 10:00 CST → Wednesday 10:00 CST.
    expect(due('routine', '2026-03-02T16:00:00Z')).toBe('2026-03-04T16:00:00.000Z');
    expect(due('non_clinical', '2026-03-02T16:00:00Z')).toBe('2026-03-04T16:00:00.000Z');
    // Saturday → Monday 08:00 + 16 h = Tuesday 17:00.
    expect(due('routine', '2026-03-14T16:00:00Z')).toBe('2026-03-17T22:00:00.000Z');
  });

  it('untriaged messages are held to the urgent target', () => {
    expect(due(null, '2026-03-02T14:30:00Z')).toBe(due('urgent', '2026-03-02T14:30:00Z'));
  });

  it('business days follow the longest weekday of a custom calendar', () => {
    const long = BusinessCalendarSchema.parse({
      timeZone: 'UTC',
      periods: { '1': [{ start: '08:00', end: '18:00' }], '2': [{ start: '08:00', end: '12:00' }] },
    });
    // 1 business day = 10 h: Monday 08:00 → Monday 18:00.
    expect(
      slaDueAt(
        long,
        { ...targets, routine: { businessDays: 1 } },
        'routine',
        at('2026-03-02T08:00:00Z'),
      ).toISOString(),
    ).toBe('2026-03-02T18:00:00.000Z');
  });

  it('the clock counts business time left, negative once overdue', () => {
    const received = at('2026-03-02T14:30:00Z'); // Monday 08:30, urgent, due 13:30
    const before = slaClock(cal, targets, 'urgent', received, at('2026-03-02T17:30:00Z')); // 11:30: 0.5 h + 0.5 h after lunch
    expect(before).toEqual({ dueAt: at('2026-03-02T19:30:00Z'), msLeft: 1 * HOUR, overdue: false });
    const after = slaClock(cal, targets, 'urgent', received, at('2026-03-03T15:00:00Z')); // Tue 09:00
    expect(after.overdue).toBe(true);
    expect(after.msLeft).toBe(-(3.5 + 1) * HOUR);
    const emergent = slaClock(cal, targets, 'emergent', received, at('2026-03-02T16:00:00Z'));
    expect(emergent.msLeft).toBe(-0.5 * HOUR);
  });

  it('validates targets: one kind each, positive whole numbers', () => {
    expect(SlaTargetsSchema.safeParse(targets).success).toBe(true);
    expect(SlaTargetsSchema.safeParse({ ...targets, urgent: { businessMinutes: 0 } }).success).toBe(false);
    expect(
      SlaTargetsSchema.safeParse({ ...targets, urgent: { businessMinutes: 10, wallMinutes: 5 } }).success,
    ).toBe(false);
    expect(SlaTargetsSchema.safeParse({ ...targets, routine: undefined }).success).toBe(false);
  });
});
