/**
 * The message page and its actions, mounted at /inbox/messages (behind login, messages.read and the
 * CSRF check, see src/http/routes.ts). Each action names the permission it needs on top.
 *
 *   GET  /:id                 the page (an audit event: message.viewed)
 *   GET  /:id/next, /:id/prev the neighbour in the list's default order (303)
 *   POST /:id/presence        heartbeat of message.js (viewing | replying | gone)
 *   POST /:id/start           messages.edit      reply.started
 *   POST /:id/reply           messages.edit      reply.autosaved
 *   POST /:id/regenerate      messages.edit      draft.regenerated
 *   POST /:id/approve         messages.approve   reply.approved
 *   POST /:id/retry-send      messages.approve   reply.send_retried (a send_failed reply, a new round)
 *   POST /:id/route           messages.edit      message.routed
 *   POST /:id/close           messages.close     message.closed
 *   POST /:id/urgency         messages.change_urgency   message.urgency_changed
 *   POST /:id/feedback        messages.edit      draft.feedback
 *   POST /:id/claim, /release messages.edit      message.claimed / message.released
 *   POST /:id/acknowledge     alerts.acknowledge alert.acknowledged
 */
import { Router } from 'express';
import { requirePermission } from '../../auth/permissions';
import type { InboxDeps } from '../routes';
import {
  runAcknowledge,
  runApprove,
  runClaim,
  runClose,
  runFeedback,
  runRegenerate,
  runRelease,
  runRetrySend,
  runRoute,
  runSave,
  runStart,
  runUrgency,
} from './action-handlers';
import { messageDeps } from './deps';
import { action, neighbourHandler, pageErrors, presenceHandler, viewHandler } from './handlers';

export function messagePageRoutes(inbox: InboxDeps, options: { promptsDir?: string } = {}): Router {
  const deps = messageDeps(inbox, options);
  const router = Router();
  const edit = requirePermission('messages.edit');
  router.get('/:id', viewHandler(deps));
  router.get('/:id/next', neighbourHandler(deps, 'next'));
  router.get('/:id/prev', neighbourHandler(deps, 'prev'));
  router.post('/:id/presence', presenceHandler(deps));
  router.post('/:id/start', edit, action(deps, 'start', runStart(deps)));
  router.post('/:id/reply', edit, action(deps, 'reply', runSave(deps)));
  router.post('/:id/regenerate', edit, action(deps, 'regenerate', runRegenerate(deps)));
  router.post('/:id/approve', requirePermission('messages.approve'), action(deps, 'reply', runApprove(deps)));
  router.post(
    '/:id/retry-send',
    requirePermission('messages.approve'),
    action(deps, 'retry', runRetrySend(deps)),
  );
  router.post('/:id/route', edit, action(deps, 'route', runRoute(deps)));
  router.post('/:id/close', requirePermission('messages.close'), action(deps, 'close', runClose(deps)));
  router.post(
    '/:id/urgency',
    requirePermission('messages.change_urgency'),
    action(deps, 'urgency', runUrgency(deps)),
  );
  router.post('/:id/feedback', edit, action(deps, 'feedback', runFeedback(deps)));
  router.post('/:id/claim', edit, action(deps, 'claim', runClaim(deps)));
  router.post('/:id/release', edit, action(deps, 'release', runRelease(deps)));
  router.post(
    '/:id/acknowledge',
    requirePermission('alerts.acknowledge'),
    action(deps, 'acknowledge', runAcknowledge(deps)),
  );
  router.use(pageErrors(deps));
  return router;
}
