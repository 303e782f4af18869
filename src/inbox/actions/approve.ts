/**
 * Approve and send from the inbox: approveReply (src/messages/approve.ts) does the work in one
 * transaction (version check, one reply per message, send job after commit); the inbox adds the
 * reply revision the person saw, so text someone else saved meanwhile is never sent unseen.
 */
import type { Db } from '../../db';
import { approveReply, STALE_REVISION_MESSAGE, type ApprovedReply } from '../../messages/approve';
import { ConflictError } from '../../messages/errors';
import type { Queues } from '../../queue';
import type { Actor } from './context';
import { ActionConflictError } from './errors';
import { latestRevision } from './repository';

export interface InboxApproveInput {
  messageId: string;
  body: string;
  revision: number;
  expectedVersion: number;
  draftId?: string;
}

const FRIENDLY: Record<string, string> = {
  already_approved:
    'A reply to this message was already approved (if sending it failed, use "Retry sending" on its page). ' +
    'Nothing more was sent.',
  not_ready:
    'This message is not ready to answer (it is still being processed, or it is closed). Nothing was sent.',
  stale_version:
    'This message changed since you opened it (someone else acted on it). Nothing was sent. ' +
    'Reload to see the change; your text is kept below.',
};

export async function approveFromInbox(
  db: Db,
  queues: Queues,
  user: Actor,
  input: InboxApproveInput,
): Promise<ApprovedReply> {
  // The draft the reply grew from (for the edit summary): the one the editor was started with.
  let draftId = input.draftId ?? null;
  if (!input.draftId && input.revision > 0) {
    draftId = (await latestRevision(db, input.messageId))?.based_on_draft_id ?? null;
  }
  try {
    return await approveReply(db, queues, {
      messageId: input.messageId,
      author: user.id,
      body: input.body,
      draftId,
      expectedVersion: input.expectedVersion,
      expectedRevision: input.revision,
    });
  } catch (err) {
    if (err instanceof ConflictError) {
      const revisionMoved = err.message === STALE_REVISION_MESSAGE;
      throw new ActionConflictError(
        revisionMoved ? 'stale_revision' : 'not_open',
        revisionMoved
          ? 'Someone else edited this reply since you opened it. Nothing was sent. Reload to see their ' +
              'text; yours is kept below.'
          : (FRIENDLY[err.reason] ?? 'This message changed. Nothing was sent.'),
        { approveReason: err.reason, ...(err.currentVersion ? { currentVersion: err.currentVersion } : {}) },
      );
    }
    throw err;
  }
}
