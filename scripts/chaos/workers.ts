/**
 * Worker processes exactly as deployed (`npm run worker`: node --import tsx src/worker.ts), configured
 * only through the environment src/config reads. Each logs to its own file in the run's temp dir.
 */
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/demo/services';
import { gone, killNow, spawnTracked, stopGently } from './cleanup';
import { waitFor } from './wait';

export interface WorkerEnv {
  DATABASE_URL: string;
  REDIS_URL: string;
  PORTAL_FHIR_URL: string;
  POLL_INTERVAL_MS: string;
  QUEUE_PREFIX: string;
  SLACK_API_URL: string;
  SLACK_BOT_TOKEN: string;
  OPENAI_BASE_URL?: string;
  OPENAI_API_KEY?: string;
}

export interface WorkerSet {
  count: number;
  /** SIGKILL one worker: no shutdown, jobs in flight left locked. */
  kill9: (index: number) => Promise<void>;
  start: (index: number) => Promise<void>;
  alive: () => number;
  /** Workers that exited without being killed or stopped by the run (a crash). */
  crashes: () => number;
  stopAll: () => Promise<void>;
}

export async function startWorkers(options: {
  count: number;
  env: WorkerEnv;
  logDir: string;
  label: string;
}): Promise<WorkerSet> {
  const children: (ChildProcess | undefined)[] = [];
  const logs: WriteStream[] = [];
  const meantToEnd = new Set<ChildProcess>();
  let crashes = 0;
  const start = async (index: number) => {
    logs[index] ??= createWriteStream(path.join(options.logDir, `${options.label}-worker-${index + 1}.log`), {
      flags: 'a',
    });
    const log = logs[index];
    let started = false;
    const child = spawnTracked(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
      cwd: projectRoot(),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        LOG_LEVEL: 'info',
        WORKER_METRICS_PORT: '0',
        SLACK_URGENT_CHANNEL: 'CURGENT',
        SLACK_ESCALATION_CHANNEL: 'CESCALATE',
        // Reminders are not what is measured; keep them out of the Slack counts.
        ALERT_ESCALATE_EMERGENT_MIN: '120',
        ALERT_ESCALATE_URGENT_MIN: '120',
        LLM_MODEL: 'chaos-fake-model',
        LLM_MAX_RETRIES: '0',
        LLM_TIMEOUT_MS: '5000',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      if (!started && chunk.toString('utf8').includes('"worker started"')) started = true;
      log.write(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => log.write(chunk));
    children[index] = child;
    child.once('exit', () => {
      if (!meantToEnd.has(child)) crashes += 1;
    });
    await waitFor(
      `worker ${index + 1}`,
      () => {
        if (gone(child)) throw new Error(`worker ${index + 1} exited at start (see ${options.logDir})`);
        return started;
      },
      90_000,
    );
  };
  // One at a time: three tsx compilations at once on two cores only slow each other down.
  for (let i = 0; i < options.count; i++) await start(i);
  return {
    count: options.count,
    kill9: async (index) => {
      const child = children[index];
      if (child) {
        meantToEnd.add(child);
        await killNow(child);
      }
    },
    start,
    alive: () => children.filter((c) => c && !gone(c)).length,
    crashes: () => crashes,
    stopAll: async () => {
      for (const c of children) if (c) meantToEnd.add(c);
      await Promise.all(children.map((c) => (c ? stopGently(c, 10_000) : undefined)));
      for (const log of logs) log?.end();
    },
  };
}
