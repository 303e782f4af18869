import type { Request, RequestHandler, Response } from 'express';
import type { Redis } from 'ioredis';
import { sql } from 'kysely';
import type { Db } from '../db';
import { getPollerHealth } from '../portal/poller-health';

/** One failed poll is a blip the poller retries; this many in a row means the feed is not moving. */
export const POLLER_FAILURES_BEFORE_UNREADY = 3;

/** No poll attempt for this many intervals (at least a minute): no worker is polling at all. */
const POLLER_STALE_INTERVALS = 10;

/** What /readyz needs of the portal client: the cheap CapabilityStatement read. */
export interface PortalProbe {
  capabilities(opts: { signal?: AbortSignal }): Promise<unknown>;
}

/** One dependency's state as /readyz reports it: a fixed word, never an error message or a URL. */
export type CheckState = 'ok' | 'failed' | 'timeout' | 'not_configured' | 'degraded';

export interface ReadinessDeps {
  db: Db;
  redis: Redis;
  /** Absent when PORTAL_FHIR_URL is unset: reported as not_configured, not as a failure. */
  portal?: PortalProbe;
  /** Per check; a dependency slower than this is reported as timeout. */
  timeoutMs: number;
  /** POLL_INTERVAL_MS: how old the poller's last attempt may be before it counts as stopped. */
  pollIntervalMs: number;
  /** Present only when Slack is configured: 'degraded' (still ready) while alert posts are failing. */
  slack?: () => Promise<CheckOutcome>;
}

export interface CheckOutcome {
  state: CheckState;
  detail?: Record<string, string | number | boolean | null>;
}

class CheckTimeout extends Error {}

async function withTimeout<T>(ms: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new CheckTimeout());
    }, ms);
  });
  try {
    return await Promise.race([run(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function check(ms: number, run: (signal: AbortSignal) => Promise<CheckOutcome | void>) {
  try {
    return (await withTimeout(ms, run)) ?? { state: 'ok' as const };
  } catch (err) {
    return { state: err instanceof CheckTimeout ? ('timeout' as const) : ('failed' as const) };
  }
}

/**
 * Runs every check in parallel, each bounded by the timeout, so a hung dependency makes /readyz
 * answer 503 promptly rather than hang the orchestrator's probe.
 */
export async function checkReadiness(
  deps: ReadinessDeps,
): Promise<{ ready: boolean; checks: Record<string, CheckOutcome> }> {
  const ms = deps.timeoutMs;
  const [database, redis, portal, poller] = await Promise.all([
    check(ms, async () => {
      await sql`select 1`.execute(deps.db);
    }),
    check(ms, async () => {
      // ioredis queues commands while reconnecting; a closed or reconnecting client is not ready.
      if (deps.redis.status !== 'ready') throw new Error('redis not connected');
      await deps.redis.ping();
    }),
    deps.portal
      ? check(ms, async (signal) => {
          await deps.portal!.capabilities({ signal });
        })
      : Promise.resolve<CheckOutcome>({ state: 'not_configured' }),
    // The worker writes the poller's health to PostgreSQL, so any web process can report it.
    check(ms, async () => {
      const health = await getPollerHealth(deps.db);
      const staleAfterMs = Math.max(60_000, POLLER_STALE_INTERVALS * deps.pollIntervalMs);
      // Never polled is not a failure: a fresh installation before its first worker starts.
      const stale = !!health.lastAttemptAt && Date.now() - health.lastAttemptAt.getTime() > staleAfterMs;
      const failing = health.consecutiveFailures >= POLLER_FAILURES_BEFORE_UNREADY;
      return {
        state: failing || stale ? 'failed' : 'ok',
        detail: {
          consecutiveFailures: health.consecutiveFailures,
          lastErrorKind: health.lastErrorKind,
          lastAttemptAt: health.lastAttemptAt?.toISOString() ?? null,
          lastSuccessAt: health.lastSuccessAt?.toISOString() ?? null,
          stale,
        },
      };
    }),
  ]);
  const checks: Record<string, CheckOutcome> = { database, redis, portal, poller };
  if (deps.slack) checks.slack = await check(ms, deps.slack);
  // A Slack outage degrades alerts but the inbox still works: it shows, without failing readiness.
  const ready = Object.values(checks).every((c) => ['ok', 'not_configured', 'degraded'].includes(c.state));
  return { ready, checks };
}

/** Liveness: the process is up and its event loop turns. Never touches a dependency. */
export function healthz(): RequestHandler {
  return (_req: Request, res: Response) => {
    res.json({ status: 'ok' });
  };
}

/** Readiness: 200 when every dependency answers, else 503 naming the ones that did not. */
export function readyz(deps: ReadinessDeps): RequestHandler {
  return async (_req: Request, res: Response) => {
    const { ready, checks } = await checkReadiness(deps);
    const failing = Object.entries(checks)
      .filter(([, c]) => c.state === 'failed' || c.state === 'timeout')
      .map(([name]) => name);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', failing, checks });
  };
}
