/**
 * Reads one patient's chart from a FHIR R4 server: Patient/{id}, then a search per resource type with
 * `patient=`, following Bundle `next` links up to a page limit. The resources then go through the same
 * mapping as a Bundle. URLs carry only the opaque patient id.
 */
import { bundleResources, chartFromResources } from './from-bundle';
import { fhirId } from './fhir-schemas';
import type { ChartContext } from './types';

export interface FhirClientOptions {
  /** e.g. http://127.0.0.1:8080/fhir/R4 (no trailing slash needed). */
  baseUrl: string;
  fetchImpl?: typeof fetch;
  /** Per request, covering the response body too. */
  timeoutMs: number;
  /** Extra headers per request, e.g. a fresh OAuth2 bearer token. */
  headers?: () => Promise<Record<string, string>>;
  /** Pages followed per search (default 20); past it the search stops with a warning. */
  maxPages?: number;
  /** `_count` asked for per page (default 100). */
  pageSize?: number;
  /** Largest response body accepted, in bytes (default 10 MB). */
  maxResponseBytes?: number;
}

export type FhirErrorKind = 'http' | 'timeout' | 'network' | 'invalid_response' | 'invalid_id' | 'too_large';

export class FhirError extends Error {
  constructor(
    message: string,
    readonly kind: FhirErrorKind,
    /** HTTP status when the server answered. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FhirError';
  }
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

async function readLimited(res: Response, maxBytes: number, what: string): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > maxBytes)
    throw new FhirError(`${what}: response larger than ${maxBytes} bytes`, 'too_large', res.status);
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FhirError(`${what}: response larger than ${maxBytes} bytes`, 'too_large', res.status);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function createFhirReader(client: FhirClientOptions) {
  const base = new URL(client.baseUrl.endsWith('/') ? client.baseUrl : `${client.baseUrl}/`);
  const doFetch = client.fetchImpl ?? fetch;
  const maxBytes = client.maxResponseBytes ?? 10 * 1024 * 1024;

  /** GET a URL on the FHIR server; `what` names it in errors without query values. */
  async function getJson(url: URL, what: string): Promise<unknown> {
    // Next links from a server must stay on that server: our auth headers go nowhere else.
    if (url.origin !== base.origin)
      throw new FhirError(`${what}: link leaves the FHIR server`, 'invalid_response');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), client.timeoutMs);
    try {
      const extra = client.headers ? await client.headers() : {};
      let res: Response;
      try {
        res = await doFetch(url, {
          headers: { accept: 'application/fhir+json', ...extra },
          signal: controller.signal,
        });
      } catch (err) {
        if (controller.signal.aborted)
          throw new FhirError(`${what}: timed out after ${client.timeoutMs} ms`, 'timeout');
        throw new FhirError(`${what}: ${(err as Error).message || 'network error'}`, 'network');
      }
      let text: string;
      try {
        text = await readLimited(res, maxBytes, what);
      } catch (err) {
        if (err instanceof FhirError) throw err;
        if (controller.signal.aborted)
          throw new FhirError(`${what}: timed out after ${client.timeoutMs} ms`, 'timeout');
        throw new FhirError(`${what}: reading the response failed`, 'network', res.status);
      }
      if (!res.ok) throw new FhirError(`${what}: HTTP ${res.status}`, 'http', res.status);
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new FhirError(`${what}: response is not JSON`, 'invalid_response', res.status);
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /** Every resource of a search, following `next` links up to the page limit. */
  async function search(
    type: string,
    params: Record<string, string>,
    warnings: string[],
  ): Promise<unknown[]> {
    const maxPages = client.maxPages ?? 20;
    let url: URL | undefined = new URL(type, base);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const resources: unknown[] = [];
    const seen = new Set<string>();
    for (let page = 1; url; page++) {
      if (page > maxPages) {
        warnings.push(`${type} search: stopped after ${maxPages} pages; the chart may be incomplete`);
        break;
      }
      seen.add(url.href);
      const bundle = await getJson(url, `${type} search page ${page}`);
      try {
        resources.push(...bundleResources(bundle, warnings));
      } catch (err) {
        throw new FhirError(`${type} search page ${page}: ${(err as Error).message}`, 'invalid_response');
      }
      const next = (bundle as { link?: { relation?: unknown; url?: unknown }[] }).link?.find(
        (l) => l?.relation === 'next',
      );
      url = typeof next?.url === 'string' ? new URL(next.url, base) : undefined;
      if (url && seen.has(url.href)) {
        warnings.push(`${type} search: a next link repeats an earlier page; stopped`);
        break;
      }
    }
    return resources;
  }

  return { getJson, search, base };
}

/** The chart of one patient, read live. Throws FhirError when the server fails or the patient is missing. */
export async function fetchChart(
  client: FhirClientOptions,
  patientId: string,
  now: Date,
): Promise<ChartContext> {
  if (!fhirId.safeParse(patientId).success)
    throw new FhirError('patient id is not a valid FHIR id', 'invalid_id');
  const reader = createFhirReader(client);
  const warnings: string[] = [];
  const unsupportedSearches: string[] = [];
  const patient = await reader.getJson(new URL(`Patient/${patientId}`, reader.base), 'Patient read');
  if ((patient as { resourceType?: unknown })?.resourceType !== 'Patient') {
    throw new FhirError('Patient read: response is not a Patient', 'invalid_response');
  }
  const params = { patient: patientId, _count: String(client.pageSize ?? 100) };
  const batches = await Promise.all(
    SEARCHES.map(async ({ type, optional }) => {
      try {
        return await reader.search(type, params, warnings);
      } catch (err) {
        if (
          optional &&
          err instanceof FhirError &&
          err.status !== undefined &&
          OPTIONAL_MISSING_STATUS.has(err.status)
        ) {
          unsupportedSearches.push(type);
          return [];
        }
        throw err;
      }
    }),
  );
  const resources = [patient, ...batches.flat()];
  const practitioners = await readPractitioners(reader, unnamedPractitioners(resources), warnings);
  const chart = chartFromResources([...resources, ...practitioners], now, warnings);
  return unsupportedSearches.length ? { ...chart, unsupportedSearches } : chart;
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

async function readPractitioners(
  reader: ReturnType<typeof createFhirReader>,
  ids: string[],
  warnings: string[],
): Promise<unknown[]> {
  const read = async (id: string) => {
    try {
      return [await reader.getJson(new URL(`Practitioner/${id}`, reader.base), 'Practitioner read')];
    } catch (err) {
      // A missing name is not worth failing the chart for.
      warnings.push(
        `Practitioner/${id}: not readable (${err instanceof FhirError ? err.kind : 'error'}); name unknown`,
      );
      return [];
    }
  };
  return (await Promise.all(ids.map(read))).flat();
}
