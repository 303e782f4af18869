/**
 * The shape every scenario shares: open a fresh stage, let patients write in and a nurse approve
 * replies, cause the fault mid-flow, note when it ended, keep the traffic going a little, wait until
 * everything reached its end state (or a deadline), then measure and tear the stage down.
 */
import { loadavg } from 'node:os';
import { Approver } from './approver';
import { measure, outstanding, type Measurement } from './measure';
import { openStage, type RunServices, type Stage } from './stage';
import { sleep, waitUpTo } from './wait';

export interface ScenarioContext {
  stage: Stage;
  services: RunServices;
  approver: Approver;
  /** Lines printed under the table for this scenario (what it checked beyond the columns). */
  notes: string[];
  /** What a scenario's fault step wants its `after` step to know (e.g. a portal id). */
  memo: Map<string, string>;
}

export interface Scenario {
  name: string;
  title: string;
  withModel?: boolean;
  /** Traffic and approvals around the fault; off for the burst, which is its own traffic. */
  trickle?: boolean;
  /** Send failures are the fault itself here: they are retried by `after`, not counted lost before. */
  expectsSendFailed?: boolean;
  /** How long everything may take to settle after the traffic stops. */
  settleMs?: number;
  /** Causes the fault while traffic flows; resolves with the time (epoch ms) the fault ended. */
  fault: (ctx: ScenarioContext) => Promise<number>;
  /** After settling: extra steps and checks (a person's retry, flags on poison), adding notes. */
  after?: (ctx: ScenarioContext) => Promise<void>;
}

export interface ScenarioResult {
  scenario: Scenario;
  measurement?: Measurement;
  notes: string[];
  error?: string;
  seconds: number;
}

const TRICKLE_EVERY_MS = 250;
const WARMUP_MS = 4000;
const AFTER_FAULT_MS = 5000;
const DEFAULT_SETTLE_MS = 150_000;

const PROGRESS_EVERY_MS = 60_000;

export async function settle(stage: Stage, approver: Approver, ms: number, allowSendFailed = false) {
  let lastProgress = Date.now();
  return waitUpTo(
    async () => {
      try {
        const left = await outstanding(stage, { allowSendFailed });
        if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
          // A long drain (the burst) shows it is moving; stderr, so the table stays clean.
          lastProgress = Date.now();
          const states = await stage.db
            .selectFrom('messages')
            .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
            .groupBy('status')
            .execute();
          process.stderr.write(`\n  … ${states.map((r) => `${r.status} ${r.n}`).join(', ')} `);
        }
        return Object.keys(left).length === 0 && (await approver.waiting()).length === 0;
      } catch {
        return false; // the database may still be coming back
      }
    },
    ms,
    1000,
  );
}

export async function runScenario(
  scenario: Scenario,
  index: number,
  services: RunServices,
): Promise<ScenarioResult> {
  const started = Date.now();
  const loadAtStart = loadavg()[0];
  const notes: string[] = [];
  let stage: Stage | undefined;
  try {
    stage = await openStage(services, index, scenario.name, scenario.withModel);
    const approver = new Approver(stage);
    const ctx: ScenarioContext = { stage, services, approver, notes, memo: new Map() };
    const trickle = scenario.trickle ?? true;
    if (trickle) {
      approver.start();
      stage.traffic.startTrickle(TRICKLE_EVERY_MS);
      await sleep(WARMUP_MS);
    }
    const faultEndedAt = await scenario.fault(ctx);
    if (trickle) {
      // A message right at the fault's end times the resumption; the trickle goes on for a while.
      await stage.traffic.postOne();
      await sleep(AFTER_FAULT_MS);
      await stage.traffic.stop();
    }
    const settleMs = scenario.settleMs ?? DEFAULT_SETTLE_MS;
    let settled = await settle(stage, approver, settleMs, scenario.expectsSendFailed);
    if (scenario.after) {
      await scenario.after(ctx);
      settled = await settle(stage, approver, settleMs);
    }
    if (!settled) notes.push(`did not settle within ${settleMs / 1000} s (see lost)`);
    await approver.stop();
    if (approver.errors > 0)
      notes.push(`${approver.errors} approvals refused or failed during the fault (retried)`);
    if (stage.traffic.failedPosts > 0) notes.push(`${stage.traffic.failedPosts} posts refused by the portal`);
    const measurement = await measure(stage, faultEndedAt);
    measurement.workerCrashes = stage.workers.crashes();
    // The machine is shared: the load says how much of a slow figure may be someone else's work.
    notes.push(`load average (1 min) at start/end: ${loadAtStart.toFixed(1)} / ${loadavg()[0].toFixed(1)}`);
    return { scenario, measurement, notes, seconds: (Date.now() - started) / 1000 };
  } catch (err) {
    return {
      scenario,
      notes,
      error: err instanceof Error ? err.message : String(err),
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await stage?.close().catch(() => undefined);
  }
}
