/**
 * Push intake: where the portal supports FHIR R4 Subscriptions (rest-hook), the worker subscribes,
 * and each notification makes the web process enqueue an immediate poll of the usual cursor. The
 * poll does the reading, so a notification adds no path of its own: nothing is ingested twice (the
 * unique portal id), and nothing is lost if notifications stop (the scheduled poll still runs).
 * Notifications carry no payload (R4's id-less ping), so no patient data travels with them.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { PortalPushSettings } from '../config';
import type { Queues } from '../queue';
import type { FhirClient } from './fhir-client';
import { DEFAULT_CURSOR } from './poller';

/** New Communications: the poll that follows reads only what the cursor has not seen. */
export const PUSH_CRITERIA = 'Communication';
export const PUSH_JOB_NAME = 'push-poll';

export type { PortalPushSettings };

export type SubscribeOutcome = 'subscribed' | 'already-subscribed' | 'not-supported';

/** Does the CapabilityStatement offer Subscription create? (R4 has no finer-grained channel flag.) */
export function portalSupportsSubscriptions(capability: unknown): boolean {
  const rest = (
    capability as { rest?: { resource?: { type?: string; interaction?: { code?: string }[] }[] }[] }
  )?.rest;
  return (rest ?? []).some((r) =>
    (r.resource ?? []).some(
      (res) => res.type === 'Subscription' && (res.interaction ?? []).some((i) => i.code === 'create'),
    ),
  );
}

/**
 * Registers our endpoint with the portal once: a conditional create keyed on the endpoint (R4's
 * `url` search parameter), so every worker may call it at start without adding duplicates.
 */
export async function ensurePortalSubscription(
  portal: Pick<FhirClient, 'capabilities' | 'create'>,
  settings: PortalPushSettings,
): Promise<SubscribeOutcome> {
  if (!portalSupportsSubscriptions(await portal.capabilities())) return 'not-supported';
  const { created } = await portal.create(
    {
      resourceType: 'Subscription',
      status: 'requested',
      reason: 'Notify the clinic inbox of new patient messages; it then searches for them.',
      criteria: PUSH_CRITERIA,
      channel: {
        type: 'rest-hook',
        endpoint: settings.endpoint,
        // No payload: a bare notification, never the message itself.
        header: [`Authorization: Bearer ${settings.secret}`],
      },
    },
    { ifNoneExist: { url: settings.endpoint } },
  );
  return created ? 'subscribed' : 'already-subscribed';
}

/** Compares digests, so neither the length nor the content of the secret leaks through timing. */
export function pushSecretMatches(authorization: string | undefined, secret: string): boolean {
  const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(secret)) && given.length > 0;
}

/**
 * POST /portal/notify: checks the channel secret, then enqueues one immediate poll. The portal
 * retries on a 5xx, so a Redis outage answers 503; the scheduled poll covers anything missed.
 */
export function portalNotifyHandler(deps: {
  secret: string;
  queues: Queues;
  logger: Logger;
}): RequestHandler {
  return async (req: Request, res: Response) => {
    if (!pushSecretMatches(req.get('authorization'), deps.secret)) {
      deps.logger.warn('portal notification refused: wrong or missing channel secret');
      res
        .status(401)
        .type('application/fhir+json')
        .json({
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'login', diagnostics: 'unknown channel secret' }],
        });
      return;
    }
    try {
      await deps.queues.poll.add(
        PUSH_JOB_NAME,
        { cursor: DEFAULT_CURSOR },
        // Like the scheduled poll: never retried (the next notification or tick is the retry).
        { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
      );
    } catch {
      deps.logger.warn('portal notification not queued: Redis unavailable; the scheduled poll covers it');
      res.status(503).set('Retry-After', '5').end();
      return;
    }
    res.status(204).end();
  };
}
