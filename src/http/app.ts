import express, { type Express } from 'express';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config';
import type { Db } from '../db';
import type { Logger } from '../logging/logger';
import { createMetricsRegistry, registerStateMetrics, type Registry } from '../metrics';
import type { Queues } from '../queue';
import { slackEventsRouter } from '../alerts/routes';
import { errorHandler, notFoundHandler } from './error-handler';
import type { PortalProbe } from './health';
import { requestContext } from './request-context';
import { appRoutes } from './routes';
import { securityHeaders } from './security';

export interface AppDeps {
  config: AppConfig;
  db: Db;
  redis: Redis;
  queues: Queues;
  logger: Logger;
  /** The client /readyz probes; absent when no portal is configured. */
  portal?: PortalProbe;
  /**
   * The registry /metrics serves. Pass one to share it with an in-process worker (the demo);
   * otherwise the app makes its own. Either way it is never prom-client's global registry.
   */
  metrics?: Registry;
  /** Per dependency check in /readyz; default 2 s. */
  readinessTimeoutMs?: number;
  /** The clock pages read (waiting times, SLA clocks); tests pass a fixed one. Default: real time. */
  now?: () => Date;
}

/** The web process's express app, without listen(): tests drive it with supertest. */
export function createApp(deps: AppDeps): Express {
  const metrics = deps.metrics ?? createMetricsRegistry({ role: 'web' });
  registerStateMetrics(metrics, { db: deps.db, queues: deps.queues, logger: deps.logger });

  const app = express();
  app.disable('x-powered-by');
  // How many proxies in front set X-Forwarded-For: req.ip (limits, audit) is then the client's address,
  // and a client cannot forge one where no proxy is configured (0: the header is ignored).
  app.set('trust proxy', deps.config.env.TRUST_PROXY);
  // Long-lived responses (the inbox's event streams) end when this fires, so a shutdown need not
  // wait out its grace period for browsers that would never hang up on their own.
  const shutdown = new AbortController();
  app.locals.beginShutdown = () => shutdown.abort();
  app.use(requestContext(deps.logger));
  app.use(securityHeaders({ https: deps.config.env.APP_BASE_URL?.startsWith('https://') ?? false }));
  // Slack signs the raw body: its router goes before every body parser (appRoutes has them).
  const slack = slackEventsRouter(deps);
  if (slack) app.use(slack);
  app.use(
    appRoutes({
      ...deps,
      metrics,
      readinessTimeoutMs: deps.readinessTimeoutMs ?? 2000,
      shutdownSignal: shutdown.signal,
    }),
  );
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

/** Ends the app's long-lived responses; startWebServer's close() calls it before closing the server. */
export function beginShutdown(app: Express): void {
  (app.locals.beginShutdown as (() => void) | undefined)?.();
}
