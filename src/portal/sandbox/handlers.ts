import type { Request, Response } from 'express';
import { isSandboxResourceType, type SandboxResourceType } from '../fhir-types';
import { badRequest, FhirServerError, notFound } from './outcome';
import { parseSearch, runSearch, searchBundle } from './search';
import type { SandboxContext } from './context';
import { StoreFullError } from './store';
import { notifySubscribers } from './subscriptions';
import { validateResource } from './validation';

/** Thin FHIR handlers: parse the request, call the store or search, answer in FHIR JSON. */
const FHIR_JSON = 'application/fhir+json';

function resourceType(req: Request): SandboxResourceType {
  const type = String(req.params.type);
  if (!isSandboxResourceType(type)) throw notFound('this server does not serve that resource type');
  return type;
}

function requestParams(req: Request): URLSearchParams {
  const params = new URL(req.originalUrl, 'http://sandbox.invalid').searchParams;
  // POST _search carries its parameters as a form body.
  if (req.method === 'POST' && req.body && typeof req.body === 'object') {
    for (const [k, v] of Object.entries(req.body as Record<string, unknown>)) {
      for (const value of Array.isArray(v) ? v : [v]) if (typeof value === 'string') params.append(k, value);
    }
  }
  return params;
}

export function fhirBase(ctx: SandboxContext, req: Request): string {
  return ctx.publicBaseUrl ?? `${req.protocol}://${req.get('host')}/fhir/R4`;
}

export function readResource(ctx: SandboxContext) {
  return (req: Request, res: Response): void => {
    const type = resourceType(req);
    const resource = ctx.store.read(type, String(req.params.id));
    if (!resource) throw notFound(`${type}/${String(req.params.id).slice(0, 64)} is not known`);
    res.type(FHIR_JSON).set('ETag', `W/"${resource.meta?.versionId}"`).json(resource);
  };
}

export function searchResources(ctx: SandboxContext) {
  return (req: Request, res: Response): void => {
    const type = resourceType(req);
    const spec = parseSearch(type, requestParams(req));
    res.type(FHIR_JSON).json(searchBundle(fhirBase(ctx, req), spec, runSearch(ctx.store, spec)));
  };
}

/**
 * Create, or with If-None-Exist a conditional create: the search and the insert happen in the same
 * synchronous turn, so two concurrent identical requests cannot both create.
 */
export function createResource(ctx: SandboxContext) {
  return (req: Request, res: Response): void => {
    const type = resourceType(req);
    if (!req.is(['application/fhir+json', 'application/json'])) {
      throw new FhirServerError(415, 'not-supported', 'send the resource as application/fhir+json');
    }
    const issues = validateResource(type, req.body, ctx.store);
    if (issues.length > 0) {
      const text = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
      throw badRequest(`invalid ${type}: ${text}`);
    }
    const condition = req.get('if-none-exist');
    if (condition !== undefined) {
      const spec = parseSearch(type, new URLSearchParams(condition.replace(/^.*\?/, '')));
      if (spec.filters.length === 0) throw badRequest('If-None-Exist needs at least one search criterion');
      const existing = runSearch(ctx.store, { ...spec, count: 2 });
      if (existing.total > 1) {
        throw new FhirServerError(412, 'duplicate', 'If-None-Exist matches more than one resource');
      }
      if (existing.total === 1) {
        const found = existing.matches[0];
        res
          .status(200)
          .type(FHIR_JSON)
          .set('Location', locationOf(ctx, req, found))
          .json(found);
        return;
      }
    }
    let created;
    try {
      created = ctx.store.create(req.body);
    } catch (err) {
      if (err instanceof StoreFullError)
        throw new FhirServerError(507, 'too-costly', 'the sandbox store is full');
      throw err;
    }
    res
      .status(201)
      .type(FHIR_JSON)
      .set('Location', locationOf(ctx, req, created))
      .set('ETag', 'W/"1"')
      .json(created);
    notifySubscribers(ctx, created);
  };
}

function locationOf(
  ctx: SandboxContext,
  req: Request,
  r: { resourceType: string; id?: string; meta?: { versionId?: string } },
) {
  return `${fhirBase(ctx, req)}/${r.resourceType}/${r.id}/_history/${r.meta?.versionId ?? '1'}`;
}
