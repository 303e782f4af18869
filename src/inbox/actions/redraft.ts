/**
 * Re-draft when the facts change: after staff raise or lower a message's urgency, the draft written
 * for the old urgency (its nurse call, its after-hours line, its alarm) no longer fits. A new draft is
 * made with the new urgency, the old one stays as a revision, and the message is flagged
 * `draft_changed` so the reviewer reads the new one. Works without a model (templates).
 */
import { findMessage } from '../../messages/repository';
import type { Actor } from './context';
import { storeNewDraft, type RegenerateDeps } from './regenerate';
import { addMessageFlags, isReplyable } from './repository';

export type RedraftOutcome =
  | { redrafted: true; draftId: string; previousDraftId: string | null }
  | { redrafted: false; why: 'not_open' | 'no_draft_yet' | 'failed' };

export async function redraftAfterUrgencyChange(
  deps: RegenerateDeps,
  messageId: string,
  user: Actor,
  change: { from: string | null; to: string },
): Promise<RedraftOutcome> {
  const message = await findMessage(deps.db, messageId);
  if (!message || !isReplyable(message.status)) return { redrafted: false, why: 'not_open' };
  // Still in the pipeline: the draft step reads the stored (new) urgency itself.
  if (message.status === 'new' || message.status === 'triaged')
    return { redrafted: false, why: 'no_draft_yet' };
  try {
    const made = await storeNewDraft(deps, message, user, {
      action: 'draft.redrafted',
      reason: `urgency changed from ${change.from ?? 'none'} to ${change.to}`,
    });
    await addMessageFlags(deps.db, messageId, ['draft_changed']);
    return { redrafted: true, draftId: made.draftId, previousDraftId: made.previousDraftId };
  } catch (err) {
    // The urgency change stands; the old draft stays in front of the reviewer, who can regenerate.
    deps.logger.warn({ messageId, err: (err as Error).name }, 'redraft after urgency change failed');
    return { redrafted: false, why: 'failed' };
  }
}
