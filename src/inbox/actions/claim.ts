/**
 * Claiming and releasing a message: who is answering it. Taking a message someone else holds needs
 * an explicit "take over", so two people never end up answering the same patient by accident. A
 * nurse claiming a message routed to the nurse queue takes it out of that queue.
 */
import type { Transaction } from 'kysely';
import { recordEvent } from '../../audit';
import type { Database, Db, MessageStatus } from '../../db';
import { MessageNotFoundError } from '../../messages/errors';
import { actorOf, type Actor } from './context';
import { ActionConflictError } from './errors';
import { isOpen, isReplyable, lockMessage, setAssignment, userName, type LockedMessage } from './repository';

export type ClaimOutcome = 'claimed' | 'already_yours';

/**
 * What an action needs of the message: `open` (waiting on a person: claim, route, close, change the
 * urgency, also after a failed send) or `replyable` (a reply can still be written: start, save).
 */
export type MessageNeed = 'open' | 'replyable';

function notAvailable(status: MessageStatus): string {
  if (status === 'closed') return 'This message is closed.';
  if (status === 'send_failed')
    return 'A reply to this message was already approved, but sending it failed: retry sending it or close the message.';
  return 'A reply to this message was already approved.';
}

export async function openMessageOrThrow(
  trx: Transaction<Database>,
  messageId: string,
  need: MessageNeed = 'open',
): Promise<LockedMessage> {
  const message = await lockMessage(trx, messageId);
  if (!message) throw new MessageNotFoundError(messageId);
  const allowed = need === 'open' ? isOpen(message.status) : isReplyable(message.status);
  if (!allowed) {
    throw new ActionConflictError('not_open', `${notAvailable(message.status)} Nothing was changed.`, {
      status: message.status,
    });
  }
  return message;
}

/** Inside the caller's transaction (start-reply claims too), after openMessageOrThrow. */
export async function claimLocked(
  trx: Transaction<Database>,
  message: LockedMessage,
  user: Actor,
  options: { takeOver: boolean; onlyIfUnclaimed?: boolean },
): Promise<ClaimOutcome | 'held_by_other'> {
  if (message.assigned_to === user.id) return 'already_yours';
  if (message.assigned_to && options.onlyIfUnclaimed) return 'held_by_other';
  if (message.assigned_to && !options.takeOver) {
    const holder = (await userName(trx, message.assigned_to)) ?? 'Someone else';
    throw new ActionConflictError(
      'claimed_by_other',
      `${holder} has claimed this message. Tick "Take over" to claim it anyway.`,
    );
  }
  await setAssignment(trx, message.id, {
    assignedTo: user.id,
    clearRouting: user.role === 'nurse' && message.routed_to === 'nurse',
  });
  await recordEvent(trx, {
    actor: actorOf(user),
    action: 'message.claimed',
    messageId: message.id,
    data: { userId: user.id },
  });
  return 'claimed';
}

export async function claimMessage(
  db: Db,
  messageId: string,
  user: Actor,
  options: { takeOver: boolean },
): Promise<ClaimOutcome> {
  return db.transaction().execute(async (trx) => {
    const message = await openMessageOrThrow(trx, messageId);
    return (await claimLocked(trx, message, user, options)) as ClaimOutcome;
  });
}

export async function releaseMessage(db: Db, messageId: string, user: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const message = await openMessageOrThrow(trx, messageId);
    if (message.assigned_to !== user.id) {
      throw new ActionConflictError(
        'not_yours',
        'You have not claimed this message, so there is nothing to release.',
      );
    }
    await setAssignment(trx, messageId, { assignedTo: null });
    await recordEvent(trx, {
      actor: actorOf(user),
      action: 'message.released',
      messageId,
      data: { userId: user.id },
    });
  });
}
