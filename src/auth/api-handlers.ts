/** Thin handlers of /api/session, /api/tokens and /api/users. */
import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { Db } from '../db';
import { BadRequestError, NotFoundError } from '../http/errors';
import { csrfTokenOf } from './authenticate';
import { permissionsOf } from './permissions';
import { principalOf } from './principal';
import { findActiveUser, listApiTokensOf, listUsers } from './repository';
import { createOwnToken, revokeOwnToken } from './tokens';
import { AccountError, createUser, setUserEnabled } from './users';

const Id = z.uuid();
const MAX_TOKEN_DAYS = 3650;

const NewTokenBody = z.object({
  name: z.string().trim().min(1).max(200),
  expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).optional(),
});

const NewUserBody = z.object({
  email: z.string().max(320),
  displayName: z.string().max(200),
  role: z.string().max(20),
});

function badRequest(error: z.ZodError): BadRequestError {
  return new BadRequestError('invalid request', {
    issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}

function idParam(req: Request, what: string): string {
  const parsed = Id.safeParse(req.params.id);
  if (!parsed.success) throw new NotFoundError(`${what} not found`);
  return parsed.data;
}

/** Who am I, what may I do, and (for a session) the CSRF token scripts in the page send back. */
export function sessionInfoHandler(db: Db): RequestHandler {
  return async (req: Request, res: Response) => {
    const principal = principalOf(res);
    const user = await findActiveUser(db, principal.userId);
    if (!user) throw new NotFoundError('user not found');
    res.json({
      user: { id: user.id, role: user.role, displayName: user.displayName },
      via: principal.via,
      permissions: permissionsOf(user.role),
      ...(principal.via === 'session' ? { csrfToken: csrfTokenOf(req) } : {}),
    });
  };
}

export function listTokensHandler(db: Db): RequestHandler {
  return async (_req: Request, res: Response) => {
    res.json({ items: await listApiTokensOf(db, principalOf(res).userId) });
  };
}

export function createTokenHandler(db: Db): RequestHandler {
  return async (req: Request, res: Response) => {
    const parsed = NewTokenBody.safeParse(req.body ?? {});
    if (!parsed.success) throw badRequest(parsed.error);
    const { name, expiresInDays } = parsed.data;
    const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : undefined;
    const created = await createOwnToken(db, principalOf(res).userId, { name, expiresAt });
    res.status(201).json({ ...created, name, expiresAt: expiresAt ?? null });
  };
}

export function revokeTokenHandler(db: Db): RequestHandler {
  return async (req: Request, res: Response) => {
    const tokenId = idParam(req, 'token');
    // Someone else's token answers exactly like an unknown one.
    if (!(await revokeOwnToken(db, principalOf(res).userId, tokenId)))
      throw new NotFoundError('token not found');
    res.status(204).end();
  };
}

export function listUsersHandler(db: Db): RequestHandler {
  return async (_req: Request, res: Response) => {
    res.json({ items: await listUsers(db) });
  };
}

/** Admins create accounts with a generated password, shown once in this answer. */
export function createUserHandler(db: Db): RequestHandler {
  return async (req: Request, res: Response) => {
    const parsed = NewUserBody.safeParse(req.body ?? {});
    if (!parsed.success) throw badRequest(parsed.error);
    try {
      const created = await createUser(
        db,
        { ...parsed.data, role: parsed.data.role as never },
        `user:${principalOf(res).userId}`,
      );
      res.status(201).json({ id: created.userId, email: created.email, password: created.generatedPassword });
    } catch (err) {
      if (err instanceof AccountError) throw new BadRequestError(err.message);
      throw err;
    }
  };
}

export function setUserEnabledHandler(db: Db, enabled: boolean): RequestHandler {
  return async (req: Request, res: Response) => {
    const userId = idParam(req, 'user');
    if (!(await setUserEnabled(db, userId, enabled, `user:${principalOf(res).userId}`))) {
      throw new NotFoundError('user not found');
    }
    res.status(204).end();
  };
}
