/**
 * Accounts and access, as the web app mounts them:
 *   every request          session cookie → res.locals.principal (or a bearer token, which wins)
 *   GET  /login             the login page (with the form's CSRF token)
 *   POST /login             email + password → a new session; limited per (account, address) and per
 *                           account, slowed (never refused) when everyone together fails too often
 *   POST /logout            ends the session
 *   /api/*                  session or bearer token required; session state changes need the CSRF token
 *   GET  /api/session       who am I, my permissions, my CSRF token
 *   GET|POST /api/tokens, DELETE /api/tokens/:id          own API tokens        (tokens.manage_own)
 *   GET|POST /api/users, POST /api/users/:id/disable|enable  accounts          (users.manage)
 * Pages and the other features guard themselves with requirePermission() from ./permissions.
 */
import cookieParser from 'cookie-parser';
import { Router, json, urlencoded, type RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import type { AuthSettings } from '../config';
import type { Db } from '../db';
import type { Logger } from '../logging/logger';
import {
  createTokenHandler,
  createUserHandler,
  listTokensHandler,
  listUsersHandler,
  revokeTokenHandler,
  sessionInfoHandler,
  setUserEnabledHandler,
} from './api-handlers';
import {
  requireAuthenticated,
  requireBrowserSession,
  requireCsrfForSessions,
  requireLoginPage,
  requireSameOriginForSessions,
  resolvePrincipal,
} from './authenticate';
import { createPasswordChecker } from './login';
import {
  answerLoginThrottled,
  loginHandler,
  loginPageHandler,
  logoutHandler,
  requireLoginFormToken,
} from './login-handlers';
import { requirePermission } from './permissions';
import { loginLimits } from './rate-limit';
import { loginCsrf } from './login-csrf';
import { sessionCookieName, sessionMiddleware, sessionSecretOf } from './session';

export { requirePermission } from './permissions';

export interface AuthDeps {
  db: Db;
  redis: Redis;
  logger: Logger;
  auth: AuthSettings;
  appBaseUrl?: string;
  /** Namespaces the shared login-failure counters in Redis, like the queues. */
  redisPrefix: string;
}

export interface Auth {
  /** Before every route that may be called by a person: loads the session and the principal. */
  identify: RequestHandler[];
  /** /login and /logout. */
  pages: Router;
  /** Mounted at /api before every API router. */
  apiGate: RequestHandler[];
  /** Mounted at /api: /session, /tokens, /users. */
  api: Router;
  /** For pages: a browser without a session goes to /login. */
  requireLogin: RequestHandler;
  /** For pages and their forms: a browser session (not an API token) and the CSRF token on changes. */
  requireCsrfForPages: RequestHandler[];
  /** For mounted apps (bull-board) that cannot send our CSRF token. */
  requireSameOrigin: RequestHandler;
}

export function createAuth(deps: AuthDeps): Auth {
  const https = deps.appBaseUrl?.startsWith('https://') ?? false;
  const cookieName = sessionCookieName(https);
  const secret = sessionSecretOf(deps.auth, deps.logger);
  const csrfBeforeLogin = loginCsrf(secret, https);
  const checkLogin = createPasswordChecker(deps.db, {
    maxFailures: deps.auth.accountMaxFailedLogins,
    lockoutMs: deps.auth.lockoutMs,
  });
  const limits = loginLimits(
    deps.redis,
    deps.redisPrefix,
    {
      maxFailures: deps.auth.maxFailedLogins,
      windowMs: deps.auth.lockoutMs,
      slowdownAfter: deps.auth.slowdownAfter,
      maxDelayMs: deps.auth.slowdownMaxDelayMs,
    },
    answerLoginThrottled(deps.db, csrfBeforeLogin),
    deps.logger,
  );

  const pages = Router();
  const form = [urlencoded({ extended: false, limit: '10kb' }), json({ limit: '10kb' })];
  // Unsigned cookies: the login CSRF cookie carries its own HMAC, the return path is re-checked.
  pages.use(['/login', '/logout'], cookieParser());
  pages.get('/login', loginPageHandler(csrfBeforeLogin));
  pages.post(
    '/login',
    ...form,
    // Before the limits: a forged form is no password guess, and never counts as one.
    requireLoginFormToken(csrfBeforeLogin),
    ...limits.middleware,
    loginHandler({
      db: deps.db,
      checkLogin,
      loginCsrf: csrfBeforeLogin,
      forgetFailures: limits.forgetFailures,
      sessionMaxMs: deps.auth.sessionMaxMs,
      lockoutMinutes: Math.round(deps.auth.lockoutMs / 60_000),
    }),
  );
  pages.post('/logout', ...form, logoutHandler({ db: deps.db, cookieName }));

  const api = Router();
  api.get('/session', sessionInfoHandler(deps.db));
  api.get('/tokens', requirePermission('tokens.manage_own'), listTokensHandler(deps.db));
  api.post('/tokens', requirePermission('tokens.manage_own'), createTokenHandler(deps.db));
  api.delete('/tokens/:id', requirePermission('tokens.manage_own'), revokeTokenHandler(deps.db));
  api.get('/users', requirePermission('users.manage'), listUsersHandler(deps.db));
  api.post('/users', requirePermission('users.manage'), createUserHandler(deps.db));
  api.post('/users/:id/disable', requirePermission('users.manage'), setUserEnabledHandler(deps.db, false));
  api.post('/users/:id/enable', requirePermission('users.manage'), setUserEnabledHandler(deps.db, true));

  return {
    identify: [
      sessionMiddleware({ db: deps.db, auth: deps.auth, https, logger: deps.logger, secret }),
      resolvePrincipal(deps.db),
    ],
    pages,
    apiGate: [requireAuthenticated(), requireCsrfForSessions()],
    api,
    requireLogin: requireLoginPage(https),
    requireCsrfForPages: [requireBrowserSession(), requireCsrfForSessions()],
    requireSameOrigin: requireSameOriginForSessions(deps.appBaseUrl),
  };
}
