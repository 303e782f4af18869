/**
 * The clinic's settings, mounted at /api/settings (session with CSRF, or a bearer token):
 *   GET /api/settings          the business calendar and SLA targets in force (defaults included)
 *   PUT /api/settings/:key     business_calendar | sla_targets; validated, stored, audited
 * Both need settings.manage (managers and admins).
 */
import { Router } from 'express';
import { requirePermission } from '../auth/permissions';
import { getSettingsHandler, putSettingHandler, type SettingsHandlerDeps } from './handlers';

export function clinicSettingsRoutes(deps: SettingsHandlerDeps): Router {
  const router = Router();
  router.get('/', requirePermission('settings.manage'), getSettingsHandler(deps));
  router.put('/:key', requirePermission('settings.manage'), putSettingHandler(deps));
  return router;
}
