/**
 * Reports at scale, on a scratch PostgreSQL database (BENCH_DATABASE_ADMIN_URL, else
 * TEST_DATABASE_ADMIN_URL, else the local postgres; dropped afterwards):
 * - messages.csv export as production runs it: the build (tsc -p tsconfig.build.json, done first)
 *   of `npm run reports:export` in a child process, writing to a pipe this process drains. Its
 *   rows/s and peak RSS (the child's own maxRSS) come next to a baseline in this process: the same
 *   cursor read of the same rows, without measuring or CSV;
 * - the report page's server work (clinic settings, one pass over every message, aggregates,
 *   rendering), p50/p95 over --reports-page-runs calls, for the whole year and for March;
 * - summary.csv over the whole year by day, once, in this process.
 * Size: --reports-rows N (default 1,000,000) messages over one year, about 6.4 events each.
 *
 * Seeding is SQL (INSERT ... SELECT generate_series), not recordEvent (about 500 appends/s). The
 * events it writes carry dummy hashes, md5(row)||md5(row), which pass the table's CHECK and UNIQUE
 * constraints but are NOT a valid chain: `audit:verify` fails on this database, by design.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { createDb, migrateToLatest, type Db } from '../../src/db';
import { renderPage } from '../../src/http/page-layout';
import { exportSummaryCsv } from '../../src/reports/export';
import { ReportPage } from '../../src/reports/page';
import { streamMilestones } from '../../src/reports/repository';
import { buildSummary, reportContext } from '../../src/reports/summary';
import type { BenchLine, BenchSection } from '../bench';
import { percentile, scratchDatabase } from '../bench-support';

function argNumber(args: string[], flag: string, fallback: number): number {
  const at = args.indexOf(flag);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} must be a positive integer`);
  return value;
}

const URGENCIES = `(array['routine','routine','routine','non_clinical','urgent','routine','routine','non_clinical','urgent','emergent'])`;
const CATEGORIES = `(array['medication','symptom','results','scheduling','billing','forms_records','portal_technical','other'])`;

/** Messages i in [lo, hi): received evenly over 2025 (Chicago time), with their events. */
async function seedBatch(db: Db, lo: number, hi: number, n: number, staff: string[]): Promise<void> {
  const spacing = (364 * 24 * 3600) / n;
  // One row per (message, step); k numbers the steps so every row gets its own dummy hashes.
  await sql`
    with m as (
      insert into messages (portal_id, patient_ref, body, received_at, urgency, category, language, status, needs_reply)
      select 'bench-' || i, 'Patient/' || (i % 5000), 'bench',
        timestamptz '2025-01-01T06:00:00Z' + make_interval(secs => i * ${spacing}::float8),
        ${sql.raw(URGENCIES)}[1 + i % 10], ${sql.raw(CATEGORIES)}[1 + i % 8], case when i % 7 = 0 then 'es' else 'en' end,
        case when i % 10 = 3 then 'closed' when i % 50 = 7 then 'ready' else 'sent' end, true
      from generate_series(${lo}::int, ${hi - 1}::int) as i
      returning id, received_at, substr(portal_id, 7)::int as i)
    insert into events (at, actor, action, message_id, data, prev_hash, hash)
    select m.received_at + make_interval(secs => s.offset_s), s.actor, s.action, m.id, s.data::jsonb,
      md5(n || 'p') || md5(n || 'q'), md5(n || 'h') || md5(n || 'i')
    from m
    cross join lateral (values
      (1, 60, 'system:worker', 'message.ingested', '{}', true),
      (2, 120, 'system:worker', 'message.triaged', '{}', true),
      (3, 150, 'system:worker', 'alert.posted', '{"level":"urgent"}', m.i % 5 = 4),
      (4, 150 + (m.i % 900), 'user:' || ${staff[0]}, 'alert.acknowledged', '{"userId":"' || ${staff[0]} || '"}', m.i % 5 = 4),
      (5, 300, 'system:worker', 'message.ready', '{}', true),
      (6, 600 + (m.i % 7200), 'user:' || ${staff[1]}, 'message.viewed', '{"via":"session"}', m.i % 50 <> 7),
      (7, 700 + (m.i % 7200) + (m.i % 97) * 600, 'user:' || ${staff[1]}, 'reply.approved',
        '{"author":"' || ${staff[1]} || '","draftId":' || case when m.i % 4 = 0 then 'null' else '"00000000-0000-4000-8000-000000000001"' end
        || ',"edit":{"unchanged":false,"draftWords":40,"sentWords":42,"wordEdits":' || (m.i % 20) || '}}',
        m.i % 10 <> 3 and m.i % 50 <> 7),
      (8, 760 + (m.i % 7200) + (m.i % 97) * 600, 'system:worker', 'reply.sent', '{}', m.i % 10 <> 3 and m.i % 50 <> 7),
      (9, 900 + (m.i % 7200), 'user:' || ${staff[2]}, 'message.closed', '{"reason":"no_reply_needed"}', m.i % 10 = 3)
    ) as s(k, offset_s, actor, action, data, present)
    cross join lateral (select m.i::bigint * 16 + s.k as n) nn
    where s.present`.execute(db);
}

const ROOT = join(__dirname, '..', '..');

/**
 * The production build of the export command, run on the scratch database with its CSV piped back
 * here (counted, then dropped). The command reports its rows, seconds and peak RSS on stderr.
 */
async function exportInChild(
  databaseUrl: string,
  query: { from: string; to: string },
): Promise<{ rows: number; seconds: number; peakMb: number; bytes: number }> {
  const built = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (built.status !== 0) throw new Error('the build (tsc -p tsconfig.build.json) failed');
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'dist/src/reports/export-cli.js'),
      'messages',
      '--user',
      'A@bench.test',
      '--from',
      query.from,
      '--to',
      query.to,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, CLINIC_TIME_ZONE: 'America/Chicago' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let bytes = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number | null];
  const summary = /exported (\d+) rows in ([\d.]+) s .*peak RSS (\d+) MB/.exec(stderr);
  if (code !== 0 || !summary) throw new Error(`the export command failed (${code}): ${stderr}`);
  return { rows: Number(summary[1]), seconds: Number(summary[2]), peakMb: Number(summary[3]), bytes };
}

/** The report page's server work (settings, aggregates, rendering), `runs` times, sorted ms. */
async function timePage(
  db: Db,
  query: { from: string; to: string },
  now: Date,
  runs: number,
): Promise<{ times: number[]; peakMb: number; messages: number; stallMs: number }> {
  const times: number[] = [];
  let peakMb = 0;
  let messages = 0;
  // The longest the event loop waited while the page was built: what other requests on the web
  // process would have felt.
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  for (let run = 0; run < runs; run++) {
    const t = performance.now();
    const measured = await withPeakRss(async () => {
      const ctx = await reportContext(db, 'America/Chicago', query, now);
      const summary = await buildSummary(db, ctx, {});
      messages = summary.overall.count;
      return renderPage({
        title: 'Reports',
        user: { name: 'Bench', role: 'manager' },
        csrfToken: 'bench',
        active: 'reports',
        body: ReportPage({ summary, filters: {}, group: 'urgency' }),
      });
    });
    times.push(performance.now() - t);
    peakMb = Math.max(peakMb, measured.peakMb);
  }
  loopDelay.disable();
  return { times: times.sort((a, b) => a - b), peakMb, messages, stallMs: loopDelay.max / 1e6 };
}

/** Peak RSS while fn runs, sampled every 25 ms. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMb: peak / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

export const section: BenchSection = {
  name: 'reports',
  async run(args: string[]): Promise<BenchLine[]> {
    const n = argNumber(args, '--reports-rows', 1_000_000);
    const pageRuns = argNumber(args, '--reports-page-runs', 20);
    const scratch = await scratchDatabase('inbox_bench_reports');
    const db = createDb(scratch.url, { applicationName: 'bench-reports', maxConnections: 4 });
    try {
      await migrateToLatest(db);
      const staff: string[] = [];
      // A exports (a manager); A, B and C acknowledge, approve and close in the seeded events.
      for (const name of ['A', 'B', 'C']) {
        const row = await db
          .insertInto('users')
          .values({
            email: `${name}@bench.test`,
            display_name: `Staff ${name}`,
            role: name === 'A' ? 'manager' : 'staff',
            password_hash: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        staff.push(row.id);
      }
      const seedStarted = performance.now();
      // Bulk load without the events indexes, then build them once (much faster than row by row).
      await sql`alter table events drop constraint events_prev_hash_key, drop constraint events_hash_key`.execute(
        db,
      );
      await sql`drop index events_action_at_idx, events_message_id_idx, events_at_idx`.execute(db);
      // The milestones trigger (migrations/0005) would upsert once per event; a bulk load switches it
      // off and then builds message_milestones set-based from the log with the migration's own
      // rebuild_message_milestones(), the same rules the trigger applies.
      await sql`alter table events disable trigger events_message_milestones`.execute(db);
      const BATCH = 100_000;
      for (let lo = 0; lo < n; lo += BATCH) await seedBatch(db, lo, Math.min(n, lo + BATCH), n, staff);
      await sql`alter table events enable trigger events_message_milestones`.execute(db);
      const rebuildStarted = performance.now();
      await sql`select rebuild_message_milestones()`.execute(db);
      const rebuildSeconds = (performance.now() - rebuildStarted) / 1000;
      await sql`alter table events add constraint events_prev_hash_key unique (prev_hash), add constraint events_hash_key unique (hash)`.execute(
        db,
      );
      await sql`create index events_action_at_idx on events (action, at)`.execute(db);
      await sql`create index events_message_id_idx on events (message_id, at) where message_id is not null`.execute(
        db,
      );
      await sql`create index events_at_idx on events (at)`.execute(db);
      await sql`vacuum analyze`.execute(db);
      // Write the bulk load out now, so no checkpoint competes with the measurements below.
      await sql`checkpoint`.execute(db);
      const events = await db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number>().as('c'))
        .executeTakeFirstOrThrow();
      console.log(
        `seeded ${n} messages, ${events.c} events in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s` +
          ` (message_milestones rebuilt in ${rebuildSeconds.toFixed(0)} s)`,
      );

      if (args.includes('--reports-seed-only')) return [];
      const query = { from: '2025-01-01', to: '2025-12-31' };
      const now = new Date('2026-01-15T12:00:00Z');
      const ctx = await reportContext(db, 'America/Chicago', query, now);

      // Baseline: the same cursor over the same rows, nothing measured or formatted.
      const t = performance.now();
      let raw = 0;
      for await (const _row of streamMilestones(db, { start: ctx.range.start, end: ctx.range.end }, {}))
        raw++;
      const rawRate = raw / ((performance.now() - t) / 1000);

      const exported = await exportInChild(scratch.url, query);
      if (exported.rows !== n || raw !== n)
        throw new Error(`expected ${n} rows, got ${exported.rows} / ${raw}`);
      console.log(
        `messages.csv: ${n} rows, ${(exported.bytes / 2 ** 20).toFixed(0)} MB in ${exported.seconds.toFixed(1)} s`,
      );

      const year = await timePage(db, query, now, pageRuns);
      // The page's default is the last 30 days: a month of this clinic is about n / 12 messages.
      const month = await timePage(db, { from: '2025-03-01', to: '2025-03-31' }, now, pageRuns);
      // summary.csv over the year by day: every group's every interval (in this process, once).
      const summaryCtx = await reportContext(db, 'America/Chicago', { ...query, by: 'day' }, now);
      const summaryStarted = performance.now();
      const summaryRows = await exportSummaryCsv(
        db,
        summaryCtx,
        {},
        { userId: staff[0], via: 'cli' },
        new Writable({ write: (_chunk, _enc, done) => done() }),
      );
      const summaryMs = performance.now() - summaryStarted;
      return [
        {
          metric: `messages.csv export (${n} messages)`,
          value: n / exported.seconds,
          unit: 'rows/s',
          baseline: { name: 'same cursor read, no measuring or CSV', value: rawRate },
          target: { min: 50_000 },
        },
        {
          metric: 'messages.csv export peak RSS (the exporting process)',
          value: exported.peakMb,
          unit: 'MB',
          target: { max: 200 },
        },
        {
          metric: `report page server time p50, whole year (${year.messages} messages, ${pageRuns} runs)`,
          value: percentile(year.times, 50),
          unit: 'ms',
        },
        { metric: 'report page server time p95, whole year', value: percentile(year.times, 95), unit: 'ms' },
        { metric: 'report page peak RSS, whole year', value: year.peakMb, unit: 'MB' },
        { metric: 'report page longest event-loop stall, whole year', value: year.stallMs, unit: 'ms' },
        {
          metric: `report page server time p50, March (${month.messages} messages, ${pageRuns} runs)`,
          value: percentile(month.times, 50),
          unit: 'ms',
        },
        { metric: 'report page server time p95, March', value: percentile(month.times, 95), unit: 'ms' },
        {
          metric: `summary.csv export, whole year by day (${summaryRows} rows, one run)`,
          value: summaryMs,
          unit: 'ms',
        },
      ];
    } finally {
      await db.destroy();
      // --reports-keep-db leaves the seeded database for EXPLAIN sessions (its URL is printed).
      if (args.includes('--reports-keep-db')) console.log(`kept ${scratch.url}`);
      else await scratch.drop();
    }
  },
};
