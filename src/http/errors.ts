/**
 * Errors a handler throws on purpose. Their message is written for the client and must never hold
 * patient text or internals; anything that is not an HttpError becomes a generic 500.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** Stable, machine-readable: clients branch on this, not on the message. */
    readonly code: string,
    message: string,
    /** Extra fields for the client (e.g. which body fields were invalid); ids and codes only. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export class BadRequestError extends HttpError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(400, 'bad_request', message, details);
  }
}

export class UnauthorizedError extends HttpError {
  constructor(message = 'a valid API token is required') {
    super(401, 'unauthorized', message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = 'your role does not allow this') {
    super(403, 'forbidden', message);
  }
}

export class NotFoundError extends HttpError {
  constructor(message = 'not found') {
    super(404, 'not_found', message);
  }
}

export class ConflictHttpError extends HttpError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(409, 'conflict', message, details);
  }
}

/** A service the request needs is down or not answering; its name is in `dependency`. */
export type Dependency = 'redis' | 'database';

export class DependencyUnavailableError extends HttpError {
  constructor(readonly dependency: Dependency) {
    super(503, 'dependency_unavailable', DEPENDENCY_MESSAGES[dependency], { dependency });
    this.name = 'DependencyUnavailableError';
  }
}

/** For the JSON API: what is down and what it stops, in words a script's author can act on. */
const DEPENDENCY_MESSAGES: Record<Dependency, string> = {
  redis:
    'the queue service (Redis) is not answering: presence and queueing work are unavailable; try again shortly',
  database: 'the database (PostgreSQL) is not answering; nothing was changed; try again shortly',
};
