/**
 * The inbox list page with a large database: server time of `GET /inbox` (the default view, and
 * level=urgent + assignee=unassigned), p50/p95 over 200 requests each (after 30 to warm up), through the real app listening
 * on 127.0.0.1 and a logged-in session, next to a baseline measured in the same run: the bare
 * `SELECT … ORDER BY urgency_rank, received_at, id LIMIT 50` the page is built around.
 * Timed per request: the wall time of a local request (everything: session, queries, audit event,
 * rendering, HTTP) and the handler's own time from its Server-Timing header.
 * Sizes: --inbox-sizes 100000,1000000 (default); the database grows from one size to the next.
 * Services: BENCH_DATABASE_ADMIN_URL (else TEST_DATABASE_ADMIN_URL, else local) for a scratch
 * database, dropped afterwards; BENCH_REDIS_URL (else REDIS_URL, else local) under a scratch prefix.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import pino from 'pino';
import { hashPassword } from '../../src/auth/login';
import { loadConfig } from '../../src/config';
import { createDb, migrateToLatest, OPEN_STATUSES, type Db } from '../../src/db';
import { createApp } from '../../src/http/app';
import { createLogger } from '../../src/logging/logger';
import { closeQueues, createQueues, createRedisConnection } from '../../src/queue';
import type { BenchLine, BenchSection } from '../bench';
import { percentile, scratchDatabase } from '../bench-support';

const REQUESTS = 200;
const WARMUP = 30;
const PATIENTS = 20_000;

function sizesOf(args: string[]): number[] {
  const at = args.indexOf('--inbox-sizes');
  const raw = at >= 0 ? args[at + 1] : '100000,1000000';
  const sizes = (raw ?? '').split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1000)) throw new Error('--inbox-sizes: integers >= 1000');
  return sizes.sort((a, b) => a - b);
}

async function seedPatients(db: Db): Promise<void> {
  await sql`
    insert into patients (patient_ref, display_name, birth_date, sex, record_numbers, search_terms)
    select 'Patient/bench-' || i, 'Bench Patient ' || i,
           to_char(date '1940-01-01' + (i * 37 % 29000), 'YYYY-MM-DD'),
           case when i % 2 = 0 then 'female' else 'male' end,
           array[(40000000 + i)::text], array['b', 'be', 'ben', 'benc', 'bench', 'p', 'pa', 'patient']
    from generate_series(1, ${PATIENTS}) as i`.execute(db);
}

/**
 * Messages [from, to] in one statement each 100,000: most sent or closed over the past year, a few
 * thousand open over the last five days across every level (1 in 40 of the first 100,000 and 1 in
 * 400 after), some claimed by the bench user, some routed to the nurse queue, Slack alerts for the
 * emergent and urgent ones.
 */
async function seedMessages(db: Db, from: number, to: number, userId: string): Promise<void> {
  for (let start = from; start <= to; start += 100_000) {
    const end = Math.min(to, start + 99_999);
    await sql`
      insert into messages (portal_id, patient_ref, subject, body, language, received_at, ingested_at,
                            updated_at, urgency, category, status, needs_reply, assigned_to, routed_to)
      select 'bench-' || i, 'Patient/bench-' || (i % ${PATIENTS} + 1), 'Question about my care ' || i,
             'Hello, this is message ' || i || E'.\nThank you.', case when i % 8 = 0 then 'es' else 'en' end,
             received, received, received,
             case when r < 1 then 'emergent' when r < 11 then 'urgent' when r < 71 then 'routine'
                  when r < 96 or not open then 'non_clinical' end,
             (array['symptom','medication','results','scheduling','billing','forms_records','portal_technical','other'])[i % 8 + 1],
             case when not open then (case when i % 10 = 0 then 'closed' else 'sent' end)
                  when r >= 96 then 'new' when i % 5 = 0 then 'triaged' else 'ready' end,
             true,
             case when (open and i % 5 = 1) or (not open and i % 3 = 0) then ${userId}::uuid end,
             case when open and r < 11 and i % 7 = 0 then 'nurse' end
      from (
        select i, abs(hashint4(i)) % 100 as r,
               (i <= 100000 and i % 40 = 0) or (i > 100000 and i % 400 = 0) as open
        from generate_series(${start}::int, ${end}::int) as i
      ) as g,
      lateral (select case when open then now() - make_interval(mins => i % 7200)
                           else now() - interval '5 days' - make_interval(mins => i % 525600) end as received) as t`.execute(
      db,
    );
  }
  await sql`
    insert into alerts (message_id, channel, state, posted_at, acked_at, acked_by)
    select id, 'C-BENCH', 'posted', received_at + interval '5 seconds',
           case when status in ('sent', 'closed') then received_at + interval '3 minutes' end,
           case when status in ('sent', 'closed') then ${userId}::uuid end
    from messages where urgency in ('emergent', 'urgent')
    on conflict (message_id) do nothing`.execute(db);
  // What autovacuum does after a bulk load; without it every plan would read a cold, unvacuumed heap.
  await sql`vacuum analyze messages`.execute(db);
  await sql`vacuum analyze alerts`.execute(db);
}

/** Logs in through the login form, as a browser does; returns the session cookie. */
async function login(base: string, email: string, password: string): Promise<string> {
  const page = await fetch(`${base}/login`);
  const cookie = (page.headers.getSetCookie()[0] ?? '').split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
  });
  if (res.status !== 303) throw new Error(`bench login failed: HTTP ${res.status}`);
  return (res.headers.getSetCookie()[0] ?? '').split(';')[0];
}

interface Timings {
  wall: number[];
  handler: number[];
}

/** The fixed cost of any signed-in request (session, user, CSRF token): GET /api/session. */
async function timeSignedIn(base: string, cookie: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const started = performance.now();
    const res = await fetch(`${base}/api/session`, { headers: { cookie } });
    await res.text();
    if (res.status !== 200) throw new Error(`GET /api/session: HTTP ${res.status}`);
    if (i >= WARMUP) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function timePage(base: string, path: string, cookie: string): Promise<Timings> {
  const t: Timings = { wall: [], handler: [] };
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const started = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { cookie, accept: 'text/html' } });
    const body = await res.text();
    const wall = performance.now() - started;
    if (res.status !== 200 || !body.includes('inbox-rows'))
      throw new Error(`GET ${path}: HTTP ${res.status}`);
    if (i < WARMUP) continue;
    t.wall.push(wall);
    t.handler.push(Number(/total;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? NaN));
  }
  t.wall.sort((a, b) => a - b);
  t.handler.sort((a, b) => a - b);
  return t;
}

/** The bare query under the default view: open messages in inbox order, first 50. */
async function timeBaseline(db: Db): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const started = performance.now();
    await db
      .selectFrom('messages')
      .select(['id', 'urgency', 'subject', 'received_at'])
      .where('status', 'in', [...OPEN_STATUSES])
      .orderBy('urgency_rank')
      .orderBy('received_at')
      .orderBy('id')
      .limit(50)
      .execute();
    if (i >= WARMUP) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

const VIEWS: [string, string][] = [
  ['default', '/inbox'],
  ['urgent+unassigned', '/inbox?level=urgent&assignee=unassigned'],
];

export const section: BenchSection = {
  name: 'inbox',
  async run(args: string[]): Promise<BenchLine[]> {
    const sizes = sizesOf(args);
    const redisUrl = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const database = await scratchDatabase();
    const db = createDb(database.url, { applicationName: 'bench-inbox', maxConnections: 8 });
    const redis = createRedisConnection(redisUrl, { connectionName: 'bench-inbox' });
    const prefix = `bench-${randomBytes(5).toString('hex')}`;
    const queues = createQueues(redis, prefix);
    const server = createServer();
    const lines: BenchLine[] = [];
    try {
      await migrateToLatest(db);
      const password = `bench-${randomBytes(8).toString('hex')}`;
      const user = await db
        .insertInto('users')
        .values({
          email: 'bench@clinic.test',
          display_name: 'Bench Staff',
          role: 'staff',
          password_hash: await hashPassword(password),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', QUEUE_PREFIX: prefix });
      const logger = createLogger({ level: 'error', role: 'bench', destination: pino.destination(2) });
      server.on('request', createApp({ config, db, redis, queues, logger }));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const cookie = await login(base, 'bench@clinic.test', password);
      await seedPatients(db);
      let seeded = 0;
      for (const size of sizes) {
        const started = performance.now();
        await seedMessages(db, seeded + 1, size, user.id);
        seeded = size;
        const open = await db
          .selectFrom('messages')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('status', 'in', [...OPEN_STATUSES])
          .executeTakeFirstOrThrow();
        console.log(
          `seeded ${size} messages (${open.n} open) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
        const baseline = await timeBaseline(db);
        const base95 = percentile(baseline, 95);
        const signedIn = await timeSignedIn(base, cookie);
        for (const [name, path] of VIEWS) {
          const t = await timePage(base, path, cookie);
          const at = `${size / 1000}k`;
          lines.push(
            {
              metric: `GET /inbox ${name} @${at} p50`,
              value: percentile(t.wall, 50),
              unit: 'ms',
              baseline: { name: 'bare LIMIT 50 query p50', value: percentile(baseline, 50) },
            },
            {
              metric: `GET /inbox ${name} @${at} p95`,
              value: percentile(t.wall, 95),
              unit: 'ms',
              baseline: { name: 'bare LIMIT 50 query p95', value: base95 },
              target: { max: 50 },
            },
            {
              metric: `GET /inbox ${name} @${at} handler p95 (Server-Timing)`,
              value: percentile(t.handler, 95),
              unit: 'ms',
            },
            {
              metric: `GET /inbox ${name} @${at} p95 vs any signed-in request`,
              value: percentile(t.wall, 95),
              unit: 'ms',
              baseline: { name: 'GET /api/session p95', value: percentile(signedIn, 95) },
            },
          );
        }
      }
      return lines;
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await Promise.all(
        Object.values(queues).map((q) => q.obliterate({ force: true }).catch(() => undefined)),
      );
      await closeQueues(queues);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
      await db.destroy();
      await database.drop();
    }
  },
};
