/**
 * Moving a message on without a reply: route it to the nurse queue, close it (with a reason), or
 * change its urgency (with a reason). Each bumps the version, so an approval prepared before the
 * change is refused, and each is an audit event whose data holds codes only: the free-text note or
 * reason stays on the message row.
 */
import { recordEvent } from '../../audit';
import { enqueueAlertSync } from '../../alerts/escalation';
import type { Db, UrgencyValue } from '../../db';
import { enqueue, queueAfterCommit, type Queues } from '../../queue';
import { openMessageOrThrow } from './claim';
import { actorOf, type Actor } from './context';
import { ActionInputError } from './errors';
import type { CloseReason } from './input';
import { changeUrgency, closeMessage, hasAlert, setAssignment } from './repository';

export async function routeToNurse(
  db: Db,
  messageId: string,
  user: Actor,
): Promise<'routed' | 'already_routed'> {
  return db.transaction().execute(async (trx) => {
    const message = await openMessageOrThrow(trx, messageId);
    if (message.routed_to === 'nurse' && message.assigned_to === null) return 'already_routed';
    await setAssignment(trx, messageId, { assignedTo: null, routeToNurse: true });
    await recordEvent(trx, {
      actor: actorOf(user),
      action: 'message.routed',
      messageId,
      data: { to: 'nurse' },
    });
    return 'routed';
  });
}

export async function closeWithoutReply(
  db: Db,
  queues: Queues,
  messageId: string,
  user: Actor,
  input: { reason: CloseReason; note?: string },
): Promise<{ alertSyncQueued: boolean }> {
  await db.transaction().execute(async (trx) => {
    // Open includes send_failed: a person who handled it another way (by phone) closes it here.
    const message = await openMessageOrThrow(trx, messageId);
    await closeMessage(trx, messageId, {
      closedBy: user.id,
      closeReason: input.note ? `${input.reason}: ${input.note}` : input.reason,
    });
    await recordEvent(trx, {
      actor: actorOf(user),
      action: 'message.closed',
      messageId,
      // The approved reply that never reached the portal stays on record, unsent.
      data:
        message.status === 'send_failed'
          ? { reason: input.reason, replyUnsent: true }
          : { reason: input.reason },
    });
  });
  // As the send path does after a reply: the worker resolves the Slack alert in place (a no-op
  // without one). After the commit, so the worker reads the closed message; the close stands even
  // when Redis is down, and a pending reminder still finds the message closed and resolves the alert.
  return { alertSyncQueued: await queueAfterCommit(() => enqueueAlertSync(queues, messageId)) };
}

const ALERTING: readonly UrgencyValue[] = ['emergent', 'urgent'];

export async function changeMessageUrgency(
  db: Db,
  queues: Queues,
  messageId: string,
  user: Actor,
  input: { urgency: UrgencyValue; reason: string },
): Promise<{ from: UrgencyValue | null; to: UrgencyValue; alertDeferred: boolean }> {
  const from = await db.transaction().execute(async (trx) => {
    const message = await openMessageOrThrow(trx, messageId);
    if (message.urgency === input.urgency) {
      throw new ActionInputError(`The message is already ${input.urgency.replace('_', '-')}.`);
    }
    await changeUrgency(trx, messageId, {
      urgency: input.urgency,
      reasonLine: `changed by staff: ${input.reason}`,
    });
    await recordEvent(trx, {
      actor: actorOf(user),
      action: 'message.urgency_changed',
      messageId,
      data: { from: message.urgency, to: input.urgency, reason: 'staff' },
    });
    return message.urgency;
  });
  // Raised to a level that pages a nurse: the alert goes out now, unless one already exists. With
  // Redis down the change stands and the reconciler queues the alert (urgent, no alert row) later.
  let alertDeferred = false;
  if (ALERTING.includes(input.urgency) && !(await hasAlert(db, messageId))) {
    alertDeferred = !(await queueAfterCommit(() => enqueue(queues, 'alert', { messageId })));
  }
  return { from, to: input.urgency, alertDeferred };
}
