/**
 * `npm run demo`: everything in one process, no API key needed. PostgreSQL and Redis come from
 * DATABASE_URL / REDIS_URL or are started locally; then migrations, the sandbox portal seeded with
 * the synthetic clinic, demo users, the worker and the web app. Prints the URLs and logins, one per
 * line (see DESIGN.md "Outside interfaces"); logs go to stderr so stdout stays readable.
 * npm runs it as `node --import tsx`, not through the tsx CLI: that wrapper SIGKILLs a child slow to
 * acknowledge SIGTERM (a loaded machine), which would orphan the PostgreSQL and Redis started here.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pino from 'pino';
import { startAuditAnchoringFromConfig } from '../audit/anchor-runtime';
import { loadConfig } from '../config';
import { createDb } from '../db';
import { runMigrate } from '../db/migrate-cli';
import { buildWebDeps } from '../http/deps';
import { startWebServer } from '../http/server';
import { createLogger } from '../logging/logger';
import { alertSettingsFromEnv } from '../alerts/settings';
import { startPipeline } from '../messages/pipeline-runtime';
import { createJobMetrics, createMetricsRegistry, instrumentWorkers } from '../metrics';
import { createFhirClient } from '../portal/fhir-client';
import { ensurePortalSubscription } from '../portal/push';
import { startSeededSandbox } from '../portal/sandbox';
import { generateClinic } from '../portal/sandbox/synthetic';
import { startDemoMessages } from './messages';
import { DemoSetupError, ensurePostgres, ensureRedis, projectRoot, type LocalService } from './services';
import { runShutdown, type ShutdownStep } from './shutdown';
import { formatLogins, seedDemoUsers } from './users';

const CLINIC_SEED = 1;
const CLINIC_PATIENTS = 300;
/** Messages already waiting in the portal when the demo starts, so the inbox has work at once. */
const WAITING_MESSAGES = 25;

/** Per shutdown step; shorter once a service it talks to has died, since it can only wait in vain. */
const STEP_TIMEOUT_MS = { worker: 15_000, web: 7_000, other: 5_000, postgres: 25_000 } as const;
const AFTER_SERVICE_DIED_MS = 3000;

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = { LOG_LEVEL: 'warn', ...process.env };
  const config = loadConfig(env);
  const logger = createLogger({
    level: config.env.LOG_LEVEL,
    role: 'demo',
    destination: pino.destination(2),
  });
  // Shutdown runs these in reverse order of start-up, each bounded (see ./shutdown).
  const steps: ShutdownStep[] = [];
  const died: string[] = [];
  let stopping = false;
  const step = (name: string, run: () => Promise<unknown>, timeoutMs: number = STEP_TIMEOUT_MS.other) =>
    steps.push({
      name,
      run,
      timeoutMs: () => (died.length > 0 ? Math.min(timeoutMs, AFTER_SERVICE_DIED_MS) : timeoutMs),
    });
  // A service the demo started dying on its own: say so at once; Ctrl-C still stops the rest.
  const watch = (name: string, service: LocalService) =>
    void service.exited?.then((how) => {
      if (stopping) return;
      died.push(name);
      logger.error(
        { service: name, how },
        `the demo's ${name} stopped unexpectedly; press Ctrl-C to stop the demo`,
      );
    });
  const stopAll = () =>
    runShutdown(steps, (name, problem) =>
      logger.warn({ step: name, problem }, 'demo shutdown step did not finish'),
    );

  try {
    const dataDir = path.resolve(config.env.DEMO_DATA_DIR ?? path.join(projectRoot(), '.data', 'postgres'));
    const postgres = await ensurePostgres(
      config.env.DATABASE_URL,
      (line) => logger.debug({ postgres: line }),
      dataDir,
    );
    steps.push({ name: 'postgres', run: postgres.stop, timeoutMs: () => STEP_TIMEOUT_MS.postgres });
    watch('PostgreSQL', postgres);
    const redis = await ensureRedis(config.env.REDIS_URL);
    step('redis', redis.stop);
    watch('redis-server', redis);

    // As `npm run migrate` does: migrations as the owner, web and worker as the app role. The embedded
    // cluster has both; a given DATABASE_URL is the app role when DATABASE_OWNER_URL is also given.
    const ownerUrl = postgres.appUrl ? postgres.url : config.env.DATABASE_OWNER_URL;
    const appUrl = postgres.appUrl ?? postgres.url;
    const setup = await runMigrate({
      NODE_ENV: config.env.NODE_ENV,
      DATABASE_URL: appUrl,
      DATABASE_OWNER_URL: ownerUrl,
    });
    for (const warning of setup.warnings) logger.warn(warning);
    const db = createDb(appUrl, { applicationName: 'demo-setup', maxConnections: 2 });
    step('setup database pool', () => db.destroy());
    const logins = await seedDemoUsers(db);

    const sandbox = await startSeededSandbox({
      seed: CLINIC_SEED,
      patients: CLINIC_PATIENTS,
      messages: WAITING_MESSAGES,
      port: 0,
    });
    step('sandbox', () => sandbox.close());

    const runtime = loadConfig({
      // The embedded cluster's audit chain is anchored beside it, unless a sink is configured.
      ...(postgres.started && !env.AUDIT_ANCHOR_FILE && !env.AUDIT_ANCHOR_URL
        ? { AUDIT_ANCHOR_FILE: `${dataDir}.anchors.jsonl`, AUDIT_ANCHOR_INTERVAL_MS: '60000' }
        : {}),
      ...env,
      DATABASE_URL: appUrl,
      REDIS_URL: redis.url,
      PORTAL_FHIR_URL: sandbox.fhirBaseUrl,
    });
    const metrics = createMetricsRegistry({ role: 'demo' });
    const pipeline = await startPipeline({
      databaseUrl: appUrl,
      redisUrl: redis.url,
      portalFhirUrl: sandbox.fhirBaseUrl,
      queuePrefix: runtime.env.QUEUE_PREFIX,
      pollIntervalMs: runtime.env.POLL_INTERVAL_MS,
      llm: runtime.llm,
      timeZone: runtime.env.CLINIC_TIME_ZONE,
      alerts: alertSettingsFromEnv(runtime.env),
      logger: logger.child({ component: 'worker' }),
    });
    step('worker', () => pipeline.close(), STEP_TIMEOUT_MS.worker);
    const anchoring = startAuditAnchoringFromConfig(runtime, logger.child({ component: 'worker' }));
    if (anchoring) step('audit anchoring', anchoring.stop);
    instrumentWorkers(pipeline.workers.workers, createJobMetrics(metrics));

    // Push intake, as a clinic whose portal offers it would run: new messages arrive at once, not at
    // the next poll. The secret is new each run; the endpoint is known once the web port is.
    const pushSecret = randomBytes(32).toString('hex');
    const web = buildWebDeps(
      { ...runtime, portalPush: { endpoint: '(set once listening)', secret: pushSecret } },
      logger.child({ component: 'web' }),
    );
    step('web connections', web.close);
    // Loopback only: the demo's bull-board and sandbox controls are for this machine, not the network.
    const server = await startWebServer({ ...web.deps, metrics }, runtime.env.PORT, '127.0.0.1').catch(
      (err: unknown) => {
        if ((err as { code?: string }).code !== 'EADDRINUSE') throw err;
        throw new DemoSetupError(
          `port ${runtime.env.PORT} is in use: set PORT to another one (0 = any free port)`,
        );
      },
    );
    step('web server', () => server.close(5000), STEP_TIMEOUT_MS.web);
    await ensurePortalSubscription(createFhirClient({ baseUrl: sandbox.fhirBaseUrl, retries: 0 }), {
      endpoint: `http://127.0.0.1:${server.port}/portal/notify`,
      secret: pushSecret,
    });

    const messages = startDemoMessages({
      clinic: generateClinic({ seed: CLINIC_SEED, patients: CLINIC_PATIENTS }),
      portal: createFhirClient({ baseUrl: sandbox.fhirBaseUrl, retries: 0 }),
      intervalMs: runtime.env.DEMO_MESSAGE_INTERVAL_MS,
      logger,
    });
    step('demo messages', async () => messages.stop());

    const inbox = runtime.env.APP_BASE_URL ?? `http://127.0.0.1:${server.port}/`;
    const lines = [`Inbox: ${inbox}`, `Sandbox FHIR: ${sandbox.fhirBaseUrl}`, ...formatLogins(logins)];
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (err) {
    stopping = true;
    await stopAll();
    throw err;
  }

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'demo stopping');
    void stopAll().then(({ unclean }) => {
      if (unclean.length === 0) process.exit(0);
      const why = died.length > 0 ? ` (${died.join(' and ')} had already stopped)` : '';
      console.error(`demo stopped; not cleanly: ${unclean.join(', ')}${why}`);
      process.exit(1);
    });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`demo failed to start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
