/**
 * The worker role: parse the configuration, start the pipeline (poll, triage, draft, send), and on
 * SIGTERM/SIGINT stop taking jobs, let the ones in flight finish, and close connections.
 */
import { startAuditAnchoringFromConfig } from './audit/anchor-runtime';
import { loadConfig } from './config';
import { createLogger } from './logging/logger';
import { alertSettingsFromEnv } from './alerts/settings';
import { startPipeline } from './messages/pipeline-runtime';
import { loadSmartAuth } from './portal/portal-auth';
import { shippedCatalogue } from './triage/protocols';
import { createJobMetrics, createMetricsRegistry, instrumentWorkers, startMetricsServer } from './metrics';

function required(name: string, value: string | undefined): string {
  if (!value) throw new Error(`${name} is not set; the worker needs it`);
  return value;
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.env.LOG_LEVEL, role: 'worker' });
  // A protocol file that does not validate stops the worker here, naming the file, not mid-triage.
  const protocols = shippedCatalogue();
  logger.info({ protocols: protocols.protocols.length }, 'triage protocols loaded');
  const pipeline = await startPipeline({
    databaseUrl: required('DATABASE_URL', config.env.DATABASE_URL),
    redisUrl: required('REDIS_URL', config.env.REDIS_URL),
    portalFhirUrl: required('PORTAL_FHIR_URL', config.env.PORTAL_FHIR_URL),
    queuePrefix: config.env.QUEUE_PREFIX,
    pollIntervalMs: config.env.POLL_INTERVAL_MS,
    llm: config.llm,
    timeZone: config.env.CLINIC_TIME_ZONE,
    alerts: alertSettingsFromEnv(config.env),
    portalAuth: config.portalSmart ? loadSmartAuth(config.portalSmart) : undefined,
    portalPush: config.portalPush,
    logger,
  });
  const anchoring = startAuditAnchoringFromConfig(config, logger);
  // Job timings are measured here, where jobs run; Prometheus scrapes this listener.
  const registry = createMetricsRegistry({ role: 'worker' });
  instrumentWorkers(pipeline.workers.workers, createJobMetrics(registry));
  const metricsServer =
    config.env.WORKER_METRICS_PORT > 0
      ? await startMetricsServer(registry, config.env.WORKER_METRICS_PORT)
      : null;
  logger.info(
    { pollIntervalMs: config.env.POLL_INTERVAL_MS, metricsPort: metricsServer?.port ?? null },
    'worker started',
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker stopping: finishing jobs in flight');
    Promise.all([pipeline.close(), metricsServer?.close(), anchoring?.stop()]).then(
      () => {
        logger.info('worker stopped');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ errorKind: (err as Error)?.name }, 'worker did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`worker failed to start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
