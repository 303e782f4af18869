import type { UserRole } from '../../db';

/** The person acting, as the page context knows them. */
export interface Actor {
  id: string;
  role: UserRole;
}

export const actorOf = (user: Actor) => `user:${user.id}`;
