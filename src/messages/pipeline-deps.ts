import type { ChatOpenAI } from '@langchain/openai';
import type { Logger } from 'pino';
import { FhirError, type FhirClientOptions as ChartSourceOptions } from '../context';
import type { Db } from '../db';
import type { PromptSet } from '../drafting';
import type { Queues } from '../queue';

export type { ChartSourceOptions };

/** What the triage and draft steps need; built once by the worker entry point and passed in. */
export interface PipelineDeps {
  db: Db;
  queues: Queues;
  logger: Logger;
  /** Where charts are read from (the portal's FHIR base). */
  chartSource: ChartSourceOptions;
  /** Chart reads during triage get less time: an alert must not wait long on a slow portal. */
  triageChartTimeoutMs?: number;
  /** null: no model configured, templates draft and rules triage alone. */
  model: ChatOpenAI | null;
  modelName?: string;
  prompts: PromptSet;
  /** The clinic's IANA time zone, for dates and times written in drafts. */
  timeZone?: string;
  now?: () => Date;
}

/** The patient id of "Patient/123", or undefined for any other shape. */
export function patientIdOf(patientRef: string): string | undefined {
  const m = /^Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(patientRef);
  return m?.[1];
}

/** Worth trying the chart again later: the portal was slow or failing, not saying "no such patient". */
export function isTransientChartError(err: unknown): boolean {
  if (!(err instanceof FhirError)) return false;
  if (err.kind === 'timeout' || err.kind === 'network') return true;
  return err.kind === 'http' && err.status !== undefined && (err.status >= 500 || err.status === 429);
}

/** A short, PHI-free name for an error, for events and logs. */
export function errorKind(err: unknown): string {
  if (err instanceof FhirError) return `chart_${err.kind}${err.status ? `_${err.status}` : ''}`;
  const name = (err as { name?: unknown })?.name;
  return typeof name === 'string' && /^[A-Za-z]{1,60}$/.test(name) ? name : 'Error';
}
