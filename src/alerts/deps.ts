import type { Job } from 'bullmq';
import { DelayedError } from 'bullmq';
import type { Logger } from 'pino';
import type { FhirClient } from '../portal/fhir-client';
import type { Db } from '../db';
import type { Queues } from '../queue';
import type { AlertSettings } from './settings';
import { describeSlackError, type SlackClient } from './slack';

/** What the alert and escalate processors need; built by the worker (pipeline-runtime) and passed in. */
export interface AlertDeps {
  db: Db;
  queues: Queues;
  logger: Logger;
  settings: AlertSettings;
  /** Absent when Slack is not configured. */
  slack?: SlackClient;
  /** The portal client, for the one Patient read of an alert's brief. */
  chart: Pick<FhirClient, 'read'>;
  timeZone: string;
}

/** A Slack call failed; the job retries with BullMQ's backoff. The message is a fixed code. */
export class SlackCallError extends Error {
  override name = 'SlackCallError';
  constructor(readonly code: string) {
    super(`slack call failed: ${code}`);
  }
}

/**
 * Turns a Slack failure into the job's next step: a 429 moves the job to delayed for exactly the
 * Retry-After Slack gave (not counted as an attempt); anything else throws for a backoff retry.
 */
export async function rethrowForRetry(job: Job, token: string | undefined, err: unknown): Promise<never> {
  const failure = describeSlackError(err);
  if (failure.retryAfterSec !== undefined && token) {
    await job.moveToDelayed(Date.now() + Math.max(1, failure.retryAfterSec) * 1000, token);
    throw new DelayedError();
  }
  throw new SlackCallError(failure.code);
}
