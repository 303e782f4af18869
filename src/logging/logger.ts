import pino, { type Logger, type DestinationStream } from 'pino';
import { LOG_REDACT_PATHS } from '../privacy';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: string;
  /** web, worker, sandbox, demo: tells processes apart in one log stream. */
  role: string;
  /** Defaults to stdout; tests pass a stream to read what was logged. */
  destination?: DestinationStream;
}

/**
 * JSON logs with PHI-bearing fields censored wherever they appear (see privacy/log-redaction).
 * Log ids and outcomes, never message text: redaction is the safety net, not the plan.
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { role: options.role },
      redact: { paths: LOG_REDACT_PATHS, censor: '[REDACTED]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}
