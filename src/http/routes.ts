/**
 * The web process's table of contents. Each feature brings its own router; this file says where it
 * is mounted and what guards it.
 */
import { Router, json, urlencoded, type NextFunction, type Request, type Response } from 'express';
import { can } from '../auth/permissions';
import { ForbiddenError } from './errors';
import { createAuth, requirePermission } from '../auth/routes';
import { messageRoutes } from '../messages/routes';
import { reportRoutes } from '../reports/routes';
import type { Registry } from '../metrics';
import { createQueueBoard } from '../queue';
import type { AppDeps } from './app';
import { healthz, readyz } from './health';
import { requireRedis } from './require-redis';
import { slackReadiness } from '../alerts/health';
import { clinicSettingsRoutes } from '../clinic/routes';
import { inboxRoutes } from '../inbox/routes';
import { staticAssets } from './assets';
import { relaxedStylesForQueueBoard } from './security';
import { portalNotifyHandler } from '../portal/push';

export type RouteDeps = AppDeps & {
  metrics: Registry;
  readinessTimeoutMs: number;
  shutdownSignal: AbortSignal;
};

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
      slack: deps.config.env.SLACK_BOT_TOKEN ? () => slackReadiness(deps.db) : undefined,
    }),
  );
  router.get('/metrics', async (_req: Request, res: Response) => {
    res.type(deps.metrics.contentType).send(await deps.metrics.metrics());
  });

  // Shared stylesheets: no patient data, and the login page uses them before anyone is known.
  router.use('/assets', staticAssets(__dirname));

  // The portal's Subscription notifications: server to server, authenticated by the channel secret
  // (not a session or an API token), so before the person-facing guards. Only when push is set up.
  if (deps.config.portalPush) {
    router.post(
      '/portal/notify',
      requireRedis(deps.redis),
      portalNotifyHandler({
        secret: deps.config.portalPush.secret,
        queues: deps.queues,
        logger: deps.logger,
      }),
    );
  }

  // Everything below may be called by a person: a session cookie or a bearer token says who.
  const auth = createAuth({
    db: deps.db,
    redis: deps.redis,
    logger: deps.logger,
    auth: deps.config.auth,
    appBaseUrl: deps.config.env.APP_BASE_URL,
    redisPrefix: deps.config.env.QUEUE_PREFIX,
  });
  router.use(auth.identify);
  router.use(auth.pages);

  // Job ids and states only (job data is ids); admins only, in every environment, and read-only
  // unless the caller also holds queues.manage.
  const boards = {
    readOnly: createQueueBoard(deps.queues, '/admin/queues', { readOnly: true }),
    manage: createQueueBoard(deps.queues, '/admin/queues', { readOnly: false }),
  };
  router.use(
    '/admin/queues',
    auth.requireLogin,
    requirePermission('queues.admin'),
    auth.requireSameOrigin,
    requireRedis(deps.redis),
    relaxedStylesForQueueBoard(deps.config.env.APP_BASE_URL?.startsWith('https://') ?? false),
    // The board's router answers /admin/queues too, but its client-side routes expect the slash:
    // send the documented address to /admin/queues/ (query kept) so both forms work alike.
    (req: Request, res: Response, next: NextFunction) => {
      const [pathname, query] = req.originalUrl.split(/\?(.*)/s, 2);
      if (req.method === 'GET' && pathname === '/admin/queues') {
        return res.redirect(302, `/admin/queues/${query ? `?${query}` : ''}`);
      }
      next();
    },
    (req: Request, res: Response, next: NextFunction) => {
      if (can(res.locals.principal!.role, 'queues.manage')) return boards.manage(req, res, next);
      if (!['GET', 'HEAD'].includes(req.method)) {
        throw new ForbiddenError('the queue dashboard is read-only for you (queues.manage is needed)');
      }
      next();
    },
    boards.readOnly,
  );

  // JSON API for scripts (bearer API tokens) and the inbox's own pages (session + CSRF token).
  router.use('/api', json({ limit: '200kb' }), auth.apiGate);
  router.use('/api', auth.api);
  router.post('/api/messages/:id/approve', requirePermission('messages.approve'));
  router.post('/api/messages/:id/retry-send', requirePermission('messages.approve'));
  router.use(
    '/api/messages',
    requirePermission('messages.read'),
    messageRoutes({ db: deps.db, queues: deps.queues }),
  );
  router.use(
    '/api/settings',
    clinicSettingsRoutes({ db: deps.db, timeZone: deps.config.env.CLINIC_TIME_ZONE }),
  );

  // Response-time reports (reports.view / reports.export): pages for a browser session; the CSV
  // exports also answer API tokens (scripts, BI tools) and say 401, not a login redirect.
  router.use(
    '/reports',
    reportRoutes({
      db: deps.db,
      logger: deps.logger,
      config: deps.config,
      now: deps.now,
      pageGuard: [auth.requireLogin, ...auth.requireCsrfForPages],
      exportGuard: auth.apiGate,
    }),
  );

  // The staff inbox: pages for a logged-in browser; its forms and scripts carry the CSRF token.
  router.use(
    '/inbox',
    auth.requireLogin,
    requirePermission('messages.read'),
    urlencoded({ extended: false, limit: '100kb' }),
    json({ limit: '100kb' }),
    auth.requireCsrfForPages,
    inboxRoutes({
      db: deps.db,
      redis: deps.redis,
      queues: deps.queues,
      config: deps.config,
      logger: deps.logger,
      now: deps.now,
      shutdownSignal: deps.shutdownSignal,
    }),
  );

  router.get('/', (req: Request, res: Response) => {
    // A browser goes to the inbox (which sends it to /login first when nobody is logged in).
    if (req.accepts(['html', 'json']) === 'html') {
      res.redirect(303, '/inbox');
      return;
    }
    res.json({
      service: 'inbox-draft-assistant',
      endpoints: ['/healthz', '/readyz', '/metrics', '/login', '/inbox', '/api/messages', '/api/tokens'],
    });
  });
  return router;
}
