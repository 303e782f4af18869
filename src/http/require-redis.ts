import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Redis } from 'ioredis';
import { isRedisUnavailableError } from '../queue';
import { DependencyUnavailableError } from './errors';

/**
 * For routes that are nothing without Redis (bull-board): answer 503 naming it before the route
 * runs, rather than let it fail in its own way. A PING on the web's fail-fast connection costs a
 * fraction of a millisecond when Redis is fine and at most its command timeout when it is frozen.
 */
export function requireRedis(redis: Redis): RequestHandler {
  return async (_req: Request, _res: Response, next: NextFunction) => {
    if (redis.status !== 'ready') throw new DependencyUnavailableError('redis');
    try {
      await redis.ping();
    } catch (err) {
      if (isRedisUnavailableError(err)) throw new DependencyUnavailableError('redis');
      throw err;
    }
    next();
  };
}
