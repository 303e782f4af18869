/** Thin handlers of the login page, login and logout. */
import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { recordEvent } from '../audit';
import type { Db } from '../db';
import { csrfTokenOf, CsrfError, checkCsrf } from './authenticate';
import { takeReturnPath, type LoginCsrf } from './login-csrf';
import type { CheckLogin } from './login';
import { renderLoginPage } from './login-page';
import { permissionsOf } from './permissions';
import { HttpError } from '../http/errors';
import { pruneExpiredSessions } from './session-store';

export interface LoginHandlerDeps {
  db: Db;
  checkLogin: CheckLogin;
  loginCsrf: LoginCsrf;
  /** Clears the (account, address) failure count after a success. */
  forgetFailures: (req: Request) => Promise<void>;
  sessionMaxMs: number;
  lockoutMinutes: number;
}

const LoginBody = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

/** The same words for every failure, so the page tells nobody which accounts exist or are locked. */
export function loginFailedMessage(deps: Pick<LoginHandlerDeps, 'lockoutMinutes'>): string {
  return `Email or password is wrong. Too many wrong passwords lock the account for ${deps.lockoutMinutes} minutes.`;
}

const wantsJson = (req: Request) => req.is('application/json') === 'application/json';

/** A failed login: the page again with the email kept and an error, or the JSON error shape. */
export function answerLoginError(req: Request, res: Response, error: HttpError, csrf: LoginCsrf): void {
  if (wantsJson(req)) {
    res
      .status(error.status)
      .json({ error: { code: error.code, message: error.message, requestId: res.locals.requestId } });
    return;
  }
  const email = typeof req.body?.email === 'string' ? req.body.email.slice(0, 320) : undefined;
  res
    .status(error.status)
    .type('html')
    .send(renderLoginPage({ csrfToken: csrf.tokenFor(req, res), email, error: error.message }));
}

const sessionCall = (req: Request, method: 'regenerate' | 'save' | 'destroy') =>
  new Promise<void>((resolve, reject) =>
    req.session[method]((err: unknown) => (err ? reject(err) : resolve())),
  );

/** A refused (account, address) pair: audited (no email: the actor is unknown here), then answered. */
export function answerLoginThrottled(db: Db, csrf: LoginCsrf) {
  return (req: Request, res: Response, error: HttpError): void => {
    recordEvent(db, {
      actor: 'anonymous',
      action: 'auth.login_throttled',
      data: { ip: req.ip ?? null },
    }).then(
      () => answerLoginError(req, res, error, csrf),
      (err: unknown) => {
        res.locals.log?.error({ errorKind: (err as Error)?.name }, 'audit of a throttled login failed');
        answerLoginError(req, res, error, csrf);
      },
    );
  };
}

export function loginPageHandler(csrf: LoginCsrf): RequestHandler {
  return (req: Request, res: Response) => {
    if (res.locals.principal?.via === 'session') {
      res.redirect(303, '/');
      return;
    }
    res.type('html').send(renderLoginPage({ csrfToken: csrf.tokenFor(req, res) }));
  };
}

/** The login form must echo the token of its signed double-submit cookie (./login-csrf). */
export function requireLoginFormToken(csrf: LoginCsrf): RequestHandler {
  return (req: Request, res: Response, next: () => void) => {
    if (!csrf.isValid(req)) return answerLoginError(req, res, new CsrfError(), csrf);
    next();
  };
}

/** Runs after requireLoginFormToken and the login limits. */
export function loginHandler(deps: LoginHandlerDeps): RequestHandler {
  return async (req: Request, res: Response) => {
    const parsed = LoginBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      return answerLoginError(
        req,
        res,
        new HttpError(400, 'bad_request', 'Enter your email and password.'),
        deps.loginCsrf,
      );
    }
    const outcome = await deps.checkLogin(parsed.data.email, parsed.data.password, { ip: req.ip });
    if (!outcome.ok) {
      return answerLoginError(
        req,
        res,
        new HttpError(401, 'login_failed', loginFailedMessage(deps)),
        deps.loginCsrf,
      );
    }
    // The inbox page asked for before login, if any (checked again: a cookie may come from anyone).
    const returnTo = takeReturnPath(req, res);
    deps.loginCsrf.forget(res);
    // A new session id at login: an id planted before login (session fixation) is worth nothing after.
    await sessionCall(req, 'regenerate');
    req.session.userId = outcome.userId;
    req.session.loggedInAt = Date.now();
    const csrfToken = csrfTokenOf(req);
    await sessionCall(req, 'save');
    await recordEvent(deps.db, {
      actor: `user:${outcome.userId}`,
      action: 'auth.login',
      data: { ip: req.ip ?? null },
    });
    await deps.forgetFailures(req);
    await pruneExpiredSessions(deps.db, deps.sessionMaxMs);
    res.locals.principal = { userId: outcome.userId, role: outcome.role, via: 'session' };
    if (wantsJson(req)) {
      res.json({
        user: { id: outcome.userId, role: outcome.role },
        permissions: permissionsOf(outcome.role),
        csrfToken,
      });
      return;
    }
    res.redirect(303, returnTo ?? '/');
  };
}

export function logoutHandler(deps: { db: Db; cookieName: string }): RequestHandler {
  return async (req: Request, res: Response) => {
    const principal = res.locals.principal;
    if (principal?.via === 'session') {
      checkCsrf(req);
      await recordEvent(deps.db, {
        actor: `user:${principal.userId}`,
        action: 'auth.logout',
        data: {
          sessionMinutes: req.session.loggedInAt
            ? Math.round((Date.now() - req.session.loggedInAt) / 60_000)
            : null,
        },
      });
      await sessionCall(req, 'destroy');
    }
    res.clearCookie(deps.cookieName, { path: '/' });
    if (wantsJson(req)) {
      res.status(204).end();
      return;
    }
    res.redirect(303, '/login');
  };
}
