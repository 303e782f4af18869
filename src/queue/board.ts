import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Router } from 'express';
import type { Queues } from './queues';

/**
 * bull-board's UI for operators. Its job views show ids only, because job data holds ids only, and
 * failure reasons are redacted before BullMQ stores them (./redact-failure). Read-only unless the
 * caller may manage queues (retry, remove, promote, pause): see src/http/routes.ts.
 */
export function createQueueBoard(
  queues: Queues,
  basePath = '/admin/queues',
  options: { readOnly?: boolean } = {},
): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: Object.values(queues).map(
      (q) => new BullMQAdapter(q, { readOnlyMode: options.readOnly ?? true }),
    ),
    serverAdapter,
  });
  return serverAdapter.getRouter() as Router;
}
