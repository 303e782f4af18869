import { Router, json, urlencoded, type Request, type Response } from 'express';
import { adminRoutes } from './admin';
import { capabilityStatement, smartConfiguration } from './capability';
import type { SandboxContext } from './context';
import { faultMiddleware } from './faults';
import { createResource, readResource, searchResources } from './handlers';
import { FhirServerError } from './outcome';
import { requireBearer, tokenHandler } from './smart';
import { createSubscription, readSubscription, searchSubscriptions } from './subscriptions';

/** The sandbox portal's table of contents. */
export function sandboxRoutes(ctx: SandboxContext): Router {
  const router = Router();
  const fhirJson = json({ limit: '1mb', type: ['application/json', 'application/fhir+json'] });
  const form = urlencoded({ extended: false, limit: '64kb', parameterLimit: 100 });
  const auth = ctx.smart ? [requireBearer(ctx.smart)] : [];

  const fhir = Router();
  fhir.use(faultMiddleware(ctx.faults));
  fhir.get('/metadata', capabilityStatement(ctx));
  fhir.get('/.well-known/smart-configuration', smartConfiguration(ctx));
  // Subscriptions live beside the store (they are not clinic data), before the generic routes.
  fhir.post('/Subscription', ...auth, fhirJson, createSubscription(ctx));
  fhir.get('/Subscription', ...auth, searchSubscriptions(ctx));
  fhir.get('/Subscription/:id', ...auth, readSubscription(ctx));
  fhir.get('/:type', ...auth, searchResources(ctx));
  fhir.post('/:type/_search', ...auth, form, searchResources(ctx));
  fhir.get('/:type/:id', ...auth, readResource(ctx));
  fhir.post('/:type', ...auth, fhirJson, createResource(ctx));
  fhir.all(['/:type', '/:type/:id'], (_req: Request, _res: Response) => {
    throw new FhirServerError(405, 'not-supported', 'this server supports read, search and create');
  });
  router.use('/fhir/R4', fhir);

  if (ctx.smart) router.post('/oauth2/token', form, tokenHandler(ctx.smart));
  if (ctx.adminEnabled) router.use('/_admin', adminRoutes(ctx));
  return router;
}
