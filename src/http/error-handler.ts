import type { ErrorRequestHandler, Request, Response } from 'express';
import { isDatabaseUnavailableError } from '../db/unavailable';
import { redactForLog } from '../privacy';
import { isRedisUnavailableError } from '../queue';
import { DependencyUnavailableError, HttpError, NotFoundError } from './errors';
import { renderUnavailablePage } from './unavailable-page';

interface BodyParserError {
  type?: string;
  status?: number;
  /** http-errors' flag: a client error whose status may be told (body-parser sets it). */
  expose?: boolean;
}

/** body-parser's own failures are the client's fault; say so without echoing what was sent. */
function fromBodyParser(err: BodyParserError): HttpError | undefined {
  switch (err?.type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'bad_request', 'request body is not valid JSON');
    case 'entity.too.large':
      return new HttpError(413, 'too_large', 'request body is too large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'unsupported_encoding', 'unsupported request encoding');
    default:
      // Any other client error of the body parsers (a corrupt gzip or deflate body, a body cut short,
      // a length that does not match): a 400 in our words, never the library's message.
      if (err?.expose === true && typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
        return new HttpError(err.status, 'bad_request', 'request body could not be read');
      }
      return undefined;
  }
}

/** Redis or PostgreSQL down or not answering: a 503 naming it, not a 500 that hides it. */
function fromDependency(err: unknown): DependencyUnavailableError | undefined {
  if (err instanceof DependencyUnavailableError) return err;
  if (isRedisUnavailableError(err)) return new DependencyUnavailableError('redis');
  if (isDatabaseUnavailableError(err)) return new DependencyUnavailableError('database');
  return undefined;
}

/** A person's browser (not a script, not the JSON API) gets a page rather than JSON. */
const wantsPage = (req: Request) =>
  !req.originalUrl.startsWith('/api/') && req.accepts(['json', 'html']) === 'html';

/** Express 5 hands unmatched routes here as a NotFoundError, so 404s share the one JSON shape. */
export function notFoundHandler(_req: Request, _res: Response): void {
  throw new NotFoundError('no such endpoint');
}

/**
 * The one error path: typed errors become their status and message; a dependency that is down
 * becomes 503 naming it (a plain page for a browser); everything else is logged with the request
 * id and answered with a generic 500, never a stack, SQL or upstream detail.
 */
export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) {
    next(err);
    return;
  }
  const unavailable = fromDependency(err);
  if (unavailable) {
    res.locals.log?.warn({ dependency: unavailable.dependency }, 'dependency unavailable');
    res.setHeader('Retry-After', '30');
    if (wantsPage(req)) {
      res.status(503).type('html').send(renderUnavailablePage(unavailable.dependency));
      return;
    }
  }
  const known = unavailable ?? (err instanceof HttpError ? err : fromBodyParser(err as BodyParserError));
  const requestId = res.locals.requestId;
  if (known) {
    res.status(known.status).json({
      error: { code: known.code, message: known.message, ...known.details, requestId },
    });
    return;
  }
  // A message may quote SQL parameters or upstream bodies: it is redacted, and the stack keeps only
  // its frames (its first line repeats the message). Operators get both; the client gets neither.
  const e = err as Error;
  const frames = typeof e?.stack === 'string' ? e.stack.split('\n').slice(1).join('\n') : undefined;
  const message = typeof e?.message === 'string' ? redactForLog(e.message) : undefined;
  res.locals.log?.error({ err: { type: e?.name, message, frames } }, 'unhandled error');
  res.status(500).json({ error: { code: 'internal', message: 'internal server error', requestId } });
};
