/**
 * FHIR R4 Subscriptions in the sandbox, rest-hook channel only: a client registers an endpoint (and
 * the headers to send, e.g. a shared secret), and each new resource matching the criteria makes the
 * sandbox POST to that endpoint. As in R4, without `channel.payload` the POST has no body: a bare
 * "something changed" that carries no patient data, after which the client searches as usual.
 * Delivery is best-effort, once, never retried: real portals lose notifications too, which is why
 * the client keeps polling.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { FhirResource } from '../fhir-types';
import type { SandboxContext } from './context';
import { badRequest, notFound } from './outcome';
import { parseSearch, runSearch } from './search';
import { createFhirStore } from './store';

const FHIR_JSON = 'application/fhir+json';
const DELIVERY_TIMEOUT_MS = 5000;
const MAX_SUBSCRIPTIONS = 100;

const SubscriptionShape = z.object({
  resourceType: z.literal('Subscription'),
  status: z.enum(['requested', 'active']),
  reason: z.string().min(1).max(1000),
  criteria: z
    .string()
    .max(2000)
    .regex(/^[A-Z][A-Za-z]+(\?.*)?$/, 'criteria must be a search like Communication?param=value'),
  channel: z.object({
    type: z.literal('rest-hook'),
    endpoint: z.url({ protocol: /^https?$/ }),
    payload: z.string().max(100).optional(),
    // "Name: value" lines, as R4's channel.header.
    header: z
      .array(
        z
          .string()
          .max(4096)
          .regex(/^[A-Za-z0-9-]+:\s?[^\r\n]*$/, 'header must be "Name: value"'),
      )
      .max(10)
      .optional(),
  }),
});
type SubscriptionInput = z.output<typeof SubscriptionShape>;

export interface SandboxSubscription {
  resource: FhirResource & SubscriptionInput & { id: string };
  /** Notifications the endpoint answered with 2xx, and those that failed or were dropped. */
  delivered: number;
  failed: number;
}

export interface SubscriptionState {
  list: SandboxSubscription[];
  nextId: number;
  /** Deliveries still in flight (close() and tests may wait for them). */
  inFlight: Set<Promise<void>>;
}

export function createSubscriptionState(): SubscriptionState {
  return { list: [], nextId: 1, inFlight: new Set() };
}

/** As handlers.ts's fhirBase (not imported: handlers calls notifySubscribers, no import cycle). */
function fhirBase(ctx: SandboxContext, req: Request): string {
  return ctx.publicBaseUrl ?? `${req.protocol}://${req.get('host')}/fhir/R4`;
}

/** As served back: header names only, never their values (they hold the channel's secret). */
function shown(subscription: SandboxSubscription): FhirResource {
  const { channel } = subscription.resource;
  const header = channel.header?.map((line) => `${line.slice(0, line.indexOf(':'))}: (hidden)`);
  return { ...subscription.resource, channel: { ...channel, ...(header ? { header } : {}) } };
}

function byEndpoint(state: SubscriptionState, url: string): SandboxSubscription[] {
  return state.list.filter((s) => s.resource.channel.endpoint === url);
}

/** POST /Subscription; with `If-None-Exist: url=ENDPOINT` (R4's search parameter) a conditional create. */
export function createSubscription(ctx: SandboxContext) {
  return (req: Request, res: Response): void => {
    const parsed = SubscriptionShape.safeParse(req.body);
    if (!parsed.success) {
      throw badRequest(
        `invalid Subscription: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    // The criteria must be a search this server can run, so a notification means what it says.
    const [type, query = ''] = parsed.data.criteria.split(/\?(.*)/s, 2) as [string, string?];
    parseSearch(type, new URLSearchParams(query));
    const condition = req.get('if-none-exist');
    if (condition !== undefined) {
      const url = new URLSearchParams(condition.replace(/^.*\?/, '')).get('url');
      if (!url) throw badRequest('If-None-Exist on Subscription supports url=ENDPOINT');
      const existing = byEndpoint(ctx.subscriptions, url);
      if (existing.length > 0) {
        res.status(200).type(FHIR_JSON).json(shown(existing[0]!));
        return;
      }
    }
    if (ctx.subscriptions.list.length >= MAX_SUBSCRIPTIONS) throw badRequest('too many subscriptions');
    const id = `sub-${ctx.subscriptions.nextId++}`;
    const resource = {
      ...parsed.data,
      id,
      status: 'active' as const,
      meta: { versionId: '1', lastUpdated: new Date().toISOString() },
    };
    const stored: SandboxSubscription = { resource, delivered: 0, failed: 0 };
    ctx.subscriptions.list.push(stored);
    res
      .status(201)
      .type(FHIR_JSON)
      .set('Location', `${fhirBase(ctx, req)}/Subscription/${id}/_history/1`)
      .json(shown(stored));
  };
}

export function readSubscription(ctx: SandboxContext) {
  return (req: Request, res: Response): void => {
    const found = ctx.subscriptions.list.find((s) => s.resource.id === req.params.id);
    if (!found) throw notFound('no such Subscription');
    res.type(FHIR_JSON).json(shown(found));
  };
}

/** GET /Subscription[?url=ENDPOINT]: a searchset of the registered subscriptions. */
export function searchSubscriptions(ctx: SandboxContext) {
  return (req: Request, res: Response): void => {
    const url = typeof req.query.url === 'string' ? req.query.url : undefined;
    const matches = url ? byEndpoint(ctx.subscriptions, url) : ctx.subscriptions.list;
    res.type(FHIR_JSON).json({
      resourceType: 'Bundle',
      type: 'searchset',
      total: matches.length,
      entry: matches.map((s) => ({
        fullUrl: `${fhirBase(ctx, req)}/Subscription/${s.resource.id}`,
        resource: shown(s),
        search: { mode: 'match' },
      })),
    });
  };
}

/** Does the new resource match the subscription's criteria? The sandbox's own search decides. */
function matches(subscription: SandboxSubscription, resource: FhirResource): boolean {
  const [type, query = ''] = subscription.resource.criteria.split(/\?(.*)/s, 2) as [string, string?];
  if (type !== resource.resourceType) return false;
  if (query === '') return true;
  const single = createFhirStore();
  single.put(resource);
  return runSearch(single, parseSearch(type, new URLSearchParams(query))).total > 0;
}

function headersOf(subscription: SandboxSubscription): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of subscription.resource.channel.header ?? []) {
    const at = line.indexOf(':');
    headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return headers;
}

/**
 * Tells every matching subscriber about a newly stored resource. Fire and forget: the create that
 * caused it has already been answered. The `dropNotifications` fault switch loses them all.
 */
export function notifySubscribers(ctx: SandboxContext, resource: FhirResource): void {
  for (const subscription of ctx.subscriptions.list) {
    if (subscription.resource.status !== 'active' || !matches(subscription, resource)) continue;
    if (ctx.faults.settings.dropNotifications) {
      subscription.failed += 1;
      continue;
    }
    const channel = subscription.resource.channel;
    const withPayload = !!channel.payload;
    const delivery = fetch(channel.endpoint, {
      method: 'POST',
      headers: { ...headersOf(subscription), ...(withPayload ? { 'Content-Type': FHIR_JSON } : {}) },
      body: withPayload ? JSON.stringify(resource) : undefined,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    }).then(
      async (res) => {
        await res.body?.cancel();
        if (res.ok) subscription.delivered += 1;
        else subscription.failed += 1;
      },
      () => {
        subscription.failed += 1;
      },
    );
    ctx.subscriptions.inFlight.add(delivery);
    void delivery.finally(() => ctx.subscriptions.inFlight.delete(delivery));
  }
}
