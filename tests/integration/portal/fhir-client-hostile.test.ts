import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFhirClient, FhirPagingError, FhirResponseError } from '../../../src/portal/fhir-client';

/** A real HTTP server that misbehaves the ways a broken or hostile portal might. */
describe('FHIR client against a misbehaving portal', () => {
  let server: http.Server;
  let base: string;
  let hits = 0;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits += 1;
      const url = new URL(req.url ?? '/', 'http://x');
      const bundle = (link: { relation: string; url: string }[] = [], entry: unknown[] = []) =>
        res
          .writeHead(200, { 'Content-Type': 'application/fhir+json' })
          .end(JSON.stringify({ resourceType: 'Bundle', type: 'searchset', link, entry }));
      switch (url.pathname) {
        case '/fhir/html/Patient/p1':
          res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>login</html>');
          return;
        case '/fhir/wrongtype/Patient/p1':
          res.writeHead(200).end(JSON.stringify({ resourceType: 'Observation', id: 'p1' }));
          return;
        case '/fhir/huge/Patient/p1':
          res.writeHead(200, { 'Content-Type': 'application/fhir+json' });
          res.end(JSON.stringify({ resourceType: 'Patient', id: 'p1', pad: 'x'.repeat(300_000) }));
          return;
        case '/fhir/forever/Communication': {
          const page = Number(url.searchParams.get('page') ?? '0');
          bundle(
            [{ relation: 'next', url: `${base}/fhir/forever/Communication?page=${page + 1}` }],
            [
              { resource: { resourceType: 'Communication', id: `c${page}` }, search: { mode: 'match' } },
              { resource: { resourceType: 'Patient', id: 'inc' }, search: { mode: 'include' } },
            ],
          );
          return;
        }
        case '/fhir/loop/Communication':
          bundle([{ relation: 'next', url: `${base}/fhir/loop/Communication?` }]);
          return;
        case '/fhir/sibling/Communication':
          bundle([{ relation: 'next', url: `${base}/fhir/siblingx/Communication` }]);
          return;
        case '/fhir/escape/Communication':
          bundle([{ relation: 'next', url: 'http://198.51.100.7/steal' }]);
          return;
        case '/fhir/notbundle/Communication':
          res.writeHead(200).end(JSON.stringify({ resourceType: 'Bundle', entry: 'nope' }));
          return;
        case '/fhir/redirect/Patient/p1':
          res.writeHead(302, { Location: 'http://198.51.100.7/' }).end();
          return;
        default:
          res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const client = (path: string, extra: Partial<Parameters<typeof createFhirClient>[0]> = {}) =>
    createFhirClient({
      baseUrl: `${base}/fhir/${path}`,
      retries: 2,
      backoffMs: 1,
      timeoutMs: 2000,
      ...extra,
    });

  it('rejects non-JSON, wrong-type and oversize answers without retrying', async () => {
    hits = 0;
    await expect(client('html').read('Patient', 'p1')).rejects.toThrow(FhirResponseError);
    await expect(client('wrongtype').read('Patient', 'p1')).rejects.toThrow(/not a Patient/);
    await expect(client('huge', { maxResponseBytes: 100_000 }).read('Patient', 'p1')).rejects.toThrow(
      /larger than/,
    );
    await expect(client('notbundle').search('Communication')).rejects.toThrow(/not a FHIR Bundle/);
    expect(hits).toBe(4);
  });

  it('bounds a portal that pages forever, keeping only matches', async () => {
    const result = await client('forever', { maxPages: 5 }).search('Communication');
    expect(result).toMatchObject({ pages: 5, complete: false });
    expect(result.resources.map((r) => r.id)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
  });

  it('refuses a next link that loops or leaves the portal, and does not follow redirects', async () => {
    await expect(client('loop').search('Communication')).rejects.toThrow(/repeats/);
    const escape = await client('escape')
      .search('Communication')
      .catch((e: unknown) => e);
    expect(escape).toBeInstanceOf(FhirPagingError);
    await expect(client('sibling').search('Communication')).rejects.toThrow(/leaves the portal base URL/);
    await expect(client('redirect').read('Patient', 'p1')).rejects.toThrow(/network error/);
  });
});
