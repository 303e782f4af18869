/** The web process: parse config, build dependencies, listen; on SIGTERM finish requests and exit. */
import { loadConfig } from './config';
import { buildWebDeps } from './http/deps';
import { startWebServer } from './http/server';
import { createLogger } from './logging/logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.env.LOG_LEVEL, role: 'web' });
  const { deps, close } = buildWebDeps(config, logger);
  const web = await startWebServer(deps, config.env.PORT);
  logger.info({ port: web.port }, 'web listening');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'web stopping');
    web
      .close()
      .then(close)
      .then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err: { type: (err as Error)?.name } }, 'web stopped uncleanly');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`web failed to start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
