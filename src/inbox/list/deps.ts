/** The list's and the live stream's dependencies, taken from the inbox's (one place for the defaults). */
import type { InboxDeps } from '../routes';
import type { LiveHubOptions } from '../live/hub';
import type { ListDeps } from './use-cases';

export function listDepsOf(deps: InboxDeps): ListDeps {
  return {
    db: deps.db,
    redis: deps.redis,
    prefix: deps.config.env.QUEUE_PREFIX,
    timeZone: deps.config.env.CLINIC_TIME_ZONE,
    logger: deps.logger,
    now: deps.now ?? (() => new Date()),
  };
}

export function liveHubOptionsOf(deps: InboxDeps): LiveHubOptions {
  return { db: deps.db, redis: deps.redis, prefix: deps.config.env.QUEUE_PREFIX, logger: deps.logger };
}
