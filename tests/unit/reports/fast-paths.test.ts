/**
 * The export's and the page's fast paths must give exactly what the plain definitions give:
 * selection (no sort) against sorted nearest-rank, and the written-out messages.csv record against
 * the documented columns' own `value` functions.
 */
import { stringify } from 'csv-stringify/sync';
import { defaultCalendar, defaultSlaTargets } from '../../../src/clinic';
import { MESSAGE_COLUMNS, messageRecord } from '../../../src/reports/csv-columns';
import { CsvWorker } from '../../../src/reports/csv-worker';
import { measure } from '../../../src/reports/measure';
import type { MilestoneRow } from '../../../src/reports/repository';
import { nearestRank, statOf } from '../../../src/reports/stats';
import { isoFormatter } from '../../../src/reports/time-format';

describe('statOf (selection instead of sorting)', () => {
  it('gives the same median, p90 and max as sorting, with ties, negatives and any count', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 0.5;
    for (const n of [1, 2, 3, 4, 5, 9, 10, 11, 99, 100, 1001, 4096]) {
      for (const spread of [3, 1000, 1e9]) {
        const values = Float64Array.from({ length: n }, () => Math.round(random() * spread));
        const sorted = Float64Array.from(values).sort();
        const stat = statOf(Float64Array.from(values), n);
        expect(stat).toEqual({
          n,
          median: nearestRank(sorted, n, 50),
          p90: nearestRank(sorted, n, 90),
          max: sorted[n - 1],
        });
      }
    }
    expect(statOf(new Float64Array(0), 0)).toEqual({ n: 0, median: null, p90: null, max: null });
  });
});

describe('messageRecord', () => {
  const ctx = {
    calendar: defaultCalendar('America/Chicago'),
    sla: defaultSlaTargets(),
    asOf: Date.parse('2026-03-11T18:00:00Z'),
  };
  const base: MilestoneRow = {
    id: '0b6f4a4e-1b2c-4d5e-8f90-123456789abc',
    portal_id: 'Communication/1, "quoted"',
    urgency: 'routine',
    category: 'billing',
    language: 'es',
    status: 'sent',
    received: Date.parse('2026-03-06T15:00:00.123Z') + 0.456,
    ingested: Date.parse('2026-03-06T15:01:00Z'),
    triaged: Date.parse('2026-03-06T15:02:00Z'),
    alerted: Date.parse('2026-03-06T15:03:00Z'),
    acknowledged: Date.parse('2026-03-07T15:03:00Z'),
    draft_ready: Date.parse('2026-03-06T15:05:00Z'),
    first_opened: Date.parse('2026-03-08T08:00:00Z'),
    approved: Date.parse('2026-03-09T16:10:00Z'),
    sent: Date.parse('2026-03-09T16:11:00Z'),
    closed: Date.parse('2026-03-09T16:00:00Z'),
    approver: 'a-user',
    draft_id: 'd1',
    word_edits: 7,
    draft_words: 40,
    sent_words: 42,
    acknowledged_by: 'b-user',
    close_actor: 'user:c-user',
    close_reason: 'duplicate',
    regenerations: 2,
    feedback_useful: 1,
    feedback_not_useful: 0,
  };
  const empty: MilestoneRow = {
    ...base,
    urgency: null,
    category: null,
    language: null,
    status: 'new',
    ingested: null,
    triaged: null,
    alerted: null,
    acknowledged: null,
    draft_ready: null,
    first_opened: null,
    approved: null,
    sent: null,
    closed: null,
    approver: null,
    draft_id: null,
    word_edits: null,
    draft_words: null,
    sent_words: null,
    acknowledged_by: null,
    close_actor: 'system:worker',
    close_reason: '',
    regenerations: 0,
  };
  it.each([
    ['every milestone', base],
    ['none', empty],
    ['from blank', { ...base, draft_id: null }],
  ])('matches the columns cell for cell (%s)', (_name, row) => {
    const iso = isoFormatter('America/Chicago');
    const m = measure(row, ctx);
    expect(messageRecord(m, iso)).toEqual(MESSAGE_COLUMNS.map((c) => String(c.value({ m, iso }))));
    expect(messageRecord(m, iso)).toHaveLength(MESSAGE_COLUMNS.length);
  });
});

describe('CsvWorker', () => {
  it('writes what csv-stringify writes, quoting and non-ASCII included', async () => {
    const records = [
      ['plain', 'a,b', 'say "hi"', 'line\r\nbreak', ''],
      ['ünïcødé', ' lead', 'trail ', '2026-03-08T01:30:00.000-06:00', '0.5'],
    ];
    const worker = new CsvWorker();
    try {
      const text = await worker.stringify(records.flat(), 5);
      expect(text.toString('utf8')).toBe(stringify(records, { record_delimiter: 'windows' }));
      const [a, b] = await Promise.all([worker.stringify(records[0], 5), worker.stringify(records[1], 5)]);
      expect(a.toString('utf8') + b.toString('utf8')).toBe(text.toString('utf8'));
    } finally {
      await worker.close();
    }
  });
});
