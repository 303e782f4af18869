/**
 * Before login there is no session (and no session row: anonymous visitors write nothing), so the
 * login form is protected by csrf-csrf's signed double-submit cookie instead: an HMAC token, keyed
 * with SESSION_SECRET, in an HttpOnly SameSite=Strict cookie and echoed in the form. The page a
 * browser wanted before logging in waits in a cookie of its own, checked again when it is used.
 */
import type { CookieOptions, Request, Response } from 'express';
import { doubleCsrf } from 'csrf-csrf';

export interface LoginCsrf {
  /** The token for the form (reusing the browser's cookie when it is still valid). */
  tokenFor(req: Request, res: Response): string;
  /** Whether the request echoes a token matching its cookie. */
  isValid(req: Request): boolean;
  /** After login: the session's own token takes over. */
  forget(res: Response): void;
}

export function loginCsrf(secret: string, https: boolean): LoginCsrf {
  const cookieName = https ? '__Host-inbox.login-csrf' : 'inbox.login-csrf';
  const cookieOptions: CookieOptions = { sameSite: 'strict', path: '/', secure: https, httpOnly: true };
  const { generateCsrfToken, validateRequest } = doubleCsrf({
    getSecret: () => secret,
    // Nothing identifies an anonymous browser; the signed cookie is what ties the form to it.
    getSessionIdentifier: () => 'login',
    cookieName,
    cookieOptions,
    getCsrfTokenFromRequest: (req) => {
      const field = (req.body as Record<string, unknown> | undefined)?._csrf;
      return typeof field === 'string' ? field : req.get('x-csrf-token');
    },
  });
  return {
    tokenFor: (req, res) => generateCsrfToken(req, res, { validateOnReuse: false }),
    isValid: (req) => {
      try {
        return validateRequest(req);
      } catch {
        return false;
      }
    },
    forget: (res) => void res.clearCookie(cookieName, cookieOptions),
  };
}

/**
 * Where login may send a browser back to: an inbox path of ids and plain words only, same origin,
 * no query string (a search could carry a patient's name). Anything else is no return path at all,
 * so the cookie can never become an open redirect.
 */
export function safeReturnPath(path: unknown): string | undefined {
  if (typeof path !== 'string' || path.length > 200) return undefined;
  return /^\/inbox(\/[A-Za-z0-9_-]+)*\/?$/.test(path) ? path : undefined;
}

const RETURN_COOKIE = 'inbox.return';
const RETURN_MAX_AGE_MS = 15 * 60_000;

/** Remembers a safe inbox path for after login (a Slack alert's "Open in inbox"). */
export function rememberReturnPath(res: Response, path: string, https: boolean): void {
  const safe = safeReturnPath(path);
  if (!safe) return;
  res.cookie(RETURN_COOKIE, safe, {
    httpOnly: true,
    sameSite: 'lax',
    secure: https,
    path: '/',
    maxAge: RETURN_MAX_AGE_MS,
  });
}

/** The remembered path, checked again (a cookie can be set by others), and forgotten. */
export function takeReturnPath(req: Request, res: Response): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[RETURN_COOKIE];
  if (value === undefined) return undefined;
  res.clearCookie(RETURN_COOKIE, { path: '/' });
  return safeReturnPath(value);
}
