/**
 * The burst: --burst messages (10,000 by default), 1% of them emergencies, posted to the sandbox
 * concurrently while every worker runs. Judged on emergent time-to-alert (p95 ≤ 10 s) and on the
 * time until the last message is ready (drain), besides nothing lost or duplicated.
 */
import { sql } from 'kysely';
import type { Scenario } from './runner';

const CONCURRENT_POSTS = 32;
const EMERGENT_SHARE = 0.01;

export const burstScenario: Scenario = {
  name: 'burst',
  title: 'a burst of messages, 1% emergent, posted concurrently',
  trickle: false,
  settleMs: 40 * 60_000,
  fault: async (ctx) => {
    const count = ctx.services.options.burst;
    const started = Date.now();
    ctx.memo.set('burstStart', String(started));
    await ctx.stage.traffic.burst(count, EMERGENT_SHARE, CONCURRENT_POSTS);
    ctx.notes.push(`posting ${count} messages took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return started;
  },
  after: async (ctx) => {
    const started = Number(ctx.memo.get('burstStart'));
    const last = await ctx.stage.db
      .selectFrom('messages')
      .select(sql<Date>`max(updated_at)`.as('at'))
      .executeTakeFirstOrThrow();
    const lastIngest = await ctx.stage.db
      .selectFrom('messages')
      .select(sql<Date>`max(ingested_at)`.as('at'))
      .executeTakeFirstOrThrow();
    const lastAlert = await ctx.stage.db
      .selectFrom('alerts')
      .select(sql<Date>`max(posted_at)`.as('at'))
      .executeTakeFirstOrThrow();
    const seconds = (d: Date | null) => (d ? ((new Date(d).getTime() - started) / 1000).toFixed(1) : '?');
    ctx.memo.set('drainSeconds', seconds(last.at));
    ctx.notes.push(
      `from the first post: last message taken in at ${seconds(lastIngest.at)} s, last alert posted at ` +
        `${seconds(lastAlert.at)} s, last message ready (drain) at ${seconds(last.at)} s`,
    );
  },
};
