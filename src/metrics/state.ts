import { sql } from 'kysely';
import { Gauge, type Registry } from 'prom-client';
import type { Db } from '../db';
import type { Logger } from '../logging/logger';
import { getPollerHealth, type PollerHealth } from '../portal/poller-health';
import { QUEUE_NAMES, queueDepths, type QueueName, type Queues } from '../queue';

export interface StateMetricsDeps {
  db: Db;
  queues: Queues;
  logger: Logger;
  /** Bound on each source per scrape, so an outage cannot hang Prometheus; default 3 s. */
  timeoutMs?: number;
}

interface Snapshot {
  depths?: Record<QueueName, number>;
  failed?: Record<QueueName, number>;
  messages?: { status: string; urgency: string; n: number }[];
  poller?: PollerHealth;
}

function bounded<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('metrics source timed out')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function readQueues(queues: Queues) {
  const [depths, failedCounts] = await Promise.all([
    queueDepths(queues),
    Promise.all(QUEUE_NAMES.map((name) => queues[name].getFailedCount())),
  ]);
  const failed = Object.fromEntries(QUEUE_NAMES.map((name, i) => [name, failedCounts[i]]));
  return { depths, failed: failed as Record<QueueName, number> };
}

async function readDatabase(db: Db) {
  const urgency = sql<string>`coalesce(urgency, 'untriaged')`;
  const [messages, poller] = await Promise.all([
    db
      .selectFrom('messages')
      .select(['status', urgency.as('urgency')])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy(['status', urgency])
      .execute(),
    getPollerHealth(db),
  ]);
  return { messages, poller };
}

/**
 * Gauges read from the system of record at scrape time, so any web process answers the same numbers
 * and nothing is kept in memory between scrapes. prom-client asks every metric at once; they share
 * one read per scrape. A source that cannot be read is marked down (the scrape still succeeds)
 * rather than served stale as if current.
 */
export function registerStateMetrics(registry: Registry, deps: StateMetricsDeps): void {
  const ms = deps.timeoutMs ?? 3000;
  let pending: Promise<Snapshot & { up: { redis: boolean; database: boolean } }> | undefined;
  const snapshot = () => {
    pending ??= Promise.all([
      bounded(readQueues(deps.queues), ms).catch((err: unknown) => {
        deps.logger.warn({ err: { type: (err as Error)?.name } }, 'metrics: Redis unavailable');
        return undefined;
      }),
      bounded(readDatabase(deps.db), ms).catch((err: unknown) => {
        deps.logger.warn({ err: { type: (err as Error)?.name } }, 'metrics: database unavailable');
        return undefined;
      }),
    ])
      .then(([q, d]) => ({ ...q, ...d, up: { redis: !!q, database: !!d } }))
      // The next scrape reads afresh; this one's metrics all resolve from the same read.
      .finally(() => setImmediate(() => (pending = undefined)));
    return pending;
  };

  const gauge = <L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    fill: (g: Gauge<L>, s: Awaited<ReturnType<typeof snapshot>>) => void,
  ) =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const s = await snapshot();
        this.reset();
        fill(this, s);
      },
    });

  gauge(
    'inbox_metrics_source_up',
    'Whether this scrape could read the source (1) or not (0)',
    ['source'],
    (g, s) => {
      g.set({ source: 'redis' }, s.up.redis ? 1 : 0);
      g.set({ source: 'database' }, s.up.database ? 1 : 0);
    },
  );
  gauge('inbox_queue_depth', 'Jobs waiting, delayed or running, per queue', ['queue'], (g, s) => {
    if (s.depths) for (const q of QUEUE_NAMES) g.set({ queue: q }, s.depths[q]);
  });
  gauge('inbox_queue_failed_jobs', 'Jobs out of retries, waiting for an operator', ['queue'], (g, s) => {
    if (s.failed) for (const q of QUEUE_NAMES) g.set({ queue: q }, s.failed[q]);
  });
  gauge(
    'inbox_messages',
    'Messages by status and urgency (untriaged before triage)',
    ['status', 'urgency'],
    (g, s) => {
      for (const row of s.messages ?? []) g.set({ status: row.status, urgency: row.urgency }, Number(row.n));
    },
  );
  const poller = (name: string, help: string, value: (p: PollerHealth) => number) =>
    gauge(name, help, [], (g, s) => {
      if (s.poller) g.set(value(s.poller));
    });
  poller(
    'inbox_poller_consecutive_failures',
    'Portal polls failed in a row (0 after a success)',
    (p) => p.consecutiveFailures,
  );
  poller(
    'inbox_poller_last_success_timestamp_seconds',
    'Unix time of the last successful portal poll (0 if none yet)',
    (p) => (p.lastSuccessAt ? p.lastSuccessAt.getTime() / 1000 : 0),
  );
  poller(
    'inbox_poller_ingested_messages',
    'Messages ingested from the portal, all time',
    (p) => p.ingestedTotal,
  );
  poller(
    'inbox_poller_unreadable_messages',
    'Unreadable portal messages stored as inbox items for staff, all time',
    (p) => p.unreadableTotal,
  );
}
