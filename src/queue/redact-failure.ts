/**
 * BullMQ stores a failed job's error message (`failedReason`) and stack in Redis, where bull-board
 * shows them, in clear text. Our own errors carry ids only, but a driver or library error may quote
 * what it was given (a patient's text, a name in a URL). So every processor's error is replaced,
 * before BullMQ sees it, by one of the same kind whose message went through the log redaction and
 * whose stack holds that message alone (no frames, which could quote source values in some engines).
 */
import {
  DelayedError,
  RateLimitError,
  UnrecoverableError,
  WaitingChildrenError,
  WaitingError,
  type Job,
} from 'bullmq';
import { redactForLog } from '../privacy';

const MAX_REASON_CHARS = 300;

/** Errors that steer BullMQ itself (move to delayed, wait for children): they pass untouched. */
function isControlError(err: unknown): boolean {
  return (
    err instanceof DelayedError ||
    err instanceof WaitingChildrenError ||
    err instanceof RateLimitError ||
    err instanceof WaitingError
  );
}

export function redactedError(err: unknown): Error {
  const e = err as { name?: unknown; message?: unknown };
  const name = typeof e?.name === 'string' ? e.name.slice(0, 60) : 'Error';
  const message = typeof e?.message === 'string' ? redactForLog(e.message).slice(0, MAX_REASON_CHARS) : '';
  const safe = err instanceof UnrecoverableError ? new UnrecoverableError(message) : new Error(message);
  safe.name = name;
  safe.stack = `${name}: ${message}`;
  return safe;
}

export function withRedactedFailures<A extends unknown[], R>(
  processor: (job: Job, ...rest: A) => Promise<R>,
): (job: Job, ...rest: A) => Promise<R> {
  return async (job, ...rest) => {
    try {
      return await processor(job, ...rest);
    } catch (err) {
      if (isControlError(err)) throw err;
      throw redactedError(err);
    }
  };
}
