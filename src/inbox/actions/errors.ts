/**
 * Errors of the inbox actions. They extend the HTTP error types, so a script's fetch gets the right
 * status and a form post gets the page again with the message beside the form. Their messages name
 * states and staff names, never patient text.
 */
import { BadRequestError, ConflictHttpError } from '../../http/errors';

export type ActionConflictReason =
  | 'not_open'
  | 'stale_revision'
  | 'not_started'
  | 'no_draft'
  | 'claimed_by_other'
  | 'not_yours'
  | 'no_model'
  | 'no_alert';

/** The message or the reply moved on under the person (or the action does not apply now). */
export class ActionConflictError extends ConflictHttpError {
  override name = 'ActionConflictError';
  constructor(
    readonly reason: ActionConflictReason,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { reason, ...extra });
  }
}

/** A form or script sent something the action does not accept; the message says what to fix. */
export class ActionInputError extends BadRequestError {
  override name = 'ActionInputError';
}
