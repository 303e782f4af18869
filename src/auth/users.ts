/** Account use cases, shared by the HTTP API and the `user:add` command line. */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { recordEvent } from '../audit';
import type { Db } from '../db';
import { USER_ROLES } from '../db/schema';
import { hashPassword } from './login';
import {
  deleteSessionsOfUser,
  emailTaken,
  insertUser,
  revokeAllApiTokensOf,
  setUserDisabled,
} from './repository';

/** NIST SP 800-63B: at least 8 characters; 12 here because these accounts open patient messages. */
export const MIN_PASSWORD_CHARS = 12;

export const NewUserInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'must be an email address' }).max(320)),
  displayName: z.string().trim().min(1, 'must not be empty').max(200),
  role: z.enum(USER_ROLES, { error: `must be one of ${USER_ROLES.join(', ')}` }),
  password: z
    .string()
    .min(MIN_PASSWORD_CHARS, `must be at least ${MIN_PASSWORD_CHARS} characters`)
    .max(1024)
    .optional(),
});
export type NewUserInput = z.input<typeof NewUserInput>;

export class AccountError extends Error {
  override name = 'AccountError';
}

/** 18 random bytes: 24 URL-safe characters, easy to paste, far beyond guessing. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * Creates an account. Returns the password only when it was generated here (to be shown once).
 * Throws AccountError with a message naming the bad field, never echoing a password.
 */
export async function createUser(
  db: Db,
  input: NewUserInput,
  actor: string,
): Promise<{ userId: string; email: string; generatedPassword?: string }> {
  const parsed = NewUserInput.safeParse(input);
  if (!parsed.success) {
    throw new AccountError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'input'} ${i.message}`).join('; '),
    );
  }
  const { email, displayName, role } = parsed.data;
  if (await emailTaken(db, email)) throw new AccountError(`a user with email ${email} already exists`);
  const generatedPassword = parsed.data.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(parsed.data.password ?? generatedPassword!);
  const userId = await db.transaction().execute(async (trx) => {
    const id = await insertUser(trx, { email, displayName, role, passwordHash });
    await recordEvent(trx, { actor, action: 'auth.user_created', data: { userId: id, role } });
    return id;
  });
  return { userId, email, generatedPassword };
}

/**
 * Disables (or re-enables) an account. Disabling ends its sessions at once (and so its live event
 * streams, see src/inbox/live) and revokes its API tokens for good; re-enabling restores neither.
 */
export async function setUserEnabled(
  db: Db,
  userId: string,
  enabled: boolean,
  actor: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await setUserDisabled(trx, userId, !enabled))) return false;
    const endedSessions = enabled ? 0 : await deleteSessionsOfUser(trx, userId);
    // Revoked, not just refused while disabled: enabling the account again must not revive them.
    const revokedTokens = enabled ? 0 : await revokeAllApiTokensOf(trx, userId);
    await recordEvent(trx, {
      actor,
      action: enabled ? 'auth.user_enabled' : 'auth.user_disabled',
      data: enabled ? { userId, endedSessions } : { userId, endedSessions, revokedTokens },
    });
    return true;
  });
}
