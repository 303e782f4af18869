import type { ErrorRequestHandler, Request, Response } from 'express';
import { redactForLog } from '../privacy';
import { HttpError, NotFoundError } from './errors';

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

/** Express 5 hands unmatched routes here as a NotFoundError, so 404s share the one JSON shape. */
export function notFoundHandler(_req: Request, _res: Response): void {
  throw new NotFoundError('no such endpoint');
}

/**
 * The one error path: typed errors become their status and message; everything else is logged with
 * the request id and answered with a generic 500, never a stack, SQL or upstream detail.
 */
export const errorHandler: ErrorRequestHandler = (err, _req, res, next) => {
  if (res.headersSent) {
    next(err);
    return;
  }
  const known = err instanceof HttpError ? err : fromBodyParser(err as BodyParserError);
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
