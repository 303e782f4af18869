import { DateTime } from 'luxon';
import { formatDuration, formatPercent } from '../../../src/reports/format';
import { groupOrder, MeasureColumns, nearestRank } from '../../../src/reports/stats';
import { isoFormatter } from '../../../src/reports/time-format';
import { SLOT, SLOT_WIDTH } from '../../../src/reports/measure';
import type { AggregateRow } from '../../../src/reports/repository';

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

describe('group order', () => {
  const row = (urgency: string | null, language: string | null, staff: string | null): AggregateRow => ({
    urgency,
    category: null,
    language,
    staff,
    received: 0,
    ingested: null,
    triaged: null,
    alerted: null,
    acknowledged: null,
    draft_ready: null,
    first_opened: null,
    approved: null,
    sent: null,
    closed: null,
    draft_id: null,
    word_edits: null,
    draft_words: null,
    sent_words: null,
    regenerations: 0,
    feedback_useful: 0,
    feedback_not_useful: 0,
  });
  const rows = [
    row('routine', 'es', 'u2'),
    row(null, null, null),
    row('emergent', 'zh', 'u1'),
    row('non_clinical', 'en', 'u2'),
    row('urgent', 'es', null),
  ];
  const keysOf = (columns: MeasureColumns, by: 'urgency' | 'language' | 'staff') =>
    columns.stats(by).map((g) => g.key);

  it('is the rubric order for urgency, code order otherwise, the no-value group last, whatever order rows came in', () => {
    const orders = [rows, [...rows].reverse(), [rows[3], rows[1], rows[4], rows[0], rows[2]]];
    for (const order of orders) {
      const columns = new MeasureColumns();
      const measured = new Float64Array(SLOT_WIDTH);
      for (const r of order) {
        measured[SLOT.sla] = 2;
        columns.add(measured, 0, r, 0);
      }
      expect(keysOf(columns, 'urgency')).toEqual([
        'emergent',
        'urgent',
        'routine',
        'non_clinical',
        'untriaged',
      ]);
      expect(keysOf(columns, 'language')).toEqual(['en', 'es', 'zh', 'unknown']);
      expect(keysOf(columns, 'staff')).toEqual(['u1', 'u2', 'none']);
      expect(columns.stats({ bucketAnd: 'urgency' }).map((g) => g.key)).toEqual(keysOf(columns, 'urgency'));
    }
  });

  it('puts codes the rubric does not list after the listed ones', () => {
    expect(['other', 'untriaged', 'zz_new', 'symptom'].sort(groupOrder('category'))).toEqual([
      'symptom',
      'other',
      'zz_new',
      'untriaged',
    ]);
  });
});
