import type { ChatOpenAI } from '@langchain/openai';
import type { Logger } from 'pino';
import { chartErrorKind, type ChartPortal } from '../context';
import { FhirClientError } from '../portal/fhir-client';
import type { Db } from '../db';
import type { PromptSet } from '../drafting';
import type { Queues } from '../queue';

export { isTransientChartError } from '../context';

/** What the triage and draft steps need; built once by the worker entry point and passed in. */
export interface PipelineDeps {
  db: Db;
  queues: Queues;
  logger: Logger;
  /** Where charts are read from: the portal's FHIR client (with its retries). */
  chart: ChartPortal;
  /** Chart reads during triage: a quicker client, because an alert must not wait on a slow portal. */
  triageChart?: ChartPortal;
  /** null: no model configured, templates draft and rules triage alone. */
  model: ChatOpenAI | null;
  modelName?: string;
  prompts: PromptSet;
  /** The clinic's IANA time zone, for dates and times written in drafts. */
  timeZone?: string;
  /** Urgent alerts really reach a nurse (Slack configured): only then may a draft say a nurse was alerted. */
  nurseAlerts?: boolean;
  now?: () => Date;
}

/** The patient id of "Patient/123", or undefined for any other shape. */
export function patientIdOf(patientRef: string): string | undefined {
  const m = /^Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(patientRef);
  return m?.[1];
}

/** A short, PHI-free name for an error, for events and logs. */
export function errorKind(err: unknown): string {
  if (err instanceof FhirClientError) return chartErrorKind(err);
  const name = (err as { name?: unknown })?.name;
  return typeof name === 'string' && /^[A-Za-z]{1,60}$/.test(name) ? name : 'Error';
}
