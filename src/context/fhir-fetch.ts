/**
 * Reads one patient's chart through the portal's FHIR client (src/portal/fhir-client: one client,
 * with its timeouts, retries with backoff, SMART auth and error taxonomy, shared with ingest and
 * sends): Patient/{id}, then a search per resource type with `patient=`, following next links up to
 * a page bound. The resources then go through the same mapping as a Bundle. URLs carry only the
 * opaque patient id.
 */
import { FhirClientError, FhirHttpError, portalErrorKind, type FhirClient } from '../portal/fhir-client';
import { chartFromResources } from './from-bundle';
import type { ChartContext } from './types';

/** What chart reading needs of the portal client. */
export type ChartPortal = Pick<FhirClient, 'read' | 'search'>;

export interface ChartReadOptions {
  /** Pages followed per search (default 20); past it the search stops with a warning. */
  maxPages?: number;
  /** `_count` asked for per page (default 100). */
  pageSize?: number;
}

/** Searched per patient; Practitioner names come from references and the chart's own displays. */
const SEARCHES: { type: string; optional: boolean }[] = [
  { type: 'Condition', optional: false },
  { type: 'MedicationRequest', optional: false },
  { type: 'AllergyIntolerance', optional: false },
  { type: 'Observation', optional: false },
  { type: 'Appointment', optional: false },
  // Not every server offers these; a chart without them is still useful.
  { type: 'CareTeam', optional: true },
  { type: 'MedicationDispense', optional: true },
];
const OPTIONAL_MISSING_STATUS = new Set([400, 403, 404, 405, 501]);

/** The chart of one patient, read live. Throws the portal client's errors (FhirClientError). */
export async function fetchChart(
  portal: ChartPortal,
  patientId: string,
  now: Date,
  options: ChartReadOptions = {},
): Promise<ChartContext> {
  const warnings: string[] = [];
  const unsupportedSearches: string[] = [];
  const maxPages = options.maxPages ?? 20;
  const patient = await portal.read('Patient', patientId);
  const params = { patient: patientId, _count: options.pageSize ?? 100 };
  const batches = await Promise.all(
    SEARCHES.map(async ({ type, optional }) => {
      try {
        const found = await portal.search(type, params, { maxPages });
        if (!found.complete)
          warnings.push(`${type} search: stopped after ${maxPages} pages; the chart may be incomplete`);
        return found.resources as unknown[];
      } catch (err) {
        if (optional && err instanceof FhirHttpError && OPTIONAL_MISSING_STATUS.has(err.status)) {
          unsupportedSearches.push(type);
          return [];
        }
        throw err;
      }
    }),
  );
  const resources = [patient, ...batches.flat()];
  const practitioners = await readPractitioners(portal, unnamedPractitioners(resources), warnings);
  const chart = chartFromResources([...resources, ...practitioners], now, warnings);
  return unsupportedSearches.length ? { ...chart, unsupportedSearches } : chart;
}

/** Worth trying the chart again later: the portal was slow or failing, not saying "no such patient". */
export function isTransientChartError(err: unknown): boolean {
  return err instanceof FhirClientError && err.retryable;
}

/** A short, PHI-free name for a failed chart read, for events and flags (e.g. chart_http_404). */
export function chartErrorKind(err: unknown): string {
  return `chart_${portalErrorKind(err)}`;
}

const MAX_PRACTITIONER_READS = 10;

/** Practitioner references given without a display name: the care team needs their names. */
function unnamedPractitioners(resources: unknown[]): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    const ref = (value as { reference?: unknown; display?: unknown }).reference;
    const display = (value as { display?: unknown }).display;
    const match = typeof ref === 'string' ? /^Practitioner\/([A-Za-z0-9\-.]{1,64})$/.exec(ref) : null;
    if (match && !(typeof display === 'string' && display.trim())) ids.add(match[1]!);
    Object.values(value).forEach(visit);
  };
  visit(resources);
  return [...ids].slice(0, MAX_PRACTITIONER_READS);
}

async function readPractitioners(portal: ChartPortal, ids: string[], warnings: string[]): Promise<unknown[]> {
  const read = async (id: string) => {
    try {
      return [await portal.read('Practitioner', id)];
    } catch (err) {
      // A missing name is not worth failing the chart for.
      warnings.push(`Practitioner/${id}: not readable (${portalErrorKind(err)}); name unknown`);
      return [];
    }
  };
  return (await Promise.all(ids.map(read))).flat();
}
