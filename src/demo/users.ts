import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { sql } from 'kysely';
import { createApiToken } from '../auth/api-tokens';
import type { Db } from '../db';
import { USER_ROLES, type UserRole } from '../db/schema';

export interface DemoLogin {
  role: UserRole;
  email: string;
  password: string;
  token: string;
}

const DEMO_TOKEN_NAME = 'demo';

/**
 * One user per role, with a fresh random password and API token on every run: the demo database
 * may persist under .data/, but a printed credential is only good until the next run.
 * Passwords are stored as argon2id hashes, tokens as SHA-256 (see auth/api-tokens).
 */
export async function seedDemoUsers(db: Db): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  for (const role of USER_ROLES) {
    const email = `${role}@demo.example.org`;
    const password = randomBytes(12).toString('base64url');
    const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
    const user = await db
      .insertInto('users')
      .values({ email, display_name: `Demo ${role}`, role, password_hash: passwordHash })
      .onConflict((oc) =>
        oc
          .expression(sql`lower(email)`)
          .doUpdateSet({ password_hash: passwordHash, role, disabled_at: null, updated_at: new Date() }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', user.id)
      .where('name', '=', DEMO_TOKEN_NAME)
      .where('revoked_at', 'is', null)
      .execute();
    const { token } = await createApiToken(db, user.id, DEMO_TOKEN_NAME);
    logins.push({ role, email, password, token });
  }
  return logins;
}

/** The demo's printed form: `Login ROLE: EMAIL PASSWORD` and `API token ROLE: TOKEN` per user. */
export function formatLogins(logins: readonly DemoLogin[]): string[] {
  return logins.flatMap((l) => [
    `Login ${l.role}: ${l.email} ${l.password}`,
    `API token ${l.role}: ${l.token}`,
  ]);
}
