/**
 * Done-when: the scripted scenario (./scenario.ts) yields the exact figures, worked out by hand
 * below, on the page, in messages.csv and in summary.csv (parsed back with csv-parse).
 * Range Fri 2026-03-06 … Tue 2026-03-10 in America/Chicago; the report's "now" is Wed 11 Mar 13:00 CDT.
 */
import { parse } from 'csv-parse/sync';
import type { Express } from 'express';
import request from 'supertest';
import type { WebFixture } from '../web/web-fixture';
import { createAuthFixture, loggedIn, userWithPassword, type Agent } from '../auth/auth-fixture';
import { createApiToken } from '../../../src/auth/api-tokens';
import { seedScenario, type Scenario } from './scenario';

let fx: WebFixture;
let app: Express;
let s: Scenario;
let manager: Agent;
let managerId: string;
let token: string;
const RANGE = 'from=2026-03-06&to=2026-03-10';

beforeAll(async () => {
  fx = await createAuthFixture();
  app = fx.appWith({ now: () => new Date('2026-03-11T18:00:00Z') });
  s = await seedScenario(fx.db);
  const m = await userWithPassword(fx.db, 'manager');
  managerId = m.userId;
  manager = (await loggedIn(app, m)).agent;
  token = (await createApiToken(fx.db, m.userId, 'bi')).token;
});

afterAll(async () => {
  await fx.close();
});

type Row = Record<string, string>;
const csv = (text: string): Row[] => parse(text, { columns: true, record_delimiter: '\r\n' }) as Row[];

describe('messages.csv', () => {
  let rows: Row[];
  let text: string;
  beforeAll(async () => {
    const res = await request(app)
      .get(`/reports/export/messages.csv?${RANGE}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="messages_2026-03-06_2026-03-10.csv"',
    );
    text = res.text;
    rows = csv(text);
  });

  it('has one row per message received in the range, in received order, with CRLF records', () => {
    expect(rows.map((r) => r.id)).toEqual([s.ids.m1, s.ids.m2, s.ids.m6, s.ids.m3, s.ids.m4, s.ids.m5]);
    expect(text.split('\r\n')).toHaveLength(8); // header, 6 rows, trailing empty
    expect(text).not.toMatch(/PATIENT TEXT|SUBJECT/);
  });

  it('prints times with the offset of the day (CST before the change, CDT after)', () => {
    const m3 = rows.find((r) => r.id === s.ids.m3)!;
    expect(m3.received_at).toBe('2026-03-08T01:30:00.000-06:00');
    expect(m3.closed_at).toBe('2026-03-08T03:45:00.000-05:00');
    expect(m3.sla_due_at).toBe('2026-03-08T03:30:00.000-05:00');
    // Emergent, 75 min wall, none of it business time (a Sunday night); closed 15 min late.
    expect([m3.to_done_wall_s, m3.to_done_business_s, m3.sla_status, m3.sla_met]).toEqual([
      '4500',
      '0',
      'missed',
      'false',
    ]);
    expect([m3.alert_to_ack_wall_s, m3.closer_id, m3.close_reason, m3.approver_id]).toEqual([
      '510',
      s.staffB,
      'handled_by_phone',
      '',
    ]);
  });

  it('measures business time over the weekend, the change and the holiday', () => {
    const m1 = rows.find((r) => r.id === s.ids.m1)!;
    // Routine, Fri 09:00 CST + 16 business hours: Fri 7 h, Mon 8 h, Tue holiday, Wed 08:00–09:00.
    expect(m1.sla_due_at).toBe('2026-03-11T09:00:00.000-05:00');
    expect([m1.to_done_wall_s, m1.to_done_business_s, m1.to_first_open_wall_s, m1.sla_status]).toEqual([
      '4260',
      '4260',
      '3600',
      'met',
    ]);
    expect([m1.draft_used, m1.edit_distance, m1.edit_class, m1.approver_id]).toEqual([
      'true',
      '0',
      'unchanged',
      s.staffA,
    ]);
    const m2 = rows.find((r) => r.id === s.ids.m2)!;
    // Fri 18:30 CST → Mon 08:45 CDT: 2 d 13 h 15 min wall (one hour lost to the change), 45 business minutes.
    expect([
      m2.to_done_wall_s,
      m2.to_done_business_s,
      m2.to_first_open_wall_s,
      m2.to_first_open_business_s,
    ]).toEqual(['220500', '2700', '218700', '900']);
    expect([m2.alert_to_ack_wall_s, m2.alert_to_ack_business_s, m2.acknowledged_by_id]).toEqual([
      '720',
      '0',
      s.staffB,
    ]);
    expect([m2.sla_due_at, m2.sla_status, m2.draft_used, m2.edit_class, m2.language]).toEqual([
      '2026-03-09T12:00:00.000-05:00',
      'met',
      'false',
      '',
      'es',
    ]);
    const m4 = rows.find((r) => r.id === s.ids.m4)!;
    // Mon 16:30 CDT → Wed 09:05: 30 min Monday + 65 min Wednesday (Tuesday is a holiday).
    expect([m4.to_done_wall_s, m4.to_done_business_s, m4.open_to_done_business_s]).toEqual([
      '146100',
      '5700',
      '5220',
    ]);
    expect([
      m4.edit_distance,
      m4.edit_class,
      m4.regenerations,
      m4.feedback_not_useful,
      m4.sla_status,
    ]).toEqual(['0.3', 'light', '2', '1', 'met']);
    const m5 = rows.find((r) => r.id === s.ids.m5)!;
    expect([
      m5.to_first_open_wall_s,
      m5.to_first_open_business_s,
      m5.done_at,
      m5.sla_status,
      m5.sla_met,
    ]).toEqual(['1200', '0', '', 'pending', '']);
    expect([m5.sla_due_at, m5.edit_distance, m5.edit_class, m5.feedback_useful]).toEqual([
      '2026-03-12T17:00:00.000-05:00',
      '0.8',
      'heavy',
      '1',
    ]);
    const m6 = rows.find((r) => r.id === s.ids.m6)!;
    expect([
      m6.urgency,
      m6.sla_level,
      m6.sla_status,
      m6.triaged_at,
      m6.to_done_wall_s,
      m6.draft_used,
    ]).toEqual(['', 'urgent', 'missed', '', '', '']);
  });

  it('records the export as an audit event', async () => {
    const events = await fx.db
      .selectFrom('events')
      .select(['actor', 'data'])
      .where('action', '=', 'reports.exported')
      .execute();
    expect(events[0].actor).toBe(`user:${managerId}`);
    expect(events[0].data).toMatchObject({
      kind: 'messages',
      from: '2026-03-06',
      to: '2026-03-10',
      rows: 6,
      via: 'api_token',
      complete: true,
    });
  });
});

describe('summary.csv', () => {
  let rows: Row[];
  beforeAll(async () => {
    rows = csv((await manager.get(`/reports/export/summary.csv?${RANGE}&by=day`).expect(200)).text);
  });
  const pick = (period: string, start: string, dimension: string, group: string) =>
    rows.find(
      (r) =>
        r.period === period && r.bucket_start === start && r.dimension === dimension && r.group === group,
    )!;

  it('has a row per day with volume and the backlog at its end', () => {
    const days = rows.filter((r) => r.period === 'bucket' && r.dimension === 'all');
    expect(days.map((r) => [r.bucket_start, r.messages, r.backlog_end])).toEqual([
      ['2026-03-06', '2', '2'],
      ['2026-03-07', '1', '3'],
      ['2026-03-08', '1', '3'],
      ['2026-03-09', '1', '2'],
      ['2026-03-10', '1', '3'],
    ]);
  });

  it('has the whole-range figures: percentiles, SLA, drafts, edits, feedback', () => {
    const all = pick('range', '2026-03-06', 'all', 'all');
    expect(all.bucket_end).toBe('2026-03-10');
    expect([all.messages, all.sent, all.closed, all.open]).toEqual(['6', '3', '1', '2']);
    expect([all.sla_met, all.sla_missed, all.sla_pending, all.sla_compliance]).toEqual([
      '3',
      '2',
      '1',
      '0.6',
    ]);
    expect([all.replies_approved, all.replies_from_draft, all.draft_utilization]).toEqual(['4', '3', '0.75']);
    expect([
      all.edit_unchanged,
      all.edit_light,
      all.edit_heavy,
      all.regenerations,
      all.messages_regenerated,
    ]).toEqual(['1', '1', '1', '2', '1']);
    expect([all.feedback_useful, all.feedback_not_useful]).toEqual(['1', '1']);
    // Response times (s) 4260, 4500, 146100, 220500: nearest-rank median = 2nd, p90 = 4th.
    expect([
      all.to_done_n,
      all.to_done_wall_median_s,
      all.to_done_wall_p90_s,
      all.to_done_wall_max_s,
    ]).toEqual(['4', '4500', '220500', '220500']);
    // Business: 0, 2700, 4260, 5700.
    expect([all.to_done_business_median_s, all.to_done_business_p90_s, all.to_done_business_max_s]).toEqual([
      '2700',
      '5700',
      '5700',
    ]);
    expect([all.alert_to_ack_n, all.alert_to_ack_wall_median_s, all.alert_to_ack_wall_p90_s]).toEqual([
      '2',
      '510',
      '720',
    ]);
    // First opened: 480, 1200, 1200, 3600, 218700 wall; 0, 0, 480, 900, 3600 business.
    expect([
      all.to_first_open_wall_median_s,
      all.to_first_open_wall_p90_s,
      all.to_first_open_business_median_s,
    ]).toEqual(['1200', '218700', '480']);
    expect([
      all.to_ingest_wall_median_s,
      all.to_ingest_business_median_s,
      all.to_ingest_business_p90_s,
    ]).toEqual(['60', '0', '60']);
  });

  it('breaks down by urgency, language and staff', () => {
    const routine = pick('range', '2026-03-06', 'urgency', 'routine');
    expect([routine.messages, routine.sla_met, routine.sla_compliance]).toEqual(['2', '2', '1']);
    expect(pick('range', '2026-03-06', 'urgency', 'emergent').sla_compliance).toBe('0');
    expect(pick('range', '2026-03-06', 'urgency', 'non_clinical').sla_compliance).toBe('');
    expect(pick('range', '2026-03-06', 'urgency', 'untriaged').sla_missed).toBe('1');
    expect(pick('range', '2026-03-06', 'language', 'es').messages).toBe('1');
    const alice = pick('range', '2026-03-06', 'staff', s.staffA);
    expect([alice.messages, alice.replies_approved, alice.draft_utilization]).toEqual(['3', '3', '1']);
    const bea = pick('range', '2026-03-06', 'staff', s.staffB);
    expect([bea.messages, bea.closed, bea.draft_utilization, bea.to_done_wall_median_s]).toEqual([
      '2',
      '1',
      '0',
      '4500',
    ]);
    expect(pick('bucket', '2026-03-06', 'urgency', 'urgent').messages).toBe('1');
  });

  it('buckets by week (Monday first) and month, clamped to the range', async () => {
    const weeks = csv(
      (await manager.get(`/reports/export/summary.csv?${RANGE}&by=week`).expect(200)).text,
    ).filter((r) => r.period === 'bucket' && r.dimension === 'all');
    expect(weeks.map((r) => [r.bucket_start, r.bucket_end, r.messages, r.backlog_end])).toEqual([
      ['2026-03-06', '2026-03-08', '4', '3'],
      ['2026-03-09', '2026-03-10', '2', '3'],
    ]);
  });
});

describe('the report page', () => {
  let html: string;
  beforeAll(async () => {
    html = (await manager.get(`/reports?${RANGE}&group=staff`).set('Accept', 'text/html').expect(200)).text;
  });

  it('shows the headline figures, each a link to its messages', () => {
    expect(html).toContain('<a href="/reports/messages?from=2026-03-06&amp;to=2026-03-10">6</a>');
    expect(html).toContain(
      '<a href="/reports/messages?from=2026-03-06&amp;to=2026-03-10&amp;interval=to_done">45 min</a>',
    );
    expect(html).toContain(
      '<a href="/reports/messages?from=2026-03-06&amp;to=2026-03-10&amp;sla=met">60.0%</a>',
    );
    expect(html).toContain(
      '<a href="/reports/messages?from=2026-03-06&amp;to=2026-03-10&amp;draft=used">75.0%</a>',
    );
    expect(html).toContain('>1 lightly edited (33.3%)</a>');
    expect(html).toContain('>2 in 1 messages</a>');
    expect(html).toContain(
      '<a href="/reports/messages?from=2026-03-06&amp;to=2026-03-10&amp;interval=alert_to_ack">8 min 30 s</a>',
    );
    expect(html).toContain('<a href="/reports/messages?open_at=2026-03-10">3</a>');
  });

  it('shows the interval table in wall and business time', () => {
    const row = /<tr data-interval="to_done">(.*?)<\/tr>/s.exec(html)![1];
    const cells = [...row.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
    expect(cells).toEqual([
      '4',
      '1 h 15 min',
      '2 d 13 h 15 min',
      '2 d 13 h 15 min',
      '45 min',
      '1 h 35 min',
      '1 h 35 min',
    ]);
  });

  it('shows SLA per level and the staff breakdown with names', () => {
    const emergent = /<tr data-group="emergent">(.*?)<\/tr>/s.exec(html)![1];
    expect(emergent).toContain('60 min (wall clock)');
    expect(emergent).toContain('0.0%');
    expect(html).toMatch(
      new RegExp(`<tr data-group="${s.staffA}"><th scope="row">Alice</th><td><a [^>]*>3</a>`),
    );
  });

  it('lists levels in the rubric order and staff by name, whatever order the rows came in', () => {
    const groups = (caption: string) => {
      const table = new RegExp(`<caption>${caption}</caption>(.*?)</table>`, 's').exec(html)![1];
      return [...table.matchAll(/<tr data-group="([^"]+)">/g)].map((m) => m[1]);
    };
    const levels = groups('SLA compliance[^<]*');
    expect(levels).toEqual(
      ['emergent', 'urgent', 'routine', 'non_clinical', 'untriaged'].filter((l) => levels.includes(l)),
    );
    expect(levels.length).toBeGreaterThan(2);
    expect(groups('By staff')).toEqual([s.staffA, s.staffB, 'none']);
  });

  it('draws SVG charts with accessible titles and linked bars, without inline styles or scripts', () => {
    expect(html).toContain('<title id="volume-title">Messages received per day</title>');
    expect(html).toContain('<title>2026-03-06: 2 messages</title>');
    expect(html).toContain('<title>2026-03-09: 2 open at the end</title>');
    expect(html).not.toMatch(/style=|<script(?! src)/);
    expect(html).toContain('href="/reports/assets/reports.css"');
  });

  it('serves its stylesheet', async () => {
    const res = await manager.get('/reports/assets/reports.css').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/css/);
  });
});

describe('drill-down', () => {
  it('lists the messages behind a figure, and audits which ones were shown', async () => {
    const html = (
      await manager.get(`/reports/messages?${RANGE}&sla=missed`).set('Accept', 'text/html').expect(200)
    ).text;
    const ids = [...html.matchAll(/<tr data-id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([s.ids.m6, s.ids.m3]);
    expect(html).toContain(`<a href="/inbox/messages/${s.ids.m3}">`);
    expect(html).not.toMatch(/PATIENT TEXT|SUBJECT/);
    const event = await fx.db
      .selectFrom('events')
      .select(['actor', 'data'])
      .where('action', '=', 'reports.drilldown')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(event.actor).toBe(`user:${managerId}`);
    expect(event.data).toMatchObject({
      total: 2,
      messageIds: [s.ids.m6, s.ids.m3],
      drill: { sla: 'missed' },
    });
  });

  it('lists the backlog at the end of a day, whenever received', async () => {
    const html = (
      await manager.get('/reports/messages?open_at=2026-03-09').set('Accept', 'text/html').expect(200)
    ).text;
    expect([...html.matchAll(/<tr data-id="([^"]+)"/g)].map((m) => m[1])).toEqual([s.ids.m6, s.ids.m4]);
  });

  it.each([
    ['draft=used', (r: Row) => r.draft_used === 'true'],
    ['draft=blank', (r: Row) => r.draft_used === 'false'],
    ['edit=unchanged', (r: Row) => r.edit_class === 'unchanged'],
    ['edit=light', (r: Row) => r.edit_class === 'light'],
    ['edit=heavy', (r: Row) => r.edit_class === 'heavy'],
    ['regenerated=yes', (r: Row) => Number(r.regenerations) > 0],
    ['feedback=useful', (r: Row) => Number(r.feedback_useful) > 0],
    ['feedback=not_useful', (r: Row) => Number(r.feedback_not_useful) > 0],
    ['alerted=yes', (r: Row) => r.alerted_at !== ''],
    ['sla=pending', (r: Row) => r.sla_status === 'pending'],
    ['interval=alert_to_ack', (r: Row) => r.alert_to_ack_wall_s !== ''],
  ])('%s lists the messages messages.csv marks so', async (drill, marked) => {
    const exported = csv(
      (
        await request(app)
          .get(`/reports/export/messages.csv?${RANGE}`)
          .set('Authorization', `Bearer ${token}`)
          .expect(200)
      ).text,
    );
    const html = (
      await manager.get(`/reports/messages?${RANGE}&${drill}`).set('Accept', 'text/html').expect(200)
    ).text;
    const listed = [...html.matchAll(/<tr data-id="([^"]+)"/g)].map((m) => m[1]);
    const expected = exported.filter(marked).map((r) => r.id);
    // The scenario marks some messages each way, never all or none: the filter really filters.
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(exported.length);
    expect([...listed].sort()).toEqual([...expected].sort());
    if (!drill.startsWith('interval=')) expect(listed).toEqual(expected); // received order
  });

  it('sorts an interval longest first', async () => {
    const html = (
      await manager.get(`/reports/messages?${RANGE}&interval=to_done`).set('Accept', 'text/html').expect(200)
    ).text;
    expect([...html.matchAll(/<tr data-id="([^"]+)"/g)].map((m) => m[1])).toEqual([
      s.ids.m2,
      s.ids.m4,
      s.ids.m3,
      s.ids.m1,
    ]);
  });
});

describe('bad input', () => {
  it.each([
    ['from=2026-03-10&to=2026-03-06', /the range is empty: from \(2026-03-10\) is after to \(2026-03-06\)/],
    ['from=2016-01-01&to=2025-12-31', /the range spans 3653 days; reports cover at most 1098 days/],
    ['from=2025-01-01&to=2026-03-01&by=day', /by=day covers at most 366 days/],
    ['from=2026-02-30&to=2026-03-01', /from: is not a calendar date/],
    ['from=yesterday', /from: must be a date written YYYY-MM-DD/],
    [`${RANGE}&colour=red`, /unknown parameter colour/],
    [`${RANGE}&urgency=whenever`, /urgency: Invalid option/],
    [`${RANGE}&tz=Mars/Olympus`, /tz: is not a known IANA time zone/],
    [`${RANGE}&by=year`, /by: Invalid option/],
  ])('%s → 400 with a clear message', async (query, message) => {
    for (const path of ['/reports/export/messages.csv', '/reports/export/summary.csv', '/reports']) {
      const res = await manager.get(`${path}?${query}`).expect(400);
      expect(res.body.error.message).toMatch(message);
    }
  });

  it('a stored calendar with a zone that does not exist: a clear 503 naming the setting', async () => {
    const saved = await fx.db
      .selectFrom('clinic_settings')
      .select('value')
      .where('key', '=', 'business_calendar')
      .executeTakeFirstOrThrow();
    await fx.db
      .updateTable('clinic_settings')
      .set({ value: JSON.stringify({ ...(saved.value as object), timeZone: 'Mars/Olympus' }) })
      .where('key', '=', 'business_calendar')
      .execute();
    try {
      const res = await manager.get(`/reports/export/messages.csv?${RANGE}`).expect(503);
      expect(res.body.error.message).toMatch(
        /clinic setting "business_calendar" is invalid: timeZone: is not a known IANA time zone/,
      );
    } finally {
      await fx.db
        .updateTable('clinic_settings')
        .set({ value: JSON.stringify(saved.value) })
        .where('key', '=', 'business_calendar')
        .execute();
    }
  });

  it('an empty range of days with no messages answers zeros and dashes, not errors', async () => {
    const text = (await manager.get('/reports/export/summary.csv?from=2025-01-01&to=2025-01-02').expect(200))
      .text;
    const rows = csv(text);
    expect(
      rows
        .filter((r) => r.dimension === 'all')
        .map((r) => [r.messages, r.sla_compliance, r.to_done_wall_median_s]),
    ).toEqual([
      ['0', '', ''],
      ['0', '', ''],
      ['0', '', ''],
    ]);
    expect(
      csv((await manager.get('/reports/export/messages.csv?from=2025-01-01&to=2025-01-02').expect(200)).text),
    ).toEqual([]);
    const html = (
      await manager.get('/reports?from=2025-01-01&to=2025-01-02').set('Accept', 'text/html').expect(200)
    ).text;
    expect(html).toContain('>—</a>');
  });
});
