/**
 * Login limits, counted in Redis so every web process shares them (no state lives in a process):
 *   per (account, address)  LOGIN_MAX_FAILURES failed logins within LOGIN_LOCKOUT_MINUTES, then that
 *                           account is refused (429) from that address until the window ends;
 *   per account             LOGIN_ACCOUNT_MAX_FAILURES wrong passwords in a row from anywhere lock the
 *                           account (the users table, see ./login), against guessing spread over many
 *                           addresses;
 *   everyone                past LOGIN_SLOWDOWN_AFTER failed logins a minute, every login attempt waits
 *                           a little longer (never refused): a flood is slowed, nobody is locked out.
 * No limit is per address alone, so a clinic's shared address cannot be locked by one person's
 * failures, and one account's failures never refuse another account's correct password.
 * Addresses are req.ip, the client's once TRUST_PROXY names the proxy hops in front.
 *
 * While Redis is down or not answering, logins go on without these counts (staff must still reach
 * urgent messages) and the per-account lockout, in PostgreSQL, still holds; each such login is
 * logged. The Redis connection is the web's fail-fast one, so a frozen Redis costs a login at most
 * its command timeout.
 */
import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit, type IncrementResponse, type Store } from 'express-rate-limit';
import { slowDown } from 'express-slow-down';
import type { Redis } from 'ioredis';
import { HttpError } from '../http/errors';
import type { Logger } from '../logging/logger';

/** The global slow-down's window: failures a minute. */
export const SLOWDOWN_WINDOW_MS = 60_000;
/** Each failure past the ceiling adds this much waiting, up to the configured maximum. */
export const SLOWDOWN_STEP_MS = 100;

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

  /** A success's decrement may come after its key was reset (or expired): never revive a key then. */
  async decrement(key: string): Promise<void> {
    await this.redis.eval(
      "if redis.call('exists', KEYS[1]) == 1 then return redis.call('decr', KEYS[1]) end return 0",
      1,
      this.prefix + key,
    );
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
      `too many failed logins for this account from your network; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`,
    );
  }
}

export interface LoginLimitSettings {
  /** Failed logins per (account, address) within the window. */
  maxFailures: number;
  windowMs: number;
  /** Failed logins a minute, over everyone, after which attempts are slowed. */
  slowdownAfter: number;
  maxDelayMs: number;
}

/**
 * The counter key of an (account, address) pair: a hash, so Redis holds neither emails nor addresses.
 * IPv6 addresses count by their /56 network, as one household or office holds a whole block.
 */
export function accountAddressKey(req: Request): string {
  const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
  const address = ipKeyGenerator(req.ip ?? 'unknown');
  return createHash('sha256').update(`${email}\u0000${address}`).digest('hex').slice(0, 40);
}

export interface LoginLimits {
  /** Before the password check: slow-down first (it only waits), then the per-pair refusal. */
  middleware: RequestHandler[];
  /** After a successful login: that pair's count starts again (wrong passwords "in a row"). */
  forgetFailures: (req: Request) => Promise<void>;
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

export function loginLimits(
  redis: Redis,
  keyPrefix: string,
  settings: LoginLimitSettings,
  onLimited: (req: Request, res: Response, error: TooManyLoginsError) => void,
  logger: Logger,
): LoginLimits {
  const pairStore = new RedisCounterStore(redis, `${keyPrefix}:login-failures:`, settings.windowMs);
  const perPair = rateLimit({
    windowMs: settings.windowMs,
    limit: settings.maxFailures,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: pairStore,
    keyGenerator: accountAddressKey,
    // The proxy check is ours (TRUST_PROXY); the key already folds IPv6 through ipKeyGenerator.
    validate: { xForwardedForHeader: false, keyGeneratorIpFallback: false },
    // Redis down: let the login through (see the top of this file) rather than answer 500.
    passOnStoreError: true,
    logger: limiterLogger(logger),
    handler: (req, res, _next, options) =>
      onLimited(req, res, new TooManyLoginsError(options.windowMs / 1000)),
  });
  const everyone = slowDown({
    windowMs: SLOWDOWN_WINDOW_MS,
    delayAfter: settings.slowdownAfter,
    delayMs: (used) => (used - settings.slowdownAfter) * SLOWDOWN_STEP_MS,
    maxDelayMs: settings.maxDelayMs,
    skipSuccessfulRequests: true,
    store: new RedisCounterStore(redis, `${keyPrefix}:login-flood:`, SLOWDOWN_WINDOW_MS),
    keyGenerator: () => 'all',
    validate: { xForwardedForHeader: false, keyGeneratorIpFallback: false },
    passOnStoreError: true,
    logger: limiterLogger(logger),
  });
  const announceDelay: RequestHandler = (req, res, next) => {
    // Says why an answer was slow (and lets tests see the slow-down without timing anything).
    const delay = (req as Request & { slowDown?: { delay?: number } }).slowDown?.delay ?? 0;
    if (delay > 0) res.setHeader('X-Login-Delay-Ms', String(delay));
    next();
  };
  return {
    middleware: [everyone, announceDelay, perPair],
    // A success must not fail because Redis is down: the count then simply runs out with its window.
    forgetFailures: (req) => pairStore.resetKey(accountAddressKey(req)).catch(() => undefined),
  };
}
