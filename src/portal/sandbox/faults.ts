import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { operationOutcome } from './outcome';

/**
 * Switches that make the sandbox misbehave like a struggling portal, for fault tests:
 * fail a share of requests, fail the next N, add latency, or hang (never answer).
 */
export const FaultSettingsSchema = z.strictObject({
  errorRate: z.number().min(0).max(1).default(0),
  errorStatus: z.number().int().min(400).max(599).default(500),
  failNext: z.number().int().min(0).max(1_000_000).default(0),
  latencyMs: z.number().int().min(0).max(120_000).default(0),
  hang: z.boolean().default(false),
  /** Only requests with these methods misbehave (e.g. POST: the portal refuses our replies). */
  methods: z.array(z.enum(['GET', 'POST', 'PUT', 'DELETE'])).optional(),
  /** Subscription notifications are lost (never sent), as a portal's may be: polling must cover. */
  dropNotifications: z.boolean().default(false),
});
export type FaultSettings = z.output<typeof FaultSettingsSchema>;
export type FaultSettingsInput = z.input<typeof FaultSettingsSchema>;

export interface FaultState {
  settings: FaultSettings;
  /** Requests currently held open by `hang`, so a test can see they arrived. */
  hanging: number;
  random: () => number;
}

export function createFaultState(
  initial: FaultSettingsInput = {},
  random: () => number = Math.random,
): FaultState {
  return { settings: FaultSettingsSchema.parse(initial), hanging: 0, random };
}

export function faultMiddleware(state: FaultState) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const s = state.settings;
    if (s.methods && !(s.methods as string[]).includes(req.method)) {
      next();
      return;
    }
    if (s.hang) {
      state.hanging += 1;
      res.on('close', () => {
        state.hanging -= 1;
      });
      return;
    }
    let fail = false;
    if (s.failNext > 0) {
      s.failNext -= 1;
      fail = true;
    } else if (s.errorRate > 0 && state.random() < s.errorRate) {
      fail = true;
    }
    const respond = () => {
      if (res.headersSent || res.destroyed) return;
      if (fail) {
        if (s.errorStatus === 429 || s.errorStatus === 503) res.set('Retry-After', '0');
        res
          .status(s.errorStatus)
          .type('application/fhir+json')
          .json(operationOutcome('transient', 'injected fault'));
        return;
      }
      next();
    };
    if (s.latencyMs > 0) setTimeout(respond, s.latencyMs).unref();
    else respond();
  };
}
