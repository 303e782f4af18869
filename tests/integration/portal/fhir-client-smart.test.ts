import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair, type KeyLike } from 'jose';
import { createFhirClient, FhirAuthError } from '../../../src/portal/fhir-client';
import { createFhirStore, startSandboxServer, type RunningSandbox } from '../../../src/portal/sandbox';

describe('FHIR client with SMART Backend Services', () => {
  let rsa: { privateKey: KeyLike; publicKey: KeyLike };
  let ec: { privateKey: KeyLike; publicKey: KeyLike };
  let stranger: { privateKey: KeyLike; publicKey: KeyLike };
  let sandbox: RunningSandbox;
  let calls: string[];
  const countingFetch: typeof fetch = (input, init) => {
    calls.push(new URL(String(input)).pathname);
    return fetch(input, init);
  };

  beforeAll(async () => {
    rsa = await generateKeyPair('RS384', { extractable: true });
    ec = await generateKeyPair('ES384', { extractable: true });
    stranger = await generateKeyPair('RS384', { extractable: true });
  });

  beforeEach(async () => {
    calls = [];
    const store = createFhirStore();
    store.put({ resourceType: 'Patient', id: 'p1' });
    sandbox = await startSandboxServer({
      store,
      smart: {
        tokenTtlSeconds: 120,
        clients: [
          { clientId: 'inbox', jwks: { keys: [{ ...(await exportJWK(rsa.publicKey)), alg: 'RS384' }] } },
          { clientId: 'inbox-ec', publicKeyPem: await exportSPKI(ec.publicKey) },
        ],
      },
    });
  });
  afterEach(async () => {
    await sandbox.close();
  });

  const clientWith = async (privateKey: KeyLike, clientId = 'inbox', alg: 'RS384' | 'ES384' = 'RS384') =>
    createFhirClient({
      baseUrl: sandbox.fhirBaseUrl,
      retries: 2,
      backoffMs: 1,
      fetch: countingFetch,
      auth: {
        tokenUrl: sandbox.tokenUrl,
        clientId,
        alg,
        privateKeyPem: await exportPKCS8(privateKey),
        scope: 'system/*.read system/*.write',
      },
    });

  it('fetches one token, caches it, and shares it between concurrent requests', async () => {
    const client = await clientWith(rsa.privateKey);
    await Promise.all([client.read('Patient', 'p1'), client.read('Patient', 'p1'), client.search('Patient')]);
    await client.read('Patient', 'p1');
    expect(calls.filter((c) => c === '/oauth2/token')).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('/fhir/R4'))).toHaveLength(4);
  });

  it('works with an ES384 key given as a JWK', async () => {
    const client = createFhirClient({
      baseUrl: sandbox.fhirBaseUrl,
      auth: {
        tokenUrl: sandbox.tokenUrl,
        clientId: 'inbox-ec',
        alg: 'ES384',
        privateKeyJwk: await exportJWK(ec.privateKey),
        scope: 'system/Patient.rs',
      },
    });
    expect((await client.search('Patient')).resources).toHaveLength(1);
  });

  it('gets a new token when the portal forgets the old one', async () => {
    const client = await clientWith(rsa.privateKey);
    await client.read('Patient', 'p1');
    sandbox.context.smart?.tokens.clear();
    expect((await client.read('Patient', 'p1')).id).toBe('p1');
    expect(calls.filter((c) => c === '/oauth2/token')).toHaveLength(2);
  });

  it('fails clearly, once, with a key the portal does not know', async () => {
    const client = await clientWith(stranger.privateKey);
    const err = (await client.read('Patient', 'p1').catch((e: unknown) => e)) as FhirAuthError;
    expect(err).toBeInstanceOf(FhirAuthError);
    expect(err).toMatchObject({ status: 401, oauthError: 'invalid_client', retryable: false });
    expect(err.message).toBe('SMART token request refused: HTTP 401 (invalid_client)');
    expect(calls).toEqual(['/oauth2/token']);
  });

  it('fails clearly with an unusable key or an unreachable token endpoint', async () => {
    const badKey = createFhirClient({
      baseUrl: sandbox.fhirBaseUrl,
      auth: {
        tokenUrl: sandbox.tokenUrl,
        clientId: 'inbox',
        alg: 'RS384',
        privateKeyPem: 'not a key',
        scope: 'system/*.read',
      },
    });
    await expect(badKey.read('Patient', 'p1')).rejects.toThrow(/private key could not be loaded/);
    const noEndpoint = createFhirClient({
      baseUrl: sandbox.fhirBaseUrl,
      retries: 1,
      backoffMs: 1,
      auth: {
        tokenUrl: 'http://127.0.0.1:9/oauth2/token',
        clientId: 'inbox',
        alg: 'RS384',
        privateKeyPem: await exportPKCS8(rsa.privateKey),
        scope: 'system/*.read',
      },
    });
    await expect(noEndpoint.read('Patient', 'p1')).rejects.toThrow(/network error or timeout/);
  });

  it('is refused without auth when the portal requires it', async () => {
    const client = createFhirClient({ baseUrl: sandbox.fhirBaseUrl, retries: 0 });
    await expect(client.read('Patient', 'p1')).rejects.toMatchObject({ status: 401, issueCodes: ['login'] });
  });
});
