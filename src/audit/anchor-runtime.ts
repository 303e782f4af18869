/**
 * The worker's (and the demo's) audit anchoring, built from config: its own one-connection pool, so
 * anchoring never waits behind jobs, and the sink AUDIT_ANCHOR_FILE / AUDIT_ANCHOR_URL names.
 */
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import { createDb } from '../db';
import { anchorSinkFromEnv } from './anchor-sinks';
import { startAuditAnchoring } from './anchoring';

export function startAuditAnchoringFromConfig(
  config: AppConfig,
  logger: Logger,
): { stop: () => Promise<void> } | undefined {
  const sink = anchorSinkFromEnv(config.env);
  const databaseUrl = config.env.DATABASE_URL;
  if (!sink || !databaseUrl || config.env.AUDIT_ANCHOR_INTERVAL_MS === 0) {
    logger.warn(
      'audit anchoring is off (set AUDIT_ANCHOR_FILE or AUDIT_ANCHOR_URL): a rewritten audit chain could go unnoticed',
    );
    return undefined;
  }
  const db = createDb(databaseUrl, { applicationName: 'audit-anchor', maxConnections: 1 });
  const running = startAuditAnchoring({
    db,
    sink,
    intervalMs: config.env.AUDIT_ANCHOR_INTERVAL_MS,
    logger: logger.child({ component: 'audit-anchor' }),
  });
  logger.info(
    { sink: sink.describe(), intervalMs: config.env.AUDIT_ANCHOR_INTERVAL_MS },
    'audit anchoring on',
  );
  return {
    stop: async () => {
      await running.stop();
      await db.destroy();
    },
  };
}
