/** Per-user API tokens: create (shown once), list, revoke; each change is an audit event. */
import { recordEvent } from '../audit';
import type { Db } from '../db';
import { createApiToken } from './api-tokens';
import { revokeOwnApiToken } from './repository';

export async function createOwnToken(
  db: Db,
  userId: string,
  input: { name: string; expiresAt?: Date },
): Promise<{ id: string; token: string; prefix: string }> {
  return db.transaction().execute(async (trx) => {
    const created = await createApiToken(trx, userId, input.name, { expiresAt: input.expiresAt });
    await recordEvent(trx, {
      actor: `user:${userId}`,
      action: 'auth.token_created',
      data: {
        tokenId: created.id,
        prefix: created.prefix,
        expiresAt: input.expiresAt?.toISOString() ?? null,
      },
    });
    return created;
  });
}

export async function revokeOwnToken(db: Db, userId: string, tokenId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await revokeOwnApiToken(trx, userId, tokenId))) return false;
    await recordEvent(trx, { actor: `user:${userId}`, action: 'auth.token_revoked', data: { tokenId } });
    return true;
  });
}
