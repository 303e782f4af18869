/**
 * Who is calling: a bearer API token (scripts, BI tools) or a browser session. A request carrying an
 * Authorization header is judged on that header alone, never on a cookie beside it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Db } from '../db';
import { ForbiddenError, HttpError, UnauthorizedError } from '../http/errors';
import { authenticateApiToken, bearerToken, hasAuthorizationHeader } from './api-tokens';
import { rememberReturnPath } from './login-csrf';
import { findActiveUser } from './repository';

/** Resolves res.locals.principal when the request proves someone; never refuses by itself. */
export function resolvePrincipal(db: Db): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (hasAuthorizationHeader(req)) {
      const token = bearerToken(req);
      const principal = token ? await authenticateApiToken(db, token) : undefined;
      if (!principal) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="api"');
        throw new UnauthorizedError();
      }
      res.locals.principal = principal;
      next();
      return;
    }
    const userId = req.session?.userId;
    if (userId) {
      const user = await findActiveUser(db, userId);
      if (user) res.locals.principal = { userId: user.id, role: user.role, via: 'session' };
      else
        await new Promise<void>((resolve, reject) =>
          req.session.destroy((err) => (err ? reject(err) : resolve())),
        );
    }
    next();
  };
}

/** 401 for API callers without a session or token, with the Bearer challenge. */
export function requireAuthenticated(): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    if (!res.locals.principal) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="api"');
      throw new UnauthorizedError('log in, or send an API token');
    }
    next();
  };
}

/**
 * Pages: a browser without a session is sent to the login page. The page it wanted is remembered in
 * a cookie (never the URL, never a session row) when it is a safe inbox path, e.g. a Slack alert's
 * "Open in inbox".
 */
export function requireLoginPage(https: boolean): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (res.locals.principal) {
      next();
      return;
    }
    if (req.method === 'GET' && req.accepts(['html', 'json']) === 'html') {
      rememberReturnPath(res, req.originalUrl, https);
      res.redirect(303, '/login');
      return;
    }
    throw new UnauthorizedError('please log in');
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class CsrfError extends HttpError {
  constructor() {
    super(403, 'csrf', 'this form has expired or did not come from the inbox; reload the page and try again');
  }
}

/** The session's CSRF token, made on first need. */
export function csrfTokenOf(req: Request): string {
  req.session.csrfToken ??= randomBytes(32).toString('base64url');
  return req.session.csrfToken;
}

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The token a request sends: X-CSRF-Token header (scripts in the page) or a `_csrf` form field. */
function sentCsrfToken(req: Request): string | undefined {
  const header = req.get('x-csrf-token');
  if (header) return header;
  const field = (req.body as Record<string, unknown> | undefined)?._csrf;
  return typeof field === 'string' ? field : undefined;
}

export function checkCsrf(req: Request): void {
  if (!sameToken(req.session?.csrfToken, sentCsrfToken(req))) throw new CsrfError();
}

/**
 * Session-authenticated state changes must echo the session's CSRF token. Bearer-token calls are
 * exempt: a browser never attaches an Authorization header on its own.
 */
export function requireCsrfForSessions(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!SAFE_METHODS.has(req.method) && res.locals.principal?.via === 'session') checkCsrf(req);
    next();
  };
}

/**
 * For mounted apps that cannot send our token (bull-board's own UI): a session's state change must
 * come from a page of this origin, which browsers state in the Origin header.
 */
export function requireSameOriginForSessions(appBaseUrl: string | undefined): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method) || res.locals.principal?.via !== 'session') {
      next();
      return;
    }
    const origin = req.get('origin');
    const allowed = new Set([`${req.protocol}://${req.get('host')}`]);
    if (appBaseUrl) allowed.add(new URL(appBaseUrl).origin);
    if (!origin || !allowed.has(origin)) throw new CsrfError();
    next();
  };
}

/**
 * Pages are for people in a browser: an API token (made for scripts and BI tools) opens /api and
 * report exports only.
 */
export function requireBrowserSession(): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    if (res.locals.principal?.via === 'api_token') {
      throw new ForbiddenError('API tokens open /api and report exports; use the inbox in a browser');
    }
    next();
  };
}
