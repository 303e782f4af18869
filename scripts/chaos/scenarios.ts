/**
 * The scenarios, in the order they run. Each causes one fault against real processes while patients
 * write in and a nurse approves replies; the runner measures the outcome.
 */
import { sql } from 'kysely';
import { retrySend } from '../../src/messages/retry-send';
import { burstScenario } from './burst';
import type { Scenario, ScenarioContext } from './runner';
import { MODEL_ANSWER } from './stage';
import { plantPoison } from './traffic';
import { sleep } from './wait';

const OUTAGE_MS = 5000;

/** Holds a fault for `ms` while the traffic flows, then lifts it; returns when it was lifted. */
async function holdFor(ms: number, lift: () => Promise<void> | void): Promise<number> {
  await sleep(ms);
  await lift();
  return Date.now();
}

async function flagged(ctx: ScenarioContext, portalId: string) {
  return ctx.stage.db
    .selectFrom('messages')
    .select(['status', 'urgency', 'flags'])
    .where('portal_id', '=', portalId)
    .executeTakeFirst();
}

const baseline: Scenario = {
  name: 'baseline',
  title: 'no fault',
  fault: async () => Date.now(),
};

const poison: Scenario = {
  name: 'poison',
  title: 'NUL, lone surrogates, 3 unreadable resources, a 200k-char message ending in a red flag',
  fault: async (ctx) => {
    const { bigId } = await plantPoison(ctx.stage.traffic, ctx.stage.sandbox.patientIds[0]);
    ctx.memo.set('bigPortalId', bigId);
    return Date.now();
  },
  after: async (ctx) => {
    const big = await flagged(ctx, ctx.memo.get('bigPortalId') ?? '');
    ctx.notes.push(
      `200k-char message: ${big ? `${big.status}, ${big.urgency}, flags ${big.flags.join('+') || 'none'}` : 'NOT STORED'}`,
    );
    const rows = await ctx.stage.db
      .selectFrom('messages')
      .select([
        sql<number>`count(*) filter (where 'unreadable' = any(flags))`.as('unreadable'),
        sql<number>`count(*) filter (where 'text_normalised' = any(flags))`.as('normalised'),
      ])
      .executeTakeFirstOrThrow();
    ctx.notes.push(`unreadable items in the inbox: ${rows.unreadable}; text normalised: ${rows.normalised}`);
  },
};

const workerKill: Scenario = {
  name: 'worker-kill',
  title: 'kill -9 of one worker mid-flow, restarted 5 s later',
  fault: async (ctx) => {
    await ctx.stage.workers.kill9(0);
    await sleep(OUTAGE_MS);
    await ctx.stage.workers.start(0);
    return Date.now();
  },
};

const redisFlush: Scenario = {
  name: 'redis-flush',
  title: 'Redis FLUSHALL mid-flow',
  fault: async (ctx) => {
    await ctx.services.redis.flushAll();
    return Date.now();
  },
};

const redisKill: Scenario = {
  name: 'redis-kill',
  title: 'Redis kill -9, down 5 s, restarted empty',
  fault: async (ctx) => {
    await ctx.services.redis.kill();
    await sleep(OUTAGE_MS);
    await ctx.services.redis.restart();
    return Date.now();
  },
};

const postgresRestart: Scenario = {
  name: 'pg-restart',
  title: 'PostgreSQL stop -m immediate, down 5 s, started again',
  fault: async (ctx) => {
    ctx.services.pg.crash();
    await sleep(OUTAGE_MS);
    ctx.services.pg.start();
    return Date.now();
  },
};

const portalOutage: Scenario = {
  name: 'portal-outage',
  title: 'portal API failing every request (errorRate 1) for 10 s',
  fault: async (ctx) => {
    await ctx.stage.sandbox.setFaults({ errorRate: 1, errorStatus: 500 });
    return holdFor(10_000, () => ctx.stage.sandbox.setFaults({}));
  },
};

const portalFlaky: Scenario = {
  name: 'portal-flaky',
  title: 'portal API failing 50% of requests for 20 s',
  fault: async (ctx) => {
    await ctx.stage.sandbox.setFaults({ errorRate: 0.5, errorStatus: 500 });
    return holdFor(20_000, () => ctx.stage.sandbox.setFaults({}));
  },
  after: async (ctx) => {
    const drafts = await ctx.stage.db.selectFrom('drafts').select('flags').execute();
    const chartless = drafts.filter((d) => d.flags.some((f) => f.startsWith('chart_missing'))).length;
    ctx.notes.push(`drafts without chart facts: ${chartless} of ${drafts.length}`);
  },
};

const replyRefused: Scenario = {
  name: 'reply-refused',
  title: 'portal refusing every reply (POST 422) for 12 s, then a person retries each',
  expectsSendFailed: true,
  fault: async (ctx) => {
    await ctx.stage.sandbox.setFaults({ methods: ['POST'], errorRate: 1, errorStatus: 422 });
    return holdFor(12_000, () => ctx.stage.sandbox.setFaults({}));
  },
  after: async (ctx) => {
    const failed = await ctx.stage.db
      .selectFrom('messages')
      .select('id')
      .where('status', '=', 'send_failed')
      .execute();
    for (const m of failed)
      await retrySend(ctx.stage.db, ctx.stage.queues, { messageId: m.id, userId: ctx.stage.nurseId });
    const notices = ctx.stage.slack.messages.filter((m) => /could not be sent/.test(String(m.text))).length;
    ctx.notes.push(`send_failed: ${failed.length} (retried by a person; Slack notices: ${notices})`);
  },
};

const slackOutage: Scenario = {
  name: 'slack-outage',
  title: 'fake Slack answering 500 to every call for 15 s',
  fault: async (ctx) => {
    ctx.stage.slack.faults.fail500 = Infinity;
    return holdFor(15_000, () => {
      ctx.stage.slack.faults.fail500 = 0;
    });
  },
  after: async (ctx) => {
    const refused = ctx.stage.slack.calls.filter((c) => c.status === 500).length;
    const alerts = await ctx.stage.db.selectFrom('alerts').select('state').execute();
    const posted = alerts.filter((a) => a.state === 'posted').length;
    ctx.notes.push(
      `Slack calls refused during the outage: ${refused}; alerts posted: ${posted}/${alerts.length}`,
    );
  },
};

const modelOutage: Scenario = {
  name: 'model-outage',
  title: 'fake OpenAI-compatible model answering 500 for 15 s',
  withModel: true,
  fault: async (ctx) => {
    ctx.stage.model!.setDefault({ status: 500, message: 'chaos: model down' });
    return holdFor(15_000, () => ctx.stage.model!.setDefault(MODEL_ANSWER));
  },
  after: async (ctx) => {
    const drafts = await ctx.stage.db.selectFrom('drafts').select(['source', 'flags']).execute();
    const count = (values: string[]) => {
      const out = new Map<string, number>();
      for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
      return [...out].map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
    };
    const modelFlags = drafts.flatMap((d) =>
      d.flags.map((f) => f.split(':')[0]).filter((code) => code.startsWith('model_')),
    );
    ctx.notes.push(
      `model requests: ${ctx.stage.model!.requests.length}; drafts by source: ${count(drafts.map((d) => d.source))}; ` +
        `model flags on drafts: ${count(modelFlags)}`,
    );
  },
};

export const SCENARIOS: Scenario[] = [
  baseline,
  poison,
  workerKill,
  redisFlush,
  redisKill,
  postgresRestart,
  portalOutage,
  portalFlaky,
  replyRefused,
  slackOutage,
  modelOutage,
  burstScenario,
];
