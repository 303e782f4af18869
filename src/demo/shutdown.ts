/**
 * The demo's shutdown: its steps run in reverse order of start-up, each bounded in time and each run
 * whatever happened to the ones before, so a step that hangs or fails (the worker closing against a
 * redis-server that died) never keeps the later ones (stopping PostgreSQL) from running.
 */
export interface ShutdownStep {
  name: string;
  run: () => Promise<unknown>;
  /** Read when the step starts, so it can depend on what is still running by then. */
  timeoutMs: () => number;
}

export interface ShutdownOutcome {
  /** Steps that failed or ran out of time, by name. */
  unclean: string[];
}

class StepTimeout extends Error {}

async function bounded(step: ShutdownStep): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepTimeout()), step.timeoutMs());
  });
  try {
    await Promise.race([step.run(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function runShutdown(
  steps: ShutdownStep[],
  onProblem: (name: string, problem: 'timeout' | 'failed') => void,
): Promise<ShutdownOutcome> {
  const unclean: string[] = [];
  for (const step of [...steps].reverse()) {
    try {
      await bounded(step);
    } catch (err) {
      unclean.push(step.name);
      onProblem(step.name, err instanceof StepTimeout ? 'timeout' : 'failed');
    }
  }
  return { unclean };
}
