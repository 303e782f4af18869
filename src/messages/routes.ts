/** The messages API, mounted at /api/messages behind API-token authentication. */
import { Router } from 'express';
import {
  approveMessageHandler,
  getMessageHandler,
  listMessagesHandler,
  retrySendHandler,
  type MessageHandlerDeps,
} from './handlers';

export function messageRoutes(deps: MessageHandlerDeps): Router {
  const router = Router();
  router.get('/', listMessagesHandler(deps));
  router.get('/:id', getMessageHandler(deps));
  router.post('/:id/approve', approveMessageHandler(deps));
  router.post('/:id/retry-send', retrySendHandler(deps));
  return router;
}
