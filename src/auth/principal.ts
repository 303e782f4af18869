import type { Response } from 'express';
import type { UserRole } from '../db/schema';
import { UnauthorizedError } from '../http/errors';

/** Who is calling, as established by authentication; handlers read it from res.locals.principal. */
export type Principal =
  | { userId: string; role: UserRole; via: 'api_token'; tokenId: string }
  | { userId: string; role: UserRole; via: 'session' };

/** The principal of an authenticated route; a missing one is a wiring mistake, answered as 401. */
export function principalOf(res: Response): Principal {
  const principal = res.locals.principal;
  if (!principal) throw new UnauthorizedError();
  return principal;
}
