/**
 * Login attempts per client address, counted in Redis so every web process shares one count
 * (no state lives in a process). Only failed attempts count. The per-account lockout in the users
 * table is the main defence; this one slows a single address trying many accounts.
 *
 * While Redis is down or not answering, logins go on without this count (staff must still reach
 * urgent messages) and the per-account lockout, in PostgreSQL, still holds; each such login is
 * logged. The Redis connection is the web's fail-fast one, so a frozen Redis costs a login at most
 * its command timeout.
 */
import type { Request, RequestHandler, Response } from 'express';
import { rateLimit, type IncrementResponse, type Store } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { HttpError } from '../http/errors';
import type { Logger } from '../logging/logger';

/** A clinic's staff often share one public address: generous per address, strict per account. */
export const LOGIN_FAILURES_PER_ADDRESS = 30;
export const LOGIN_WINDOW_MS = 15 * 60_000;

class RedisCounterStore implements Store {
  readonly localKeys = false;

  constructor(
    private readonly redis: Redis,
    readonly prefix: string,
    private readonly windowMs: number,
  ) {}

  async increment(key: string): Promise<IncrementResponse> {
    const k = this.prefix + key;
    const replies = await this.redis.multi().set(k, '0', 'PX', this.windowMs, 'NX').incr(k).pttl(k).exec();
    const totalHits = Number(replies?.[1]?.[1] ?? 1);
    const ttl = Number(replies?.[2]?.[1] ?? this.windowMs);
    return { totalHits, resetTime: new Date(Date.now() + (ttl > 0 ? ttl : this.windowMs)) };
  }

  async decrement(key: string): Promise<void> {
    await this.redis.decr(this.prefix + key);
  }

  async resetKey(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}

export class TooManyLoginsError extends HttpError {
  constructor(retryAfterSeconds: number) {
    super(
      429,
      'too_many_attempts',
      `too many failed logins from your network; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`,
    );
  }
}

/**
 * express-rate-limit's logger, through ours: the kind of error only, never its text or the key.
 * Warnings, not errors: with Redis down each login says so, and the outage itself is logged once.
 */
function limiterLogger(logger: Logger) {
  const log = (err: unknown, message?: unknown) =>
    logger.warn(
      { errorKind: (err as Error)?.name ?? 'Error', code: (err as { code?: unknown })?.code },
      typeof message === 'string' ? message : 'login rate limit problem',
    );
  return { warn: log, error: log };
}

export function loginRateLimit(
  redis: Redis,
  keyPrefix: string,
  onLimited: (req: Request, res: Response, error: TooManyLoginsError) => void,
  logger: Logger,
): RequestHandler {
  return rateLimit({
    windowMs: LOGIN_WINDOW_MS,
    limit: LOGIN_FAILURES_PER_ADDRESS,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: new RedisCounterStore(redis, `${keyPrefix}:login-failures:`, LOGIN_WINDOW_MS),
    // Behind a proxy every client shares the proxy's address unless express trusts it; say so in logs
    // through our own logger, not the library's console warnings.
    validate: { xForwardedForHeader: false },
    // Redis down: let the login through (see the top of this file) rather than answer 500.
    passOnStoreError: true,
    logger: limiterLogger(logger),
    handler: (req, res, _next, options) =>
      onLimited(req, res, new TooManyLoginsError(options.windowMs / 1000)),
  });
}
