/**
 * API tokens for scripts and BI tools: `Authorization: Bearer TOKEN` on /api/* with the token owner's
 * role. Only a SHA-256 of each token is stored, so a database read does not hand out logins; a
 * plain hash (not argon2) is right here because tokens are 256 random bits, not guessable passwords,
 * and every API call has to check one.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Request } from 'express';
import type { Db } from '../db';
import type { Principal } from './principal';

export { principalOf, type Principal } from './principal';

const TOKEN_PREFIX = 'idt_';
/** idt_ + 43 base64url characters (32 random bytes). */
const TOKEN_SHAPE = /^idt_[A-Za-z0-9_-]{43}$/;
/** last_used_at is for "is this token still in use"; a minute's precision saves a write per call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface CreatedApiToken {
  id: string;
  /** Shown once; only its hash is kept. */
  token: string;
  prefix: string;
}

/** Creates a token for a user; the plain token is returned here and nowhere else, ever. */
export async function createApiToken(
  db: Db,
  userId: string,
  name: string,
  options: { expiresAt?: Date } = {},
): Promise<CreatedApiToken> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  const row = await db
    .insertInto('api_tokens')
    .values({
      user_id: userId,
      name,
      token_hash: hashApiToken(token),
      token_prefix: prefix,
      expires_at: options.expiresAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token, prefix };
}

/** Revokes a token; returns false when there was no such live token. */
export async function revokeApiToken(db: Db, tokenId: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', tokenId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * The principal behind a token, or undefined when the token is unknown, revoked, expired, or its
 * owner is disabled. The caller cannot tell these apart, on purpose.
 */
export async function authenticateApiToken(db: Db, token: string): Promise<Principal | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id as tokenId', 'api_tokens.last_used_at', 'users.id as userId', 'users.role'])
    .where('api_tokens.token_hash', '=', hashApiToken(token))
    .where('api_tokens.revoked_at', 'is', null)
    .where((eb) =>
      eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', new Date())]),
    )
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const now = Date.now();
  if (!row.last_used_at || now - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: new Date(now) })
      .where('id', '=', row.tokenId)
      .execute();
  }
  return { userId: row.userId, role: row.role, via: 'api_token', tokenId: row.tokenId };
}

/** The token of an `Authorization: Bearer TOKEN` header; undefined without one. */
export function bearerToken(req: Request): string | undefined {
  const header = req.get('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/** Whether the request carries an Authorization header at all (a wrong one never falls back to a session). */
export function hasAuthorizationHeader(req: Request): boolean {
  return req.get('authorization') !== undefined;
}
