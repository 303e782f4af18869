/**
 * The web process's table of contents. Each feature brings its own router; this file says where it
 * is mounted and what guards it.
 */
import { Router, json, type Request, type Response } from 'express';
import { requireApiToken } from '../auth/api-tokens';
import { messageRoutes } from '../messages/routes';
import type { Registry } from '../metrics';
import { createQueueBoard } from '../queue';
import type { AppDeps } from './app';
import { healthz, readyz } from './health';

export type RouteDeps = AppDeps & { metrics: Registry; readinessTimeoutMs: number };

export function appRoutes(deps: RouteDeps): Router {
  const router = Router();

  // Operations: unauthenticated, and holding no patient data (counts by fixed labels only).
  router.get('/healthz', healthz());
  router.get(
    '/readyz',
    readyz({
      db: deps.db,
      redis: deps.redis,
      portal: deps.portal,
      timeoutMs: deps.readinessTimeoutMs,
      pollIntervalMs: deps.config.env.POLL_INTERVAL_MS,
    }),
  );
  router.get('/metrics', async (_req: Request, res: Response) => {
    res.type(deps.metrics.contentType).send(await deps.metrics.metrics());
  });

  // Job ids and states only (job data is ids). Admin-only once browser sessions exist; until then
  // it is simply absent in production.
  if (deps.config.env.NODE_ENV !== 'production') {
    router.use('/admin/queues', createQueueBoard(deps.queues, '/admin/queues'));
  }

  // JSON API for scripts and, later, the inbox: bearer API tokens with the owner's role.
  router.use('/api', json({ limit: '200kb' }), requireApiToken(deps.db));
  router.use('/api/messages', messageRoutes({ db: deps.db, queues: deps.queues }));

  router.get('/', (_req: Request, res: Response) => {
    res.json({
      service: 'inbox-draft-assistant',
      endpoints: ['/healthz', '/readyz', '/metrics', '/api/messages'],
    });
  });
  return router;
}
