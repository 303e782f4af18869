import { DateTime } from 'luxon';
import { formatDuration, formatPercent } from '../../../src/reports/format';
import { nearestRank } from '../../../src/reports/stats';
import { isoFormatter } from '../../../src/reports/time-format';

describe('nearest-rank percentiles', () => {
  const sorted = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  it('takes the value at rank ceil(p/100 × n)', () => {
    expect(nearestRank(sorted, 10, 50)).toBe(50);
    expect(nearestRank(sorted, 10, 90)).toBe(90);
    expect(nearestRank(sorted, 10, 91)).toBe(100);
    expect(nearestRank([1, 2, 3, 4], 4, 50)).toBe(2); // even count: the lower middle value
    expect(nearestRank([7], 1, 90)).toBe(7);
    expect(nearestRank([], 0, 50)).toBeNull();
  });
});

describe('isoFormatter', () => {
  it('matches luxon to the millisecond, across both Chicago changes and in London and Kolkata', () => {
    for (const zone of ['America/Chicago', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
      const iso = isoFormatter(zone);
      for (
        let t = Date.parse('2026-03-07T00:00:00Z');
        t < Date.parse('2026-03-10T00:00:00Z');
        t += 7 * 60_000 + 1
      ) {
        expect(iso(t)).toBe(DateTime.fromMillis(t, { zone }).toISO());
      }
      for (
        let t = Date.parse('2026-10-24T00:00:00Z');
        t < Date.parse('2026-11-03T00:00:00Z');
        t += 13 * 60_000 + 7
      ) {
        expect(iso(t)).toBe(DateTime.fromMillis(t, { zone }).toISO());
      }
    }
    expect(isoFormatter('UTC')(null)).toBe('');
  });
});

describe('formatting', () => {
  it('writes durations exactly, leaving out zero parts', () => {
    expect(formatDuration(2_700_000)).toBe('45 min');
    expect(formatDuration(220_500_000)).toBe('2 d 13 h 15 min');
    expect(formatDuration(510_000)).toBe('8 min 30 s');
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(NaN)).toBe('—');
  });
  it('writes shares with one decimal', () => {
    expect(formatPercent(0.6)).toBe('60.0%');
    expect(formatPercent(1 / 3)).toBe('33.3%');
    expect(formatPercent(null)).toBe('—');
  });
});
