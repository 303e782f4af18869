/**
 * The export's and the page's fast paths must give exactly what the plain definitions give:
 * selection (no sort) against sorted nearest-rank, and the written-out messages.csv record against
 * the documented columns' own `value` functions.
 */
import { parse } from 'csv-parse/sync';
import { defaultCalendar, defaultSlaTargets } from '../../../src/clinic';
import { MESSAGE_COLUMNS, messageRecord, recordTexts } from '../../../src/reports/csv-columns';
import { RECORD_TEXTS } from '../../../src/reports/csv-record';
import { MessagesCsvWorker } from '../../../src/reports/csv-worker';
import { measure, measureInto, SLOT_WIDTH } from '../../../src/reports/measure';
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

const ctx = {
  calendar: defaultCalendar('America/Chicago'),
  sla: defaultSlaTargets(),
  asOf: Date.parse('2026-03-11T18:00:00Z'),
};
describe('messageRecord', () => {
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
    expect(messageRecord(row, ctx, iso)).toEqual(MESSAGE_COLUMNS.map((c) => String(c.value({ m, iso }))));
    expect(messageRecord(row, ctx, iso)).toHaveLength(MESSAGE_COLUMNS.length);
  });

  describe('MessagesCsvWorker', () => {
    const hostile: MilestoneRow[] = [
      base,
      empty,
      { ...base, portal_id: 'line\r\nbreak, "and" quotes', close_reason: ' lead' },
      { ...base, portal_id: 'ünïcødé 患者 مريض', approver: 'trail ', language: 'zh' },
    ];

    function batchOf(rows: MilestoneRow[]): { numbers: Float64Array; texts: string[] } {
      const numbers = new Float64Array(rows.length * SLOT_WIDTH);
      const texts: string[] = new Array(rows.length * RECORD_TEXTS);
      rows.forEach((row, i) => {
        measureInto(row, ctx, numbers, i * SLOT_WIDTH);
        recordTexts(row, texts, i * RECORD_TEXTS);
      });
      return { numbers, texts };
    }

    it('writes RFC 4180 records that parse back to messageRecord, batch after batch, in order', async () => {
      const iso = isoFormatter('America/Chicago');
      const worker = new MessagesCsvWorker('America/Chicago');
      try {
        const first = batchOf(hostile);
        const second = batchOf([empty, base]);
        const [a, b] = await Promise.all([
          worker.format(hostile.length, first.numbers, first.texts),
          worker.format(2, second.numbers, second.texts),
        ]);
        const text = a.toString('utf8') + b.toString('utf8');
        expect(text.endsWith('\r\n')).toBe(true);
        expect(text.split('\r\n')).toHaveLength(hostile.length + 2 + 1 + 1); // one CRLF inside a field
        const parsed = parse(text, { record_delimiter: '\r\n', relax_column_count: false });
        expect(parsed).toEqual([...hostile, empty, base].map((row) => messageRecord(row, ctx, iso)));
      } finally {
        await worker.close();
      }
    });

    it('writes nothing for an empty batch and refuses a batch that is not the size it says', async () => {
      const worker = new MessagesCsvWorker('UTC');
      try {
        expect((await worker.format(0, new Float64Array(0), [])).length).toBe(0);
        const { numbers, texts } = batchOf([base]);
        await expect(worker.format(2, numbers, texts)).rejects.toThrow(
          'messages.csv worker: a messages.csv batch does not have the size it says',
        );
        // The worker goes on after a refused batch.
        const again = batchOf([base]);
        expect((await worker.format(1, again.numbers, again.texts)).toString('utf8')).toContain(base.id);
      } finally {
        await worker.close();
      }
    });
  });
});
