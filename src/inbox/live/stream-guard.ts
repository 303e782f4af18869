/**
 * Who may keep a live stream open. A Server-Sent Events response outlives the request that checked
 * its session, so every few seconds this process asks PostgreSQL, in one query for all its streams,
 * whether each stream's session is still there, unexpired, and its user still enabled: logging out
 * (the row is deleted), the idle or absolute timeout, and disabling the user (its sessions are deleted)
 * all end the stream within one check, on whichever web process holds it.
 * Streams per session are capped through Redis (a sorted set of stream ids scored by expiry, renewed
 * at each check), so opening 200 tabs, or 200 connections from a script, holds at most the cap,
 * across all web processes; a crashed process's entries simply expire.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Redis } from 'ioredis';
import type { Db } from '../../db';
import type { Logger } from '../../logging/logger';

export interface StreamGuardOptions {
  db: Db;
  redis: Redis;
  prefix: string;
  logger: Logger;
  /** Open streams one session may hold, over all web processes. */
  maxPerSession: number;
  /** How often sessions are checked (and Redis entries renewed). */
  checkIntervalMs: number;
  /** The session's absolute limit (SESSION_MAX_HOURS), as the session store enforces it. */
  sessionMaxMs: number;
}

export interface StreamGuard {
  /** Registers a stream of the session (by its hashed id); undefined when the session is at its cap. */
  admit(sessionKey: string, end: () => void): Promise<(() => void) | undefined>;
  /** Runs one check now (tests; the timer runs it every checkIntervalMs). */
  checkNow(): Promise<void>;
  close(): void;
}

// Drops expired entries, then adds this stream only while fewer than ARGV[3] are open.
const ADMIT = `
redis.call('zremrangebyscore', KEYS[1], '-inf', ARGV[1])
if redis.call('zcard', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('zadd', KEYS[1], ARGV[2], ARGV[4])
redis.call('pexpire', KEYS[1], ARGV[5])
return 1`;

interface OpenStream {
  id: string;
  sessionKey: string;
  end: () => void;
}

export function createStreamGuard(o: StreamGuardOptions): StreamGuard {
  const open = new Map<string, OpenStream>();
  const ttlMs = o.checkIntervalMs * 3 + 5000;
  const keyOf = (sessionKey: string) => `${o.prefix}:live-streams:${sessionKey}`;
  let timer: NodeJS.Timeout | undefined;
  let checking: Promise<void> | undefined;

  async function check(): Promise<void> {
    if (open.size === 0) return;
    const keys = [...new Set([...open.values()].map((s) => s.sessionKey))];
    const alive = await sql<{ id: string }>`
      select s.id from sessions s join users u on u.id = s.user_id
      where s.id = any(${keys}::text[]) and s.expires_at > now() and u.disabled_at is null
        and s.created_at > now() - make_interval(secs => ${o.sessionMaxMs / 1000})`.execute(o.db);
    const still = new Set(alive.rows.map((r) => r.id));
    const renew = o.redis.multi();
    const expiresAt = Date.now() + ttlMs;
    for (const stream of [...open.values()]) {
      if (still.has(stream.sessionKey)) {
        renew.zadd(keyOf(stream.sessionKey), expiresAt, stream.id).pexpire(keyOf(stream.sessionKey), ttlMs);
      } else {
        stream.end();
      }
    }
    await renew.exec();
  }

  const checkNow = () => {
    checking ??= check()
      .catch((err: unknown) => o.logger.warn({ errorKind: (err as Error)?.name }, 'live stream check failed'))
      .finally(() => {
        checking = undefined;
      });
    return checking;
  };

  function forget(stream: OpenStream): void {
    if (!open.delete(stream.id)) return;
    void o.redis.zrem(keyOf(stream.sessionKey), stream.id).catch(() => undefined);
    if (open.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  }

  return {
    async admit(sessionKey, end) {
      const id = randomUUID();
      const admitted = await o.redis.eval(
        ADMIT,
        1,
        keyOf(sessionKey),
        String(Date.now()),
        String(Date.now() + ttlMs),
        String(o.maxPerSession),
        id,
        String(ttlMs),
      );
      if (Number(admitted) !== 1) return undefined;
      const stream: OpenStream = { id, sessionKey, end };
      open.set(id, stream);
      if (!timer) {
        timer = setInterval(() => void checkNow(), o.checkIntervalMs);
        timer.unref();
      }
      return () => forget(stream);
    },
    checkNow,
    close() {
      clearInterval(timer);
      timer = undefined;
      open.clear();
    },
  };
}
