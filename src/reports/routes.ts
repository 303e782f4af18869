/**
 * The reports feature, as mounted at /reports:
 *   GET /reports/assets/*               the page's stylesheet (no patient data)
 *   GET /reports/export/messages.csv    one row per message            (reports.export; session or API token)
 *   GET /reports/export/summary.csv     aggregate rows per bucket       (reports.export; session or API token)
 *   GET /reports                        the report page                 (reports.view; browser session)
 *   GET /reports/messages               drill-down: messages behind a figure, audited (reports.view)
 * Query parameters: from, to (YYYY-MM-DD, local), by (day|week|month), tz, urgency, category,
 * language, staff; the page adds group, the drill-down its own conditions (see ./query.ts).
 */
import { Router, type RequestHandler } from 'express';
import { requirePermission } from '../auth/permissions';
import { staticAssets } from '../http/assets';
import { drilldownHandler, exportHandler, reportPageHandler, type ReportHandlerDeps } from './handlers';

export interface ReportDeps extends ReportHandlerDeps {
  /** Pages: a logged-in browser (redirect to /login otherwise), never an API token. */
  pageGuard: RequestHandler[];
  /** Exports: a session or a bearer API token; 401 with a Bearer challenge otherwise. */
  exportGuard: RequestHandler[];
}

export function reportRoutes(deps: ReportDeps): Router {
  const router = Router();
  router.use('/assets', staticAssets(__dirname));
  const exports = [...deps.exportGuard, requirePermission('reports.export')];
  router.get('/export/messages.csv', ...exports, exportHandler(deps, 'messages'));
  router.get('/export/summary.csv', ...exports, exportHandler(deps, 'summary'));
  const pages = [...deps.pageGuard, requirePermission('reports.view')];
  router.get('/', ...pages, reportPageHandler(deps));
  router.get('/messages', ...pages, drilldownHandler(deps));
  return router;
}
