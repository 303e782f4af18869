/** The run functions of each action: parse the body, call the named use case, say what happened. */
import { acknowledgeFromInbox } from '../actions/acknowledge';
import { approveFromInbox } from '../actions/approve';
import { claimMessage, releaseMessage } from '../actions/claim';
import { giveDraftFeedback } from '../actions/feedback';
import {
  ApproveBody,
  ClaimBody,
  CloseBody,
  FeedbackBody,
  parseBody,
  RegenerateBody,
  RetrySendBody,
  SaveBody,
  StartBody,
  UrgencyBody,
} from '../actions/input';
import { regenerateDraft } from '../actions/regenerate';
import { saveReply, startReply } from '../actions/reply';
import { retrySendFromInbox } from '../actions/retry-send';
import { redraftAfterUrgencyChange } from '../actions/redraft';
import { changeMessageUrgency, closeWithoutReply, routeToNurse } from '../actions/triage-actions';
import type { MessageDeps } from './deps';
import { levelLabel } from './format';
import type { ActionRun } from './handlers';

export const runStart =
  (deps: MessageDeps): ActionRun =>
  async ({ req, id, user }) => {
    const input = parseBody(StartBody, req.body);
    const started = await startReply(deps.db, user, { messageId: id, ...input });
    return {
      flash: `Reply started ${input.mode === 'draft' ? 'from the draft' : 'blank'}${started.claimed ? '; the message is now yours' : ''}.`,
      // The page's script started this from the reply box: it may move its expected version only if
      // the message was still at the version the page showed (nobody else acted meanwhile).
      json: { revision: started.revision, versionBefore: started.versionBefore, version: started.version },
    };
  };

export const runSave =
  (deps: MessageDeps): ActionRun =>
  async ({ req, id, user }) => {
    const input = parseBody(SaveBody, req.body);
    let revision = input.revision;
    if (revision === 0) {
      // The editor showed the draft before anyone started: saving starts it (reply.started, as ever).
      const mode = input.startMode ?? (input.draftId ? 'draft' : 'blank');
      const started = await startReply(deps.db, user, {
        messageId: id,
        mode,
        draftId: mode === 'draft' ? input.draftId : undefined,
        revision: 0,
      });
      revision = started.revision;
    }
    const saved = await saveReply(deps.db, user, {
      messageId: id,
      body: input.body,
      revision,
    });
    return {
      flash: saved.saved ? `Reply saved (revision ${saved.revision}).` : 'No changes to save.',
      json: { revision: saved.revision, saved: saved.saved },
    };
  };

export const runApprove =
  (deps: MessageDeps): ActionRun =>
  async ({ req, id, user }) => {
    const { then, ...input } = parseBody(ApproveBody, req.body);
    const approved = await approveFromInbox(deps.db, deps.queues, user, { messageId: id, ...input });
    if (!approved.sendQueued) {
      // Committed: the worker's reconciler queues the send once Redis answers again.
      deps.logger.warn({ replyId: approved.replyId }, 'approved; send not queued (redis unavailable)');
    }
    return {
      flash: approved.sendQueued
        ? 'Reply approved; it is being sent to the patient’s portal.'
        : 'Reply approved and saved. The send queue is not answering right now, so sending will start ' +
          'automatically shortly after it is back; there is nothing more to do.',
      json: { replyId: approved.replyId, sendQueued: approved.sendQueued },
      ...(then === 'next' ? { goTo: 'next' as const } : {}),
    };
  };

export const runRetrySend =
  (deps: MessageDeps): ActionRun =>
  async ({ req, id, user }) => {
    const { expectedVersion } = parseBody(RetrySendBody, req.body);
    const retried = await retrySendFromInbox(deps.db, deps.queues, user, { messageId: id, expectedVersion });
    return {
      flash: `Sending again (send round ${retried.round}): the approved reply is on its way to the patient’s portal.`,
      json: { replyId: retried.replyId, round: retried.round, version: retried.version },
    };
  };

export const runRegenerate =
  (deps: MessageDeps): ActionRun =>
  async ({ req, id, user }) => {
    const { instruction } = parseBody(RegenerateBody, req.body);
    const made = await regenerateDraft(deps.regenerate, id, user, instruction);
    const how =
      made.source === 'llm'
        ? 'A new draft was written.'
        : 'The language model’s draft could not be used, so a new draft was built from templates; see its flags.';
    return { flash: how, json: { draftId: made.draftId } };
  };

export const runRoute =
  (deps: MessageDeps): ActionRun =>
  async ({ id, user }) => {
    const outcome = await routeToNurse(deps.db, id, user);
    return { flash: outcome === 'routed' ? 'Routed to the nurse queue.' : 'Already in the nurse queue.' };
  };

export const runClose =
  (deps: MessageDeps): ActionRun =>
  async ({ req, id, user }) => {
    const input = parseBody(CloseBody, req.body);
    const closed = await closeWithoutReply(deps.db, deps.queues, id, user, input);
    if (closed.alertSyncQueued) return { flash: 'Closed without a reply.' };
    deps.logger.warn({ messageId: id }, 'closed; slack sync not queued (redis unavailable)');
    return {
      flash:
        'Closed without a reply. The queue service is not answering, so an urgent alert about this ' +
        'message in Slack may still look open for a while.',
    };
  };

export const runUrgency =
  (deps: MessageDeps): ActionRun =>
  async ({ req, id, user }) => {
    const input = parseBody(UrgencyBody, req.body);
    const changed = await changeMessageUrgency(deps.db, deps.queues, id, user, input);
    const redraft = await redraftAfterUrgencyChange(deps.regenerate, id, user, changed);
    const flash =
      `Urgency changed from ${levelLabel(changed.from)} to ${levelLabel(changed.to)}.` +
      (redraft.redrafted ? ' The draft was made again for the new urgency; the earlier draft is kept.' : '');
    if (!changed.alertDeferred) return { flash };
    deps.logger.warn({ messageId: id }, 'urgency raised; alert not queued (redis unavailable)');
    return {
      flash:
        `${flash} The queue service is not answering, so the nurse alert has not gone out yet; ` +
        'if this cannot wait, contact the nurse directly.',
    };
  };

export const runFeedback =
  (deps: MessageDeps): ActionRun =>
  async ({ req, id, user }) => {
    const input = parseBody(FeedbackBody, req.body);
    await giveDraftFeedback(deps.db, id, user, { ...input, useful: input.useful === 'yes' });
    return { flash: 'Thank you: your feedback on the draft was recorded.' };
  };

export const runClaim =
  (deps: MessageDeps): ActionRun =>
  async ({ req, id, user }) => {
    const { takeOver } = parseBody(ClaimBody, req.body);
    const outcome = await claimMessage(deps.db, id, user, { takeOver });
    return {
      flash: outcome === 'claimed' ? 'You have claimed this message.' : 'This message was already yours.',
    };
  };

export const runRelease =
  (deps: MessageDeps): ActionRun =>
  async ({ id, user }) => {
    await releaseMessage(deps.db, id, user);
    return { flash: 'Released: the message is unassigned.' };
  };

export const runAcknowledge =
  (deps: MessageDeps): ActionRun =>
  async ({ id, user }) => {
    const outcome = await acknowledgeFromInbox(
      {
        db: deps.db,
        queues: deps.queues,
        settings: deps.alertSettings,
        timeZone: deps.zone,
        logger: deps.logger,
      },
      id,
      user,
    );
    return {
      flash:
        outcome === 'acknowledged'
          ? 'Alert acknowledged: you own it now.'
          : 'The alert was already acknowledged.',
    };
  };
