/**
 * Browser sessions: express-session over PostgreSQL (see session-store). The cookie is HttpOnly,
 * SameSite=Lax, and Secure (with the __Host- prefix) when APP_BASE_URL is https. Every response to
 * a session extends its idle timeout ("rolling"); the store enforces the absolute limit.
 */
import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';
import session from 'express-session';
import type { AuthSettings } from '../config';
import type { Db } from '../db';
import type { Logger } from '../logging/logger';
import { PgSessionStore } from './session-store';

declare module 'express-session' {
  interface SessionData {
    /** Set at login, on a freshly regenerated session. */
    userId?: string;
    /** The synchronizer token every state-changing request of this session must echo. */
    csrfToken?: string;
    /** Epoch ms of the login, for the audit trail of logout. */
    loggedInAt?: number;
  }
}

export interface SessionOptions {
  db: Db;
  auth: AuthSettings;
  https: boolean;
  logger: Logger;
}

export function sessionCookieName(https: boolean): string {
  // __Host-: the browser accepts it only with Secure, Path=/ and no Domain, so no sibling host can plant it.
  return https ? '__Host-inbox.sid' : 'inbox.sid';
}

/** SESSION_SECRET, or outside production (config refuses production without a strong one) a random one. */
export function sessionSecretOf(auth: AuthSettings, logger: Logger): string {
  if (auth.sessionSecret) return auth.sessionSecret;
  logger.warn('SESSION_SECRET is not set: using a random secret; sessions end when this process does');
  return randomBytes(32).toString('base64url');
}

export function sessionMiddleware(options: SessionOptions & { secret: string }): RequestHandler {
  const secret = options.secret;
  return session({
    name: sessionCookieName(options.https),
    secret,
    store: new PgSessionStore(options.db, {
      idleMs: options.auth.sessionIdleMs,
      maxMs: options.auth.sessionMaxMs,
    }),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    unset: 'destroy',
    // An https APP_BASE_URL served by this plain-HTTP process means a TLS proxy in front: trust its
    // X-Forwarded-Proto for the Secure cookie (the proxy must send it).
    proxy: options.https ? true : undefined,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.https,
      path: '/',
      maxAge: options.auth.sessionIdleMs,
    },
  });
}
