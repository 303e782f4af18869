import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { runWithAuditContext } from '../audit/request-context';
import type { Logger } from '../logging/logger';
import type { Principal } from '../auth/api-tokens';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      requestId: string;
      /** A child logger carrying the request id; handlers log through it. */
      log: Logger;
      /** Set by authentication middleware; absent on public routes. */
      principal?: Principal;
    }
  }
}

/** An upstream proxy's id is kept only when it looks like an id, so nobody can inject text into logs. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

/** Polled every few seconds by orchestrators and Prometheus: logged at debug so they don't drown the log. */
const PROBE_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * The path without its query string: routes carry opaque ids only, while a query could carry anything
 * a client typed, so it never reaches the logs.
 */
function pathOnly(req: Request): string {
  return req.originalUrl.split('?')[0].slice(0, 200);
}

/** The address audit events record: req.ip without IPv4-mapped IPv6's ::ffff: prefix. */
export function clientAddressOf(req: Request): string | undefined {
  const ip = req.ip;
  if (!ip) return undefined;
  return (ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip).slice(0, 64);
}

/**
 * Gives each request an id (echoed in X-Request-Id) and a child logger, and writes one access-log
 * line when the response finishes: method, path, status, duration, user id. Never headers or bodies.
 */
export function requestContext(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.get('x-request-id');
    const requestId = incoming && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const started = process.hrtime.bigint();
    res.locals.requestId = requestId;
    res.locals.log = logger.child({ reqId: requestId });
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = {
        method: req.method,
        path: pathOnly(req),
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        userId: res.locals.principal?.userId,
      };
      if (res.statusCode >= 500) res.locals.log.error(line, 'request failed');
      else if (PROBE_PATHS.has(line.path)) res.locals.log.debug(line, 'request');
      else res.locals.log.info(line, 'request');
    });
    // req.ip is the client's address once TRUST_PROXY names the proxy hops in front (else the peer's).
    runWithAuditContext({ clientAddress: clientAddressOf(req) }, next);
  };
}
