/**
 * The worker's own timer, independent of Redis remembering anything: every interval it re-asserts
 * the poll schedule (a Redis flush or a restart without data forgets it) and runs the reconciler.
 * Ticks never overlap; a failing task is logged and tried again next tick.
 */
import type { Logger } from 'pino';
import { errorKind } from './pipeline-deps';

export interface MaintenanceTask {
  name: string;
  run: () => Promise<unknown>;
}

export interface Maintenance {
  /** Runs every task now (after the tick in progress, if any). */
  runNow: () => Promise<void>;
  /** No further ticks; waits a little for the one in progress (it may be stuck on a dead Redis). */
  stop: () => Promise<void>;
}

const STOP_WAIT_MS = 5000;

export function startMaintenance(options: {
  intervalMs: number;
  logger: Logger;
  tasks: MaintenanceTask[];
}): Maintenance {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    for (const task of options.tasks) {
      if (stopped) return;
      try {
        await task.run();
      } catch (err) {
        options.logger.warn(
          { task: task.name, errorKind: errorKind(err) },
          'maintenance task failed; next tick retries',
        );
      }
    }
  };
  const runNow = () => (running = running.then(tick));
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void runNow().then(schedule);
    }, options.intervalMs);
    timer.unref();
  };
  schedule();
  return {
    runNow,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await Promise.race([running, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
    },
  };
}
