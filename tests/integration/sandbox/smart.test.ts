import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair, type KeyLike } from 'jose';
import { createFhirStore, createSandboxApp } from '../../../src/portal/sandbox';
import type { Express } from 'express';

describe('sandbox SMART Backend Services', () => {
  let rsa: { privateKey: KeyLike; publicKey: KeyLike };
  let ec: { privateKey: KeyLike; publicKey: KeyLike };
  let other: { privateKey: KeyLike; publicKey: KeyLike };
  let app: Express;
  let clock: number;
  const tokenPath = '/oauth2/token';

  beforeAll(async () => {
    rsa = await generateKeyPair('RS384');
    ec = await generateKeyPair('ES384');
    other = await generateKeyPair('RS384');
  });

  beforeEach(async () => {
    clock = Date.now();
    const store = createFhirStore();
    store.put({ resourceType: 'Patient', id: 'p1' });
    app = createSandboxApp({
      store,
      now: () => clock,
      smart: {
        tokenTtlSeconds: 60,
        clients: [
          {
            clientId: 'rsa-client',
            jwks: { keys: [{ ...(await exportJWK(rsa.publicKey)), alg: 'RS384', kid: 'k1' }] },
          },
          { clientId: 'ec-client', publicKeyPem: await exportSPKI(ec.publicKey) },
        ],
      },
    });
  });

  async function assertion(
    opts: {
      clientId?: string;
      key?: KeyLike;
      alg?: string;
      aud?: string;
      expIn?: number;
      jti?: string;
      sub?: string;
    } = {},
  ) {
    const clientId = opts.clientId ?? 'rsa-client';
    const host = '127.0.0.1';
    return new SignJWT({})
      .setProtectedHeader({ alg: opts.alg ?? 'RS384', kid: 'k1', typ: 'JWT' })
      .setIssuer(clientId)
      .setSubject(opts.sub ?? clientId)
      .setAudience(opts.aud ?? `http://${host}${tokenPath}`)
      .setExpirationTime(Math.floor(clock / 1000) + (opts.expIn ?? 240))
      .setJti(opts.jti ?? randomUUID())
      .sign(opts.key ?? rsa.privateKey);
  }

  function tokenRequest(clientAssertion: string, extra: Record<string, string> = {}) {
    return request(app)
      .post(tokenPath)
      .set('Host', '127.0.0.1')
      .type('form')
      .send({
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: clientAssertion,
        scope: 'system/*.read system/Communication.write',
        ...extra,
      });
  }

  it('requires a bearer token on FHIR routes, with a clear 401', async () => {
    const res = await request(app).get('/fhir/R4/Patient/p1').expect(401);
    expect(res.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'login' }] });
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    await request(app).get('/fhir/R4/Patient/p1').set('Authorization', 'Bearer made-up').expect(401);
    await request(app).get('/fhir/R4/metadata').expect(200);
    const config = await request(app).get('/fhir/R4/.well-known/smart-configuration').expect(200);
    expect(config.body.token_endpoint).toMatch(/\/oauth2\/token$/);
  });

  it('issues a token for an RS384 JWKS client and an ES384 PEM client, honouring scopes', async () => {
    const res = await tokenRequest(await assertion()).expect(200);
    expect(res.body).toMatchObject({
      token_type: 'bearer',
      expires_in: 60,
      scope: 'system/*.read system/Communication.write',
    });
    expect(res.headers['cache-control']).toBe('no-store');
    const auth = `Bearer ${res.body.access_token}`;
    await request(app).get('/fhir/R4/Patient/p1').set('Authorization', auth).expect(200);
    await request(app)
      .post('/fhir/R4/Patient')
      .set('Authorization', auth)
      .send({ resourceType: 'Patient' })
      .expect(403);

    const ecRes = await tokenRequest(
      await assertion({ clientId: 'ec-client', key: ec.privateKey, alg: 'ES384' }),
      {
        scope: 'system/Patient.rs',
      },
    ).expect(200);
    const ecAuth = `Bearer ${ecRes.body.access_token}`;
    await request(app).get('/fhir/R4/Patient').set('Authorization', ecAuth).expect(200);
    await request(app).get('/fhir/R4/Communication').set('Authorization', ecAuth).expect(403);
  });

  it('expires access tokens', async () => {
    const res = await tokenRequest(await assertion()).expect(200);
    clock += 61_000;
    await request(app)
      .get('/fhir/R4/Patient/p1')
      .set('Authorization', `Bearer ${res.body.access_token}`)
      .expect(401);
  });

  it.each([
    ['a key the client did not register', () => assertion({ key: other.privateKey })],
    ['an unknown client', () => assertion({ clientId: 'stranger' })],
    ['a wrong audience', () => assertion({ aud: 'https://elsewhere/token' })],
    ['a subject other than the client', () => assertion({ sub: 'someone-else' })],
    ['an expired assertion', () => assertion({ expIn: -60 })],
    ['an exp more than five minutes away', () => assertion({ expIn: 3600 })],
    [
      'an HS256 signature',
      () =>
        new SignJWT({})
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer('rsa-client')
          .setSubject('rsa-client')
          .setAudience('http://127.0.0.1/oauth2/token')
          .setExpirationTime('2m')
          .setJti('x')
          .sign(new Uint8Array(32)),
    ],
  ])('refuses %s as invalid_client', async (_name, make) => {
    const res = await tokenRequest(await make()).expect(401);
    expect(res.body.error).toBe('invalid_client');
    expect(res.body.access_token).toBeUndefined();
  });

  it('refuses a replayed jti', async () => {
    const jwt = await assertion({ jti: 'once' });
    await tokenRequest(jwt).expect(200);
    const replay = await tokenRequest(jwt).expect(401);
    expect(replay.body.error_description).toMatch(/jti/);
  });

  it('answers malformed token requests with OAuth errors', async () => {
    expect((await tokenRequest(await assertion(), { grant_type: 'password' }).expect(400)).body.error).toBe(
      'unsupported_grant_type',
    );
    expect((await tokenRequest('not.a.jwt').expect(400)).body.error).toBe('invalid_request');
    expect((await tokenRequest(await assertion(), { scope: 'patient/*.read' }).expect(400)).body.error).toBe(
      'invalid_scope',
    );
    expect(
      (await tokenRequest(await assertion(), { scope: 'system/*. system/Patient.xyz' }).expect(400)).body
        .error,
    ).toBe('invalid_scope');
    expect((await tokenRequest('x'.repeat(20_000)).expect(400)).body.error).toBe('invalid_request');
    expect((await request(app).post(tokenPath).send({}).expect(400)).body.error).toBe('invalid_request');
  });

  it('behind a proxy, uses the public base URL for links and the assertion audience', async () => {
    const proxied = createSandboxApp({
      publicBaseUrl: 'https://portal.example/fhir/R4/',
      smart: { clients: [{ clientId: 'rsa-client', publicKeyPem: await exportSPKI(rsa.publicKey) }] },
    });
    const config = await request(proxied).get('/fhir/R4/.well-known/smart-configuration').expect(200);
    expect(config.body.token_endpoint).toBe('https://portal.example/oauth2/token');
    const jwt = await assertion({ aud: 'https://portal.example/oauth2/token' });
    const token = await request(proxied)
      .post(tokenPath)
      .type('form')
      .send({
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: jwt,
        scope: 'system/*.read',
      })
      .expect(200);
    const bundle = await request(proxied)
      .get('/fhir/R4/Patient')
      .set('Authorization', `Bearer ${token.body.access_token}`)
      .expect(200);
    expect(bundle.body.link[0].url).toMatch(/^https:\/\/portal\.example\/fhir\/R4\/Patient\?/);
  });
});
