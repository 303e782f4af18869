/**
 * Checking a password. Every failure looks the same to the caller (unknown email, wrong password,
 * disabled or locked account) and takes about the same time: an unknown email still costs one
 * argon2 verification, against a dummy hash made with the same parameters.
 */
import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { recordEvent } from '../audit';
import type { Db } from '../db';
import type { UserRole } from '../db/schema';
import { clearFailedLogins, findUserByEmail, recordFailedLogin } from './repository';

export const ARGON2_OPTIONS = { type: argon2.argon2id } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export interface LoginLimits {
  maxFailures: number;
  lockoutMs: number;
}

export type LoginOutcome =
  | { ok: true; userId: string; role: UserRole }
  | { ok: false; reason: 'unknown_user' | 'no_password' | 'disabled' | 'locked' | 'wrong_password' };

/** The dummy hash for unknown emails, made once per checker (not per module) and only when first needed. */
export function createPasswordChecker(db: Db, limits: LoginLimits) {
  let dummyHash: Promise<string> | undefined;
  const burnTime = async (password: string) => {
    dummyHash ??= hashPassword(randomBytes(18).toString('base64url'));
    await argon2.verify(await dummyHash, password).catch(() => false);
  };

  return async function checkLogin(
    email: string,
    password: string,
    client: { ip?: string },
  ): Promise<LoginOutcome> {
    const user = await findUserByEmail(db, email);
    const fail = async (reason: Exclude<LoginOutcome, { ok: true }>['reason']): Promise<LoginOutcome> => {
      await recordEvent(db, {
        actor: user ? `user:${user.id}` : 'anonymous',
        action: 'auth.login_failed',
        // Never the typed email or password: an unknown "email" may be a password typed in the wrong box.
        data: { reason, ip: client.ip ?? null },
      });
      return { ok: false, reason };
    };

    if (!user || !user.passwordHash || user.disabled) {
      await burnTime(password);
      return fail(!user ? 'unknown_user' : user.disabled ? 'disabled' : 'no_password');
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      // Not even a right password gets in while locked, so guessing gains nothing from the lock.
      await burnTime(password);
      return fail('locked');
    }
    const matches = await argon2.verify(user.passwordHash, password).catch(() => false);
    if (!matches) {
      const outcome = await fail('wrong_password');
      const { lockedNow, lockedUntil } = await recordFailedLogin(db, user.id, limits);
      if (lockedNow) {
        await recordEvent(db, {
          actor: `user:${user.id}`,
          action: 'auth.locked',
          data: {
            until: lockedUntil?.toISOString() ?? null,
            failures: limits.maxFailures,
            ip: client.ip ?? null,
          },
        });
      }
      return outcome;
    }
    await clearFailedLogins(db, user.id);
    return { ok: true, userId: user.id, role: user.role };
  };
}

export type CheckLogin = ReturnType<typeof createPasswordChecker>;
