import {
  createFhirClient,
  FhirClientError,
  FhirHttpError,
  FhirNetworkError,
  FhirTimeoutError,
  isFhirNotFound,
} from '../../../src/portal/fhir-client';
import type { FhirResource } from '../../../src/portal/fhir-types';
import {
  createFaultState,
  createFhirStore,
  startSandboxServer,
  type FaultState,
  type FhirStore,
  type RunningSandbox,
} from '../../../src/portal/sandbox';

/** Deterministic "random" for the error-rate switch: a tiny LCG. */
function seededRandom(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function message(patientId: string, text: string, identifier?: string): FhirResource {
  return {
    resourceType: 'Communication',
    status: 'completed',
    subject: { reference: `Patient/${patientId}` },
    sender: { reference: `Patient/${patientId}` },
    payload: [{ contentString: text }],
    ...(identifier ? { identifier: [{ system: 'urn:test:reply', value: identifier }] } : {}),
  };
}

describe('FHIR portal client against the sandbox', () => {
  let store: FhirStore;
  let faults: FaultState;
  let sandbox: RunningSandbox;
  let requests: { method: string; url: string }[];
  const countingFetch: typeof fetch = (input, init) => {
    requests.push({ method: init?.method ?? 'GET', url: String(input) });
    return fetch(input, init);
  };
  const client = (opts: Partial<Parameters<typeof createFhirClient>[0]> = {}) =>
    createFhirClient({
      baseUrl: sandbox.fhirBaseUrl,
      timeoutMs: 2000,
      retries: 3,
      backoffMs: 5,
      fetch: countingFetch,
      ...opts,
    });

  beforeEach(async () => {
    requests = [];
    store = createFhirStore();
    faults = createFaultState({}, seededRandom(42));
    store.put({ resourceType: 'Patient', id: 'p1' });
    store.put({ resourceType: 'Patient', id: 'p2' });
    for (let i = 0; i < 25; i++) store.put({ ...message(i % 5 === 0 ? 'p2' : 'p1', `m${i}`), id: `c${i}` });
    sandbox = await startSandboxServer({ store, faults });
  });
  afterEach(async () => {
    await sandbox.close();
  });

  it('follows next links across pages and stops at the page bound', async () => {
    const all = await client().search('Communication', { _count: 10 });
    expect(all).toMatchObject({ pages: 3, total: 25, complete: true });
    expect(all.resources.map((r) => r.id)).toEqual(Array.from({ length: 25 }, (_, i) => `c${i}`));

    const bounded = await client({ maxPages: 2 }).search('Communication', { _count: 10 });
    expect(bounded).toMatchObject({ pages: 2, complete: false });
    expect(bounded.resources).toHaveLength(20);
    expect(bounded.nextUrl).toMatch(/_after=/);

    const p2 = await client().search('Communication', {
      patient: 'Patient/p2',
      _sort: '-_lastUpdated',
      _count: 2,
    });
    expect(p2.resources.map((r) => r.id)).toEqual(['c20', 'c15', 'c10', 'c5', 'c0']);

    const stamps = all.resources.map((r) => r.meta?.lastUpdated as string);
    const window = await client().search('Communication', {
      _lastUpdated: [`gt${stamps[2]}`, `le${stamps[5]}`],
    });
    expect(window.resources.map((r) => r.id)).toEqual(['c3', 'c4', 'c5']);
  });

  it('reads resources and reports 404 as a non-retried typed error', async () => {
    expect(await client().read('Patient', 'p1')).toMatchObject({ resourceType: 'Patient', id: 'p1' });
    requests = [];
    const err = await client()
      .read('Patient', 'missing')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FhirHttpError);
    expect(isFhirNotFound(err)).toBe(true);
    expect((err as FhirHttpError).issueCodes).toEqual(['not-found']);
    expect(requests).toHaveLength(1);
    await expect(client().read('Patient', '../admin')).rejects.toThrow(FhirClientError);
    await expect(client().read('patient; drop', 'x')).rejects.toThrow(/resource type/);
    expect(requests).toHaveLength(1);
  });

  it('does not retry a 400 and keeps the resource text out of the error', async () => {
    const bad = { ...message('ghost', 'my secret symptom'), subject: { reference: 'Patient/ghost' } };
    const err = (await client()
      .create(bad)
      .catch((e: unknown) => e)) as FhirHttpError;
    expect(err).toBeInstanceOf(FhirHttpError);
    expect(err).toMatchObject({ status: 400, retryable: false, issueCodes: ['invalid'] });
    expect(err.message).toBe('FHIR create Communication failed: HTTP 400 (invalid)');
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('conditional create never duplicates, also when raced or when the response is lost', async () => {
    const c = client();
    const first = await c.create(message('p1', 'reply', 'r1'), {
      ifNoneExist: { identifier: 'urn:test:reply|r1' },
    });
    const second = await c.create(message('p1', 'reply', 'r1'), {
      ifNoneExist: { identifier: 'urn:test:reply|r1' },
    });
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, resource: { id: first.resource.id } });

    const raced = await Promise.all(
      Array.from({ length: 10 }, () =>
        c.create(message('p1', 'r', 'r2'), { ifNoneExist: 'identifier=urn:test:reply|r2' }),
      ),
    );
    expect(raced.filter((r) => r.created)).toHaveLength(1);

    // The portal commits, then the connection drops before we see the answer.
    let dropOnce = true;
    const lossy: typeof fetch = async (input, init) => {
      const res = await countingFetch(input, init);
      if (init?.method === 'POST' && dropOnce) {
        dropOnce = false;
        await res.arrayBuffer();
        throw new TypeError('fetch failed');
      }
      return res;
    };
    const retried = await client({ fetch: lossy }).create(message('p1', 'x', 'r3'), {
      ifNoneExist: { identifier: 'urn:test:reply|r3' },
    });
    expect(retried.created).toBe(false);
    const byIdentifier = (value: string) =>
      store
        .list('Communication')
        .filter((s) => (s.resource.identifier as { value: string }[] | undefined)?.[0]?.value === value);
    expect(byIdentifier('r1')).toHaveLength(1);
    expect(byIdentifier('r2')).toHaveLength(1);
    expect(byIdentifier('r3')).toHaveLength(1);
  });

  it('tries a plain create only once, since repeating it could duplicate', async () => {
    faults.settings.failNext = 1;
    await expect(client().create(message('p1', 'x'))).rejects.toMatchObject({ status: 500, attempts: 1 });
    expect(requests).toHaveLength(1);
    expect(store.list('Communication')).toHaveLength(25);
  });

  it('recovers from failing requests, and gives up with a typed error when they persist', async () => {
    faults.settings.failNext = 3;
    expect((await client().read('Patient', 'p1')).id).toBe('p1');
    expect(requests).toHaveLength(4);

    faults.settings.failNext = 10;
    const err = await client({ retries: 2 })
      .read('Patient', 'p1')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'FhirHttpError', status: 500, attempts: 3, retryable: true });
    faults.settings.failNext = 0;

    faults.settings = { ...faults.settings, errorRate: 0.5 };
    const pages = await client({ retries: 8 }).search('Communication', { _count: 3 });
    expect(pages.resources).toHaveLength(25);
    for (let i = 0; i < 10; i++) expect((await client({ retries: 8 }).read('Patient', 'p2')).id).toBe('p2');
  });

  it('honours 429 with Retry-After', async () => {
    faults.settings = { ...faults.settings, failNext: 2, errorStatus: 429 };
    expect((await client().read('Patient', 'p1')).id).toBe('p1');
    expect(requests).toHaveLength(3);
  });

  it('times out slow and hung requests, and recovers when the portal does', async () => {
    faults.settings = { ...faults.settings, latencyMs: 400 };
    await expect(client({ timeoutMs: 100, retries: 1 }).read('Patient', 'p1')).rejects.toThrow(
      FhirTimeoutError,
    );
    expect((await client({ timeoutMs: 1000 }).read('Patient', 'p1')).id).toBe('p1');

    faults.settings = { ...faults.settings, latencyMs: 0, hang: true };
    const err = (await client({ timeoutMs: 100, retries: 1 })
      .read('Patient', 'p1')
      .catch((e: unknown) => e)) as FhirTimeoutError;
    expect(err).toBeInstanceOf(FhirTimeoutError);
    expect(err.message).toBe('FHIR read Patient timed out after 100 ms (2 attempt(s))');

    const pending = client({ timeoutMs: 150, retries: 20, backoffMs: 20 }).read('Patient', 'p1');
    setTimeout(() => {
      faults.settings = { ...faults.settings, hang: false };
    }, 300);
    expect((await pending).id).toBe('p1');
  });

  it('reports an unreachable portal as a network error after its retries', async () => {
    const url = sandbox.fhirBaseUrl;
    await sandbox.close();
    const err = await createFhirClient({ baseUrl: url, retries: 2, backoffMs: 1 })
      .read('Patient', 'p1')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FhirNetworkError);
    expect((err as FhirNetworkError).attempts).toBe(3);
    sandbox = await startSandboxServer({ store, faults });
  });

  it('probes the portal capability statement', async () => {
    expect((await client().capabilities()).resourceType).toBe('CapabilityStatement');
  });

  it('stops on the caller abort signal without retrying', async () => {
    faults.settings = { ...faults.settings, hang: true };
    const controller = new AbortController();
    const pending = client({ timeoutMs: 5000 }).read('Patient', 'p1', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow(/abort/i);
    expect(requests).toHaveLength(1);
  });
});
