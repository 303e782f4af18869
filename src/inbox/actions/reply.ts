/**
 * The reply being written: started from the assistant's draft or blank, then saved as numbered
 * revisions (every autosave a new row). A save names the revision its editor started from; if
 * someone else saved in between, the unique (message, revision) pair or the check below refuses it
 * with a conflict, so nobody's text is silently overwritten.
 */
import { recordEvent } from '../../audit';
import type { Db } from '../../db';
import { actorOf, type Actor } from './context';
import { claimLocked, openMessageOrThrow } from './claim';
import { ActionConflictError } from './errors';
import { findDraft, insertRevision, latestRevision, userName } from './repository';

const UNIQUE_VIOLATION = '23505';

async function staleRevision(
  db: Db,
  messageId: string,
  what: 'save' | 'start',
): Promise<ActionConflictError> {
  const latest = await latestRevision(db, messageId);
  const who = latest ? await userName(db, latest.author) : null;
  const revision = latest?.revision ?? 0;
  return new ActionConflictError(
    'stale_revision',
    what === 'save'
      ? `${who ?? 'Someone else'} changed this reply (now revision ${revision}) since your editor loaded it. ` +
          'Your text was not saved: copy it, then reload the page to see theirs.'
      : `${who ?? 'Someone else'} changed the reply (now revision ${revision}) since this page loaded. ` +
          'Reload the page to see it.',
    { currentRevision: revision },
  );
}

/** Unique violations on (message_id, revision) are the concurrent-save collision. */
async function withCollisionCheck<T>(
  db: Db,
  messageId: string,
  what: 'save' | 'start',
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if ((err as { code?: string }).code === UNIQUE_VIOLATION) throw await staleRevision(db, messageId, what);
    throw err;
  }
}

export interface StartReplyInput {
  messageId: string;
  mode: 'draft' | 'blank';
  /** The draft shown on the page; default the newest. */
  draftId?: string;
  /** The revision on the page: 0 for a first start; a restart from a newer draft names the current one. */
  revision: number;
}

export async function startReply(
  db: Db,
  user: Actor,
  input: StartReplyInput,
): Promise<{
  revision: number;
  draftId: string | null;
  claimed: boolean;
  /** The message's version before the start and after it (a claim moves it on). */
  versionBefore: number;
  version: number;
}> {
  return withCollisionCheck(db, input.messageId, 'start', () =>
    db.transaction().execute(async (trx) => {
      const message = await openMessageOrThrow(trx, input.messageId, 'replyable');
      const latest = await latestRevision(trx, input.messageId);
      if ((latest?.revision ?? 0) !== input.revision) throw await staleRevision(db, input.messageId, 'start');
      let draft: { id: string; body: string } | undefined;
      if (input.mode === 'draft') {
        draft = await findDraft(trx, input.messageId, input.draftId);
        if (!draft) {
          throw new ActionConflictError('no_draft', 'There is no draft to start from. Use "Start blank".');
        }
      }
      const revision = input.revision + 1;
      await insertRevision(trx, {
        messageId: input.messageId,
        revision,
        author: user.id,
        mode: input.mode,
        basedOnDraftId: draft?.id ?? null,
        body: draft?.body ?? '',
      });
      const claimed = await claimLocked(trx, message, user, { takeOver: false, onlyIfUnclaimed: true });
      await recordEvent(trx, {
        actor: actorOf(user),
        action: 'reply.started',
        messageId: input.messageId,
        data: { mode: input.mode, draftId: draft?.id ?? null },
      });
      const version = await trx
        .selectFrom('messages')
        .select('version')
        .where('id', '=', input.messageId)
        .executeTakeFirstOrThrow();
      return {
        revision,
        draftId: draft?.id ?? null,
        claimed: claimed === 'claimed',
        versionBefore: message.version,
        version: version.version,
      };
    }),
  );
}

export interface SaveReplyInput {
  messageId: string;
  body: string;
  /** The revision the editor started from. */
  revision: number;
}

/** Saves revision + 1; the same text as the latest revision saves nothing and answers its number. */
export async function saveReply(
  db: Db,
  user: Actor,
  input: SaveReplyInput,
): Promise<{ revision: number; saved: boolean }> {
  return withCollisionCheck(db, input.messageId, 'save', () =>
    db.transaction().execute(async (trx) => {
      await openMessageOrThrow(trx, input.messageId, 'replyable');
      const latest = await latestRevision(trx, input.messageId);
      if (!latest) {
        throw new ActionConflictError(
          'not_started',
          'Start the reply (with the draft or blank) before saving it.',
        );
      }
      if (latest.revision !== input.revision) throw await staleRevision(db, input.messageId, 'save');
      if (latest.body === input.body) return { revision: latest.revision, saved: false };
      const revision = latest.revision + 1;
      await insertRevision(trx, {
        messageId: input.messageId,
        revision,
        author: user.id,
        mode: latest.mode,
        basedOnDraftId: latest.based_on_draft_id,
        body: input.body,
      });
      // The revision number only: reply text stays in reply_drafts, never in the audit log.
      await recordEvent(trx, {
        actor: actorOf(user),
        action: 'reply.autosaved',
        messageId: input.messageId,
        data: { revision },
      });
      return { revision, saved: true };
    }),
  );
}
