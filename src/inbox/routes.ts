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

export interface InboxDeps {
  db: Db;
  redis: Redis;
  queues: Queues;
  config: AppConfig;
  logger: Logger;
}

export function inboxRoutes(_deps: InboxDeps): Router {
  const router = Router();
  router.use('/assets', staticAssets(__dirname));
  return router;
}
