import { randomUUID } from 'node:crypto';
import { SignJWT, importJWK, importPKCS8, type JWK, type KeyLike } from 'jose';
import { z } from 'zod';
import { FhirAuthError } from './fhir-errors';

/**
 * SMART Backend Services client side: sign a client assertion (private_key_jwt) with the
 * registered private key, trade it for an access token, and reuse the token until shortly
 * before it expires. Concurrent callers share one token request.
 */
export interface SmartAuthOptions {
  tokenUrl: string;
  clientId: string;
  /** PKCS#8 PEM private key, or a private JWK. */
  privateKeyPem?: string;
  privateKeyJwk?: JWK;
  alg: 'RS384' | 'ES384';
  /** e.g. "system/*.read system/Communication.write" */
  scope: string;
  /** kid header, when the server holds several keys for the client. */
  keyId?: string;
}

export interface TokenProvider {
  getToken(): Promise<string>;
  /** Forget the cached token (the server said 401). */
  invalidate(): void;
}

const TokenResponse = z.object({
  access_token: z.string().min(1).max(8192),
  token_type: z.string().refine((t) => t.toLowerCase() === 'bearer', 'token_type must be bearer'),
  expires_in: z.number().positive().optional(),
});
const OAuthErrorBody = z.object({ error: z.string().max(100) });

/** Assertions live 4 minutes: SMART caps them at 5, and clocks drift. */
const ASSERTION_LIFETIME_S = 240;

export function createSmartTokenProvider(
  options: SmartAuthOptions,
  deps: { fetch: typeof fetch; timeoutMs: number; now?: () => number },
): TokenProvider {
  const now = deps.now ?? Date.now;
  let keyPromise: Promise<KeyLike | Uint8Array> | undefined;
  let cached: { token: string; refreshAtMs: number } | undefined;
  let inflight: Promise<string> | undefined;

  const loadKey = () => {
    if (options.privateKeyJwk) return importJWK(options.privateKeyJwk, options.alg);
    if (options.privateKeyPem) return importPKCS8(options.privateKeyPem, options.alg);
    return Promise.reject(new FhirAuthError('SMART auth needs privateKeyPem or privateKeyJwk', 0));
  };

  async function requestToken(): Promise<string> {
    let key: KeyLike | Uint8Array;
    try {
      key = await (keyPromise ??= loadKey());
    } catch (err) {
      keyPromise = undefined;
      if (err instanceof FhirAuthError) throw err;
      throw new FhirAuthError(`SMART private key could not be loaded for ${options.alg}`, 0, undefined, {
        cause: err,
      });
    }
    const nowS = Math.floor(now() / 1000);
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: options.alg, typ: 'JWT', ...(options.keyId ? { kid: options.keyId } : {}) })
      .setIssuer(options.clientId)
      .setSubject(options.clientId)
      .setAudience(options.tokenUrl)
      .setIssuedAt(nowS)
      .setExpirationTime(nowS + ASSERTION_LIFETIME_S)
      .setJti(randomUUID())
      .sign(key);
    let response: Response;
    try {
      response = await deps.fetch(options.tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: assertion,
          scope: options.scope,
        }),
        signal: AbortSignal.timeout(deps.timeoutMs),
      });
    } catch (err) {
      throw new FhirAuthError('SMART token request failed: network error or timeout', undefined, undefined, {
        cause: err,
      });
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const oauth = OAuthErrorBody.safeParse(body);
      const code = oauth.success ? oauth.data.error : undefined;
      throw new FhirAuthError(
        `SMART token request refused: HTTP ${response.status}${code ? ` (${code})` : ''}`,
        response.status,
        code,
      );
    }
    const parsed = TokenResponse.safeParse(body);
    if (!parsed.success) throw new FhirAuthError('SMART token response is malformed', response.status);
    const lifetimeMs = (parsed.data.expires_in ?? 300) * 1000;
    // Refresh a little early so a token never expires in flight.
    cached = {
      token: parsed.data.access_token,
      refreshAtMs: now() + lifetimeMs - Math.min(30_000, lifetimeMs / 2),
    };
    return parsed.data.access_token;
  }

  return {
    getToken() {
      if (cached && cached.refreshAtMs > now()) return Promise.resolve(cached.token);
      inflight ??= requestToken().finally(() => {
        inflight = undefined;
      });
      return inflight;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
