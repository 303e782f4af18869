import type { Request, Response } from 'express';
import { csrfTokenOf } from '../auth/authenticate';
import { principalOf } from '../auth/principal';
import type { Db } from '../db';
import type { UserRole } from '../db/schema';
import { UnauthorizedError } from './errors';

export interface PageContext {
  user: { id: string; name: string; role: UserRole };
  csrfToken: string;
}

/** Who is looking at a page, with the session's CSRF token for its forms and scripts. */
export async function pageContextOf(db: Db, req: Request, res: Response): Promise<PageContext> {
  const principal = principalOf(res);
  const row = await db
    .selectFrom('users')
    .select(['display_name'])
    .where('id', '=', principal.userId)
    .executeTakeFirst();
  if (!row) throw new UnauthorizedError('please log in');
  return {
    user: { id: principal.userId, name: row.display_name, role: principal.role },
    csrfToken: csrfTokenOf(req),
  };
}
