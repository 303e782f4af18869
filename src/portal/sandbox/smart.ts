import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import {
  createLocalJWKSet,
  decodeJwt,
  importSPKI,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyOptions,
} from 'jose';
import { z } from 'zod';
import { FhirServerError } from './outcome';

/**
 * SMART Backend Services, as Epic and Oracle Health run it: a registered client signs a short-lived
 * JWT (private_key_jwt) with its private key; the token endpoint checks it against the client's
 * registered public key and hands out a bearer token that the FHIR routes then require.
 */
export const SMART_ALGORITHMS = ['RS384', 'ES384'] as const;
const MAX_ASSERTION_LIFETIME_S = 300;

export interface SmartClientRegistration {
  clientId: string;
  /** Public keys as a JWKS, or one SPKI PEM public key. */
  jwks?: JSONWebKeySet;
  publicKeyPem?: string;
}

export interface SmartOptions {
  clients: SmartClientRegistration[];
  tokenTtlSeconds?: number;
  /** The `aud` clients must use; default: this server's /oauth2/token URL as the request reached it. */
  tokenUrl?: string;
}

interface IssuedToken {
  clientId: string;
  scopes: string[];
  expiresAtMs: number;
}

export interface SmartState {
  options: SmartOptions;
  tokens: Map<string, IssuedToken>;
  /** client|jti → assertion expiry, so an assertion cannot be replayed while it is still valid. */
  seenJti: Map<string, number>;
  now: () => number;
}

export function createSmartState(options: SmartOptions, now: () => number = Date.now): SmartState {
  return { options, tokens: new Map(), seenJti: new Map(), now };
}

class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

const TokenRequest = z.object({
  grant_type: z.literal('client_credentials', { message: 'grant_type must be client_credentials' }),
  client_assertion_type: z.literal('urn:ietf:params:oauth:client-assertion-type:jwt-bearer', {
    message: 'client_assertion_type must be the jwt-bearer type',
  }),
  client_assertion: z.string().min(1).max(16_384),
  scope: z.string().min(1).max(2000),
});

/** system/Type.read|write|* (SMART v1) or system/Type.cruds (SMART v2). */
const SCOPE = /^system\/([A-Za-z]+|\*)\.(read|write|\*|(?=[cruds])c?r?u?d?s?)$/;

async function verifyAssertion(
  client: SmartClientRegistration,
  alg: string,
  jwt: string,
  options: JWTVerifyOptions,
) {
  if (client.jwks) return jwtVerify(jwt, createLocalJWKSet(client.jwks), options);
  if (client.publicKeyPem) return jwtVerify(jwt, await importSPKI(client.publicKeyPem, alg), options);
  throw new OAuthError(401, 'invalid_client', 'client has no registered key');
}

function pruneExpired(state: SmartState): void {
  const now = state.now();
  for (const [k, exp] of state.seenJti) if (exp < now) state.seenJti.delete(k);
  for (const [k, t] of state.tokens) if (t.expiresAtMs < now) state.tokens.delete(k);
}

async function issueToken(state: SmartState, req: Request): Promise<Record<string, unknown>> {
  const form = TokenRequest.safeParse(req.body ?? {});
  if (!form.success) {
    const first = form.error.issues[0];
    const grantType = (req.body as { grant_type?: unknown } | undefined)?.grant_type;
    const error =
      first.path[0] === 'grant_type' && grantType !== undefined
        ? 'unsupported_grant_type'
        : 'invalid_request';
    throw new OAuthError(400, error, `${first.path.join('.')}: ${first.message}`);
  }
  let claimedIssuer: string | undefined;
  let alg = '';
  try {
    claimedIssuer = decodeJwt(form.data.client_assertion).iss;
    alg = JSON.parse(Buffer.from(form.data.client_assertion.split('.')[0], 'base64url').toString('utf8')).alg;
  } catch {
    throw new OAuthError(400, 'invalid_request', 'client_assertion is not a JWT');
  }
  const client = state.options.clients.find((c) => c.clientId === claimedIssuer);
  if (!client) throw new OAuthError(401, 'invalid_client', 'unknown client');
  if (!(SMART_ALGORITHMS as readonly string[]).includes(alg)) {
    throw new OAuthError(401, 'invalid_client', 'client_assertion must be signed with RS384 or ES384');
  }
  const audience = state.options.tokenUrl ?? `${req.protocol}://${req.get('host')}/oauth2/token`;
  let payload;
  try {
    ({ payload } = await verifyAssertion(client, alg, form.data.client_assertion, {
      algorithms: [...SMART_ALGORITHMS],
      issuer: client.clientId,
      subject: client.clientId,
      audience,
      requiredClaims: ['exp', 'jti'],
      currentDate: new Date(state.now()),
    }));
  } catch (err) {
    if (err instanceof OAuthError) throw err;
    throw new OAuthError(401, 'invalid_client', 'client_assertion failed verification');
  }
  const nowS = Math.floor(state.now() / 1000);
  const exp = payload.exp as number;
  if (exp - nowS > MAX_ASSERTION_LIFETIME_S) {
    throw new OAuthError(401, 'invalid_client', 'client_assertion exp is more than 5 minutes away');
  }
  pruneExpired(state);
  const jtiKey = `${client.clientId}|${String(payload.jti)}`;
  if (state.seenJti.has(jtiKey))
    throw new OAuthError(401, 'invalid_client', 'client_assertion jti was already used');
  state.seenJti.set(jtiKey, exp * 1000);

  const requested = form.data.scope.split(/\s+/).filter(Boolean);
  const scopes = requested.filter((s) => SCOPE.test(s));
  if (scopes.length === 0)
    throw new OAuthError(400, 'invalid_scope', 'request system/ scopes, e.g. system/*.read');
  const ttl = state.options.tokenTtlSeconds ?? 300;
  const accessToken = randomBytes(32).toString('base64url');
  state.tokens.set(accessToken, { clientId: client.clientId, scopes, expiresAtMs: state.now() + ttl * 1000 });
  return { access_token: accessToken, token_type: 'bearer', expires_in: ttl, scope: scopes.join(' ') };
}

export function tokenHandler(state: SmartState) {
  return async (req: Request, res: Response): Promise<void> => {
    res.set('Cache-Control', 'no-store');
    try {
      res.json(await issueToken(state, req));
    } catch (err) {
      if (!(err instanceof OAuthError)) throw err;
      res.status(err.status).json({ error: err.error, error_description: err.description });
    }
  };
}

function allows(scope: string, type: string, write: boolean): boolean {
  const m = SCOPE.exec(scope);
  if (!m || (m[1] !== '*' && m[1] !== type)) return false;
  const perm = m[2];
  if (perm === '*') return true;
  if (perm === 'read' || perm === 'write') return write ? perm === 'write' : perm === 'read';
  return write ? perm.includes('c') : perm.includes('r') || perm.includes('s');
}

/** Requires a valid bearer token whose scopes cover the resource type and the kind of access. */
export function requireBearer(state: SmartState) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const header = req.get('authorization') ?? '';
    const token = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i.exec(header)?.[1];
    const issued = token ? state.tokens.get(token) : undefined;
    const challenge = { 'WWW-Authenticate': 'Bearer realm="sandbox-fhir"' };
    if (!issued || issued.expiresAtMs <= state.now()) {
      throw new FhirServerError(401, 'login', 'a valid bearer access token is required', challenge);
    }
    const type = req.params.type;
    if (
      typeof type === 'string' &&
      !issued.scopes.some((s) => allows(s, type, req.method === 'POST' && !req.path.endsWith('/_search')))
    ) {
      throw new FhirServerError(403, 'forbidden', 'the access token scopes do not cover this request');
    }
    next();
  };
}
