/** Kysely queries of accounts, sessions and tokens; each takes the db (or a transaction) first. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, Db } from '../db';
import type { UserRole } from '../db/schema';

type Conn = Kysely<Database> | Transaction<Database>;

export interface LoginCandidate {
  id: string;
  role: UserRole;
  passwordHash: string | null;
  lockedUntil: Date | null;
  disabled: boolean;
}

export async function findUserByEmail(db: Conn, email: string): Promise<LoginCandidate | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'role', 'password_hash', 'locked_until', 'disabled_at'])
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        role: row.role,
        passwordHash: row.password_hash,
        lockedUntil: row.locked_until,
        disabled: row.disabled_at !== null,
      }
    : undefined;
}

/** An enabled user's id and current role (a role change or a disable takes effect on the next request). */
export async function findActiveUser(
  db: Conn,
  userId: string,
): Promise<{ id: string; role: UserRole; displayName: string } | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'role', 'display_name'])
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row ? { id: row.id, role: row.role, displayName: row.display_name } : undefined;
}

/**
 * Counts one wrong password; at `maxFailures` in a row the account is locked until now + lockoutMs
 * and the count starts again. One statement, so two concurrent failures both count.
 */
export async function recordFailedLogin(
  db: Conn,
  userId: string,
  limits: { maxFailures: number; lockoutMs: number },
): Promise<{ lockedNow: boolean; lockedUntil: Date | null }> {
  const row = await db
    .updateTable('users')
    .set({
      failed_login_count: sql<number>`case when failed_login_count + 1 >= ${limits.maxFailures} then 0 else failed_login_count + 1 end`,
      locked_until: sql<Date | null>`case when failed_login_count + 1 >= ${limits.maxFailures}
        then now() + make_interval(secs => ${limits.lockoutMs / 1000}) else locked_until end`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', userId)
    .returning(['failed_login_count', 'locked_until'])
    .executeTakeFirstOrThrow();
  const lockedNow =
    row.failed_login_count === 0 && row.locked_until !== null && row.locked_until > new Date();
  return { lockedNow, lockedUntil: row.locked_until };
}

export async function clearFailedLogins(db: Conn, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_login_count: 0, locked_until: null })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('failed_login_count', '>', 0), eb('locked_until', 'is not', null)]))
    .execute();
}

export async function insertUser(
  db: Conn,
  user: { email: string; displayName: string; role: UserRole; passwordHash: string },
): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({
      email: user.email,
      display_name: user.displayName,
      role: user.role,
      password_hash: user.passwordHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function emailTaken(db: Conn, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

/** Sets or clears disabled_at; returns false when there is no such user. */
export async function setUserDisabled(db: Conn, userId: string, disabled: boolean): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ disabled_at: disabled ? sql<Date>`now()` : null, updated_at: sql<Date>`now()` })
    .where('id', '=', userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteSessionsOfUser(db: Conn, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Revokes every live token of a user (on disable); returns how many. */
export async function revokeAllApiTokensOf(db: Conn, userId: string): Promise<number> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** A user's tokens, newest first; never the hash. */
export async function listApiTokensOf(db: Db, userId: string): Promise<ApiTokenSummary[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'token_prefix', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.token_prefix,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
  }));
}

/** Revokes one of the user's own live tokens; false when it is not theirs, unknown or already revoked. */
export async function revokeOwnApiToken(db: Conn, userId: string, tokenId: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: sql<Date>`now()` })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  disabled: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
}

export async function listUsers(db: Conn): Promise<UserSummary[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role', 'disabled_at', 'locked_until', 'created_at'])
    .orderBy(sql`lower(email)`)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    disabled: r.disabled_at !== null,
    lockedUntil: r.locked_until && r.locked_until > new Date() ? r.locked_until : null,
    createdAt: r.created_at,
  }));
}
