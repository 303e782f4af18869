import { Router, json, type Request, type Response } from 'express';
import { isSandboxResourceType } from '../fhir-types';
import type { SandboxContext } from './context';
import { FaultSettingsSchema } from './faults';
import { badRequest } from './outcome';
import { notifySubscribers } from './subscriptions';
import { nestsDeeperThan } from './validation';

/**
 * Test controls, not part of FHIR: fault switches, and a raw insert that skips validation so
 * tests can plant malformed resources (no payload, unknown patient) the way a buggy portal would.
 */
export function adminRoutes(ctx: SandboxContext): Router {
  const router = Router();
  router.use(json({ limit: '1mb', type: ['application/json', 'application/fhir+json'] }));
  router.get('/faults', (_req: Request, res: Response) => {
    res.json(ctx.faults.settings);
  });
  router.post('/faults', (req: Request, res: Response) => {
    const parsed = FaultSettingsSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      throw badRequest(
        `fault settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    ctx.faults.settings = parsed.data;
    res.json(ctx.faults.settings);
  });
  router.post('/resources', (req: Request, res: Response) => {
    const body = req.body as { resourceType?: unknown } | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.resourceType !== 'string') {
      throw badRequest('body must be a JSON object with a resourceType');
    }
    if (!isSandboxResourceType(body.resourceType))
      throw badRequest('this server does not serve that resource type');
    if (nestsDeeperThan(body)) throw badRequest('resource nests too deeply');
    const stored = ctx.store.put(req.body);
    res.status(201).json(stored);
    notifySubscribers(ctx, stored);
  });
  return router;
}
