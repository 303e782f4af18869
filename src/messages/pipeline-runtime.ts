/**
 * Builds the worker role from settings: database, Redis, queues, portal client, processors with
 * their concurrency, and the repeatable poll. src/worker.ts, the demo and the tests all start the
 * pipeline through here, so what they run is the same thing.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { LlmSettings } from '../config';
import { createDb, type Db } from '../db';
import { DEFAULT_PROMPTS_DIR, loadPrompts } from '../drafting';
import { createChatModel } from '../llm/chat-model';
import { createFhirClient } from '../portal/fhir-client';
import { processPollJob, schedulePolling } from '../portal/poll.queue';
import { DEFAULT_CURSOR } from '../portal/poller';
import { processSendJob } from '../portal/send.queue';
import { closeQueues, createQueues, createRedisConnection, type Queues } from '../queue';
import { startWorkers, type RunningWorkers } from '../queue/workers';
import { processDraftJob } from './draft.queue';
import type { PipelineDeps } from './pipeline-deps';
import type { SmartAuthOptions } from '../portal/smart-auth';
import { processTriageJob } from './triage.queue';
import { processAlertJob, processEscalateJob, createSlackClient, type AlertSettings } from '../alerts';
import { enqueueAlertSync, enqueueSendFailedNotice } from '../alerts/escalation';
import { startMaintenance } from './maintenance';
import { ensurePortalSubscription, type PortalPushSettings } from '../portal/push';
import { reconcileOnce } from './reconcile';
import { defaultAlertSettings } from '../alerts/settings';

export interface PipelineSettings {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  portalFhirUrl: string;
  pollIntervalMs: number;
  llm: LlmSettings;
  logger: Logger;
  /** Per portal request; a hung portal costs at most this (times the client's retries). */
  portalTimeoutMs?: number;
  portalRetries?: number;
  /** Concurrency per queue; the defaults suit one worker process on a small machine. */
  concurrency?: Partial<Record<'triage' | 'draft' | 'send', number>>;
  /** See StartWorkersOptions: how soon a killed worker's jobs run again. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  promptsDir?: string;
  /** SMART Backend Services for every portal call (polling, chart reads, sending replies). */
  portalAuth?: SmartAuthOptions;
  /** The clinic's IANA time zone (CLINIC_TIME_ZONE). */
  timeZone?: string;
  /** Slack alerts (alertSettingsFromEnv); absent: alerts are recorded as not_configured. */
  alerts?: AlertSettings;
  /** How often the poll schedule is re-asserted and the reconciler runs; default the poll interval. */
  maintenanceIntervalMs?: number;
  /** Push intake: subscribe to the portal's notifications when it supports them (polling stays). */
  portalPush?: PortalPushSettings;
}

export interface RunningPipeline {
  db: Db;
  queues: Queues;
  workers: RunningWorkers;
  /** Graceful: stop taking jobs, finish those in flight, then close Redis and PostgreSQL. */
  close: () => Promise<void>;
}

const DEFAULT_LOCK_MS = 8000;
const DEFAULT_STALLED_CHECK_MS = 2000;

/** How long each shutdown step may take before the next one goes ahead without it. */
const CLOSE_GRACE_MS = 15_000;

/** True when `work` settled within `ms` (whatever its outcome); false when it is still going. */
async function within(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const settled = work.then(
    () => true,
    () => true,
  );
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([settled, late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function startPipeline(s: PipelineSettings): Promise<RunningPipeline> {
  // Settings that can be wrong are read before any connection opens, so a bad one leaks nothing.
  const prompts = loadPrompts(s.promptsDir ?? DEFAULT_PROMPTS_DIR);
  const model = createChatModel(s.llm);
  const db = createDb(s.databaseUrl, {
    applicationName: 'worker',
    onIdleConnectionError: (err) => s.logger.warn({ errorKind: err.name }, 'idle database connection lost'),
  });
  const connection: Redis = createRedisConnection(s.redisUrl, { connectionName: 'worker' });
  connection.on('error', (err: Error) => s.logger.warn({ errorKind: err.name }, 'redis connection error'));
  const queues = createQueues(connection, s.queuePrefix);
  const timeoutMs = s.portalTimeoutMs ?? 10_000;
  const portal = createFhirClient({
    baseUrl: s.portalFhirUrl,
    timeoutMs,
    // Reads retry each request: a portal failing half its requests still gives a chart (8+ reads).
    retries: s.portalRetries ?? 4,
    auth: s.portalAuth,
  });
  // Triage reads the chart with less patience: an alert must not wait long on a slow portal.
  const triageTimeoutMs = Math.min(timeoutMs, 3000);
  const triagePortal = createFhirClient({
    baseUrl: s.portalFhirUrl,
    timeoutMs: triageTimeoutMs,
    retries: 1,
    auth: s.portalAuth,
  });
  const deps: PipelineDeps = {
    db,
    queues,
    logger: s.logger,
    chart: portal,
    triageChart: triagePortal,
    model,
    modelName: s.llm.model,
    prompts,
    timeZone: s.timeZone,
    nurseAlerts: !!s.alerts?.slack,
  };
  const alertSettings = s.alerts ?? defaultAlertSettings();
  const alertDeps = {
    db,
    queues,
    logger: s.logger,
    settings: alertSettings,
    slack: alertSettings.slack
      ? createSlackClient(alertSettings.slack, alertSettings.slack.timeoutMs)
      : undefined,
    chart: triagePortal,
    timeZone: s.timeZone ?? 'America/Chicago',
  };
  const c = s.concurrency ?? {};
  const workers = startWorkers({
    connection,
    prefix: s.queuePrefix,
    logger: s.logger,
    // A killed worker's jobs run again within about lock + check (BullMQ's defaults, 30 s + 30 s,
    // would hold an emergency's alert for a minute); locks are renewed at half the duration.
    lockDurationMs: s.lockDurationMs ?? DEFAULT_LOCK_MS,
    stalledIntervalMs: s.stalledIntervalMs ?? DEFAULT_STALLED_CHECK_MS,
    processors: {
      // One poll at a time per process; overlapping polls across processes are harmless anyway.
      poll: { processor: processPollJob({ db, queues, portal, logger: s.logger }), concurrency: 1 },
      triage: { processor: processTriageJob(deps), concurrency: c.triage ?? 8 },
      draft: { processor: processDraftJob(deps), concurrency: c.draft ?? 4 },
      send: {
        // An urgent message's Slack alert shows "replied" as soon as the reply is out.
        processor: processSendJob({
          db,
          portal,
          logger: s.logger,
          onSent: (id) => enqueueAlertSync(queues, id),
          onFailed: (failure) => enqueueSendFailedNotice(queues, failure.messageId, failure.round),
        }),
        concurrency: c.send ?? 4,
      },
      alert: { processor: processAlertJob(alertDeps), concurrency: 4 },
      escalate: { processor: processEscalateJob(alertDeps), concurrency: 2 },
    },
  });
  const assertSchedule = () => schedulePolling(queues, s.pollIntervalMs, DEFAULT_CURSOR);
  // Subscribing is retried by maintenance until the portal has answered once (subscribed, already
  // subscribed, or push not offered); until then, and always after, polling keeps intake going.
  let pushSettled = !s.portalPush;
  const assertSubscription = async () => {
    if (pushSettled || !s.portalPush) return;
    const outcome = await ensurePortalSubscription(portal, s.portalPush);
    pushSettled = true;
    s.logger.info({ outcome }, 'portal push subscription');
  };
  const maintenance = startMaintenance({
    intervalMs: s.maintenanceIntervalMs ?? s.pollIntervalMs,
    logger: s.logger,
    tasks: [
      { name: 'poll_schedule', run: assertSchedule },
      { name: 'portal_subscription', run: assertSubscription },
      {
        name: 'reconcile',
        run: () =>
          reconcileOnce({
            db,
            queues,
            logger: s.logger,
            onSendFailed: (f) => enqueueSendFailedNotice(queues, f.messageId, f.round),
          }),
      },
    ],
  });
  // After a reconnect the Redis may be a new, empty one: put the schedule back at once.
  const onReady = () => void assertSchedule().catch(() => undefined);
  connection.on('ready', onReady);
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      connection.off('ready', onReady);
      await maintenance.stop();
      // Graceful first (jobs in flight finish); a dead Redis must not hang the shutdown for ever.
      if (!(await within(CLOSE_GRACE_MS, workers.close()))) await within(CLOSE_GRACE_MS, workers.close(true));
      await within(CLOSE_GRACE_MS, closeQueues(queues));
      if (!(await within(CLOSE_GRACE_MS, connection.quit()))) connection.disconnect();
      await db.destroy();
    })());
  try {
    await assertSchedule();
  } catch (err) {
    await close();
    throw err;
  }
  // Not awaited: a portal that is slow or down at start must not hold the worker back.
  void assertSubscription().catch((err: unknown) =>
    s.logger.warn({ err: { type: (err as Error)?.name } }, 'portal push subscription failed; retrying'),
  );
  return { db, queues, workers, close };
}
