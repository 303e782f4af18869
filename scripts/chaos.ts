/**
 * `npm run chaos`: the pipeline against real processes, each scenario causing one fault — poison
 * input, kill -9 of a worker, Redis flushed or killed and restarted empty, PostgreSQL crash-restarted,
 * portal, Slack and model outages, and a burst — and printing, per scenario: posted, final states,
 * lost, duplicated, time to resume, emergent time-to-alert. Everything it starts is private to the run
 * (its own PostgreSQL cluster and redis-server on free ports, its own sandbox portal and workers) and
 * stopped on exit, Ctrl-C included. Exits 1 when any scenario lost or duplicated anything.
 *
 * Usage: npm run chaos -- [--only burst,redis-flush] [--burst 10000] [--workers 3] [--poll-ms 1000]
 */
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { cleanupNow, installCleanupHandlers, makeTempDir } from './chaos/cleanup';
import { parseOptions } from './chaos/options';
import { startPrivatePostgres } from './chaos/postgres';
import { startChaosRedis } from './chaos/redis';
import { report } from './chaos/report';
import { runScenario, type ScenarioResult } from './chaos/runner';
import { SCENARIOS } from './chaos/scenarios';

async function main(args: string[]): Promise<number> {
  const options = parseOptions(
    args,
    SCENARIOS.map((s) => s.name),
  );
  installCleanupHandlers();
  const chosen = SCENARIOS.filter((s) => options.only.length === 0 || options.only.includes(s.name));
  const logDir = makeTempDir('chaos-logs-');
  const started = Date.now();
  console.log(
    `chaos: ${chosen.length} scenarios, ${options.workers} workers, poll every ${options.pollMs} ms` +
      (chosen.some((s) => s.name === 'burst') ? `, burst of ${options.burst}` : ''),
  );
  const pg = await startPrivatePostgres();
  const redis = await startChaosRedis();
  console.log(`chaos: private PostgreSQL on port ${pg.port}, Redis at ${redis.url}`);
  const services = { pg, redis, logDir, options };
  const results: ScenarioResult[] = [];
  try {
    for (const [i, scenario] of chosen.entries()) {
      process.stdout.write(`chaos: ${scenario.name}: ${scenario.title} … `);
      const result = await runScenario(scenario, i + 1, services);
      results.push(result);
      const m = result.measurement;
      console.log(
        result.error
          ? `error (${result.error})`
          : `lost ${m!.lost}, duplicated ${m!.duplicated} (${result.seconds.toFixed(0)} s)`,
      );
    }
  } finally {
    if (options.logs) {
      mkdirSync(options.logs, { recursive: true });
      cpSync(logDir, path.resolve(options.logs), { recursive: true });
    }
  }
  const verdict = report(results, options.pollMs, options.workers);
  console.log(`\n${verdict.text}`);
  console.log(`\nchaos: done in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  return verdict.failedHard ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    cleanupNow();
    process.exit(code);
  },
  (err: unknown) => {
    console.error(`chaos failed: ${err instanceof Error ? err.message : String(err)}`);
    cleanupNow();
    process.exit(2);
  },
);
