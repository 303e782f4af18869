/**
 * express-session's store over the `sessions` table. The cookie carries the session id; the table
 * keys rows by its SHA-256, so reading the table does not hand out logins (as for API tokens).
 * A row ends at expires_at (idle timeout, pushed forward by use) or maxAge after it was created
 * (absolute limit), whichever comes first.
 */
import { createHash } from 'node:crypto';
import session from 'express-session';
import { sql } from 'kysely';
import type { Db } from '../db';

/** expires_at and last_seen_at move at most once a minute: one write per minute per user, not per request. */
const TOUCH_RESOLUTION_MS = 60_000;

export function hashSessionId(sid: string): string {
  return createHash('sha256').update(sid, 'utf8').digest('hex');
}

export interface PgSessionStoreOptions {
  idleMs: number;
  maxMs: number;
}

type Callback<T = void> = (err?: unknown, value?: T) => void;

export class PgSessionStore extends session.Store {
  constructor(
    private readonly db: Db,
    private readonly options: PgSessionStoreOptions,
  ) {
    super();
  }

  private expiresAt(sess: session.SessionData): Date {
    const cookieExpiry = sess.cookie?.expires ? new Date(sess.cookie.expires) : undefined;
    return cookieExpiry ?? new Date(Date.now() + this.options.idleMs);
  }

  get(sid: string, callback: Callback<session.SessionData | null>): void {
    this.db
      .selectFrom('sessions')
      .select('data')
      .where('id', '=', hashSessionId(sid))
      .where('expires_at', '>', sql<Date>`now()`)
      .where('created_at', '>', sql<Date>`now() - make_interval(secs => ${this.options.maxMs / 1000})`)
      .executeTakeFirst()
      .then((row) => callback(undefined, row ? (row.data as unknown as session.SessionData) : null))
      .catch((err: unknown) => callback(err));
  }

  set(sid: string, sess: session.SessionData, callback?: Callback): void {
    const data = JSON.stringify(sess);
    const expiresAt = this.expiresAt(sess);
    this.db
      .insertInto('sessions')
      .values({ id: hashSessionId(sid), user_id: sess.userId ?? null, data, expires_at: expiresAt })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          user_id: sess.userId ?? null,
          data,
          expires_at: expiresAt,
          last_seen_at: new Date(),
        }),
      )
      .execute()
      .then(() => callback?.())
      .catch((err: unknown) => callback?.(err));
  }

  override touch(sid: string, sess: session.SessionData, callback?: Callback): void {
    this.db
      .updateTable('sessions')
      .set({ expires_at: this.expiresAt(sess), last_seen_at: sql<Date>`now()` })
      .where('id', '=', hashSessionId(sid))
      .where('last_seen_at', '<', new Date(Date.now() - TOUCH_RESOLUTION_MS))
      .execute()
      .then(() => callback?.())
      .catch((err: unknown) => callback?.(err));
  }

  destroy(sid: string, callback?: Callback): void {
    this.db
      .deleteFrom('sessions')
      .where('id', '=', hashSessionId(sid))
      .execute()
      .then(() => callback?.())
      .catch((err: unknown) => callback?.(err));
  }
}

/** Removes expired rows; called on each login so the table never grows without bound. */
export async function pruneExpiredSessions(db: Db, maxMs: number): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', sql<Date>`now()`),
        eb('created_at', '<=', sql<Date>`now() - make_interval(secs => ${maxMs / 1000})`),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
