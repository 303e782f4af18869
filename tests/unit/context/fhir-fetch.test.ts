import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchChart, isTransientChartError } from '../../../src/context/fhir-fetch';
import {
  createFhirClient,
  FhirClientError,
  FhirHttpError,
  FhirNetworkError,
  FhirPagingError,
  FhirResponseError,
  FhirTimeoutError,
  type FhirClientOptions,
} from '../../../src/portal/fhir-client';
import { condition, lab, NOW, patient, practitioner } from './chart-fixtures';

type Handler = (url: URL, req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A real FHIR-speaking HTTP server on 127.0.0.1 whose behaviour each test sets. */
class FhirTestServer {
  readonly requests: { url: string; headers: http.IncomingHttpHeaders }[] = [];
  handler: Handler = (_u, _q, res) => res.writeHead(500).end();
  private server = http.createServer((req, res) => {
    this.requests.push({ url: req.url ?? '', headers: req.headers });
    this.handler(new URL(req.url ?? '/', this.origin), req, res);
  });
  origin = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get base(): string {
    return `${this.origin}/fhir/R4`;
  }
}

function json(res: http.ServerResponse, body: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/fhir+json' }).end(JSON.stringify(body));
}

function searchset(resources: unknown[], next?: string) {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    link: next
      ? [
          { relation: 'self', url: 'x' },
          { relation: 'next', url: next },
        ]
      : [],
    entry: resources.map((resource) => ({ resource, search: { mode: 'match' } })),
  };
}

/** A small chart: Observations come in three pages, CareTeam is not supported (404). */
function chartServer(s: FhirTestServer): Handler {
  const labs = [1, 2, 3, 4, 5].map((i) => lab(`k${i}`, '2823-3', 'Potassium', 4 + i / 10, `2026-0${i}-01`));
  return (url, _req, res) => {
    const path = url.pathname.replace('/fhir/R4/', '');
    if (path === 'Patient/p1') return json(res, patient());
    if (path === 'Practitioner/dr1') return json(res, practitioner);
    if (path.startsWith('Patient/')) return json(res, { resourceType: 'OperationOutcome' }, 404);
    if (url.searchParams.get('patient') !== 'p1') return json(res, searchset([]));
    if (path === 'Condition')
      return json(res, searchset([condition('c1', 'Chronic kidney disease stage 3')]));
    if (path === 'Observation') {
      const page = Number(url.searchParams.get('_page') ?? '1');
      const next = page < 3 ? `${s.base}/Observation?patient=p1&_count=2&_page=${page + 1}` : undefined;
      return json(res, searchset(labs.slice((page - 1) * 2, page * 2), next));
    }
    if (path === 'CareTeam') return json(res, { resourceType: 'OperationOutcome' }, 404);
    return json(res, searchset([]));
  };
}

describe('fetchChart through the portal client, against a FHIR server on 127.0.0.1', () => {
  const server = new FhirTestServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => {
    server.requests.length = 0;
    server.handler = chartServer(server);
  });
  const client = (extra: Partial<FhirClientOptions> = {}) =>
    createFhirClient({ baseUrl: server.base, timeoutMs: 2000, retries: 0, ...extra });

  it('reads the patient, searches each type by patient and follows next links', async () => {
    const chart = await fetchChart(client(), 'p1', NOW, { pageSize: 2 });
    expect(chart.patient.source).toBe('Patient/p1');
    expect(chart.problems.map((p) => p.source)).toEqual(['Condition/c1']);
    expect(chart.observations.map((o) => o.source)).toEqual(
      ['k5', 'k4', 'k3', 'k2', 'k1'].map((id) => `Observation/${id}`),
    );
    // A resource type the server does not offer is noted, not a warning: nothing was skipped.
    expect(chart.warnings).toEqual([]);
    expect(chart.unsupportedSearches).toEqual(['CareTeam']);
    // The general practitioner was referenced without a name, so it was read.
    expect(chart.careTeam).toEqual([
      { source: 'Practitioner/dr1', name: 'Dr. Tendai Okonjo', role: 'primary care' },
    ]);
    const urls = server.requests.map((r) => r.url);
    expect(urls).toContain('/fhir/R4/Patient/p1');
    expect(urls).toContain('/fhir/R4/Observation?patient=p1&_count=2');
    expect(urls.filter((u) => u.startsWith('/fhir/R4/Observation'))).toHaveLength(3);
    expect(server.requests.every((r) => r.headers.accept === 'application/fhir+json')).toBe(true);
    // Only the opaque id travels in URLs: no name, birth date or phone.
    expect(urls.join(' ')).not.toMatch(/Rosalind|Quintero|1961|555/);
  });

  it('keeps the chart when a referenced practitioner cannot be read', async () => {
    const normal = chartServer(server);
    server.handler = (url, req, res) =>
      url.pathname.endsWith('/Practitioner/dr1') ? json(res, {}, 410) : normal(url, req, res);
    const chart = await fetchChart(client(), 'p1', NOW);
    expect(chart.careTeam).toEqual([]);
    expect(chart.warnings).toContain('Practitioner/dr1: not readable (http_410); name unknown');
  });

  it("throws the client's HTTP error with status 404 for an unknown patient, not worth retrying", async () => {
    const err = await fetchChart(client(), 'nobody', NOW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FhirHttpError);
    expect(err).toMatchObject({ status: 404 });
    expect(isTransientChartError(err)).toBe(false);
  });

  it('throws a retryable HTTP 500 when a required search fails', async () => {
    const normal = chartServer(server);
    server.handler = (url, req, res) =>
      url.pathname.endsWith('/Condition') ? json(res, {}, 500) : normal(url, req, res);
    const err = await fetchChart(client(), 'p1', NOW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FhirHttpError);
    expect(err).toMatchObject({ status: 500, message: 'FHIR search Condition failed: HTTP 500' });
    expect(isTransientChartError(err)).toBe(true);
  });

  it("retries each failing request with the client's backoff, so a flaky portal still gives the chart", async () => {
    const normal = chartServer(server);
    const seen = new Set<string>();
    // Every request fails the first time: without per-request retries, no chart of 8+ requests survives.
    server.handler = (url, req, res) => {
      const first = !seen.has(url.href);
      seen.add(url.href);
      return first ? json(res, {}, 503) : normal(url, req, res);
    };
    const chart = await fetchChart(client({ retries: 3, backoffMs: 5 }), 'p1', NOW);
    expect(chart.problems.map((p) => p.source)).toEqual(['Condition/c1']);
  });

  it('times out a server that never answers', async () => {
    server.handler = () => undefined; // accept the request, never reply
    const started = Date.now();
    const err = await fetchChart(client({ timeoutMs: 150 }), 'p1', NOW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FhirTimeoutError);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('rejects a response that is not JSON, or not a Patient', async () => {
    server.handler = (_u, _q, res) => res.writeHead(200).end('<html>login</html>');
    await expect(fetchChart(client(), 'p1', NOW)).rejects.toBeInstanceOf(FhirResponseError);
    server.handler = (_u, _q, res) => json(res, { resourceType: 'Bundle' });
    await expect(fetchChart(client(), 'p1', NOW)).rejects.toBeInstanceOf(FhirResponseError);
  });

  it('rejects an invalid patient id before any request', async () => {
    await expect(fetchChart(client(), '../Patient?name=x', NOW)).rejects.toBeInstanceOf(FhirClientError);
    expect(server.requests).toHaveLength(0);
  });

  it('stops paging after maxPages, with a warning', async () => {
    server.handler = (url, _req, res) => {
      if (url.pathname.endsWith('/Patient/p1')) return json(res, patient());
      const page = Number(url.searchParams.get('_page') ?? '1');
      const path = url.pathname.replace('/fhir/R4', '');
      return json(res, searchset([], `${server.base}${path}?patient=p1&_page=${page + 1}`));
    };
    const chart = await fetchChart(client(), 'p1', NOW, { maxPages: 4 });
    expect(chart.warnings).toContain(
      'Observation search: stopped after 4 pages; the chart may be incomplete',
    );
    expect(server.requests.filter((r) => r.url.startsWith('/fhir/R4/Observation'))).toHaveLength(4);
  });

  it('fails on a next link that loops (a portal bug the draft step reports as chart_paging)', async () => {
    const normal = chartServer(server);
    server.handler = (url, req, res) =>
      url.pathname.endsWith('/Condition')
        ? json(res, searchset([], `${server.base}/Condition?patient=p1&_count=100`))
        : normal(url, req, res);
    await expect(fetchChart(client(), 'p1', NOW)).rejects.toBeInstanceOf(FhirPagingError);
  });

  it('refuses a next link to another origin, so credentials never leave the server', async () => {
    const normal = chartServer(server);
    server.handler = (url, req, res) =>
      url.pathname.endsWith('/Observation')
        ? json(res, searchset([], 'http://127.0.0.2:9/steal'))
        : normal(url, req, res);
    await expect(fetchChart(client(), 'p1', NOW)).rejects.toBeInstanceOf(FhirPagingError);
  });

  it('refuses a response larger than maxResponseBytes', async () => {
    server.handler = (_u, _q, res) =>
      res.writeHead(200).end(JSON.stringify({ resourceType: 'Patient', id: 'p1', pad: 'x'.repeat(5000) }));
    await expect(fetchChart(client({ maxResponseBytes: 1000 }), 'p1', NOW)).rejects.toBeInstanceOf(
      FhirResponseError,
    );
  });

  it('reports a refused connection as a network error', async () => {
    const refused = createFhirClient({ baseUrl: 'http://127.0.0.1:1/fhir/R4', timeoutMs: 1000, retries: 0 });
    const err = await fetchChart(refused, 'p1', NOW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FhirNetworkError);
  });
});
