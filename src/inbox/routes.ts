/**
 * The staff web inbox, mounted at /inbox behind a logged-in session (pages) and the CSRF check
 * (every form and script POST). Every route names the permission it needs.
 */
import { Router } from 'express';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config';
import type { Db } from '../db';
import { staticAssets } from '../http/assets';
import type { Logger } from '../logging/logger';
import type { Queues } from '../queue';
import { listDepsOf, liveHubOptionsOf } from './list/deps';
import { listRoutes } from './list/routes';
import { createLiveHub } from './live/hub';
import { liveRoutes } from './live/routes';
import { createStreamGuard } from './live/stream-guard';
import { messagePageRoutes } from './message/routes';

export interface InboxDeps {
  db: Db;
  redis: Redis;
  queues: Queues;
  config: AppConfig;
  logger: Logger;
  /** The clock of waiting times and SLA clocks; tests fix it. Default: real time. */
  now?: () => Date;
  /** Fires when the web process shuts down: open event streams end instead of holding it up. */
  shutdownSignal?: AbortSignal;
}

export function inboxRoutes(deps: InboxDeps): Router {
  const router = Router();
  router.use('/assets', staticAssets(__dirname));
  // One message: the page, its actions (each with its own permission) and the presence heartbeat.
  router.use('/messages', messagePageRoutes(deps));
  // The list, its live rows and patient search (messages.read, which the /inbox mount requires).
  router.use(listRoutes(listDepsOf(deps)));
  // Server-Sent Events for list and message pages: one ticker per app, started by the first client.
  const guard = createStreamGuard({
    ...liveHubOptionsOf(deps),
    maxPerSession: deps.config.env.LIVE_STREAMS_PER_SESSION,
    checkIntervalMs: deps.config.env.LIVE_SESSION_CHECK_MS,
    sessionMaxMs: deps.config.auth.sessionMaxMs,
  });
  router.use(liveRoutes(createLiveHub(liveHubOptionsOf(deps)), guard, deps.shutdownSignal));
  return router;
}
