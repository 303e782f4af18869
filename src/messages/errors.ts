/**
 * Errors of the message use cases. They extend the HTTP error types so the web API answers them with
 * the right status without a mapping table; their messages name ids and states, never patient text.
 */
import { BadRequestError, ConflictHttpError, NotFoundError } from '../http/errors';

export type ConflictReason = 'stale_version' | 'not_ready' | 'already_approved';

/** The message changed under the caller, or someone else approved first: nothing was sent. */
export class ConflictError extends ConflictHttpError {
  override name = 'ConflictError';
  constructor(
    readonly reason: ConflictReason,
    message: string,
    readonly currentVersion?: number,
  ) {
    super(message, { reason, ...(currentVersion !== undefined ? { currentVersion } : {}) });
  }
}

export class MessageNotFoundError extends NotFoundError {
  override name = 'MessageNotFoundError';
  constructor(readonly messageId: string) {
    super('message not found');
  }
}

export class InvalidApprovalError extends BadRequestError {
  override name = 'InvalidApprovalError';
}
