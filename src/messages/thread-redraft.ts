/**
 * Re-draft when a new message arrives in a thread: an earlier message of the same patient and thread
 * that still waits for its reply (status ready) had a draft written before the patient added to it.
 * It gets a new draft built from both messages (earlier first), at the more urgent of the two levels;
 * the old draft stays as a revision, the message is flagged `draft_changed`, and the audit log records
 * `draft.redrafted` with the newer message's id. Drafting failures leave the old draft in place.
 */
import { sql } from 'kysely';
import { recordEvent } from '../audit';
import type { ChartContext } from '../context/types';
import type { Message } from '../db';
import { draftReply } from '../drafting';
import { moreUrgent } from '../triage';
import { storedTriage } from './draft-message';
import type { PipelineDeps } from './pipeline-deps';
import { insertDraft } from './repository';

const ACTOR = 'worker:draft';
const REASON = 'a newer message arrived in the thread';

async function earlierOpenInThread(deps: PipelineDeps, m: Message): Promise<Message[]> {
  if (!m.thread_ref) return [];
  return deps.db
    .selectFrom('messages')
    .selectAll()
    .where('thread_ref', '=', m.thread_ref)
    .where('patient_ref', '=', m.patient_ref)
    .where('id', '!=', m.id)
    .where('status', '=', 'ready')
    .where('received_at', '<', m.received_at)
    .execute();
}

export interface ThreadRedraftContext {
  chart?: ChartContext;
  now: Date;
  calendar: Parameters<typeof draftReply>[1]['calendar'];
}

/** Returns how many earlier messages got a new draft. */
export async function redraftEarlierInThread(
  deps: PipelineDeps,
  newer: Message,
  ctx: ThreadRedraftContext,
): Promise<number> {
  let count = 0;
  for (const older of await earlierOpenInThread(deps, newer)) {
    const base = storedTriage(older);
    const latest = storedTriage(newer);
    const triage = {
      ...base,
      urgency: moreUrgent(base.urgency, latest.urgency),
      reasons: [...base.reasons, ...latest.reasons],
      categories: [...new Set([...base.categories, ...latest.categories])],
    };
    try {
      const draft = await draftReply(
        { text: `${older.body}\n\n${newer.body}`, chart: ctx.chart, triage },
        {
          model: deps.model,
          prompts: deps.prompts,
          now: ctx.now,
          modelName: deps.modelName,
          timeZone: deps.timeZone,
          calendar: ctx.calendar,
          nurseAlerts: deps.nurseAlerts ?? false,
        },
      );
      const source = draft.source;
      if (source === 'none') continue;
      await deps.db.transaction().execute(async (trx) => {
        const draftId = await insertDraft(trx, {
          message_id: older.id,
          body: draft.body,
          source,
          model: draft.model ?? null,
          prompt_version: draft.promptVersion,
          reading_grade: draft.readingGrade,
          target_grade: draft.targetGrade,
          flags: [
            `redrafted: ${REASON}`,
            ...draft.flags.map((f) => (f.detail ? `${f.code}: ${f.detail}` : f.code)),
          ],
          context_snapshot: JSON.stringify(draft.contextSnapshot),
          tokens: draft.tokens ? draft.tokens.input + draft.tokens.output : null,
          latency_ms: draft.latencyMs ?? null,
        });
        await trx
          .updateTable('messages')
          .set({
            flags: sql<
              string[]
            >`array(select distinct unnest(flags || ${['draft_changed']}::text[]) order by 1)`,
          })
          .where('id', '=', older.id)
          .where('status', '=', 'ready')
          .execute();
        await recordEvent(trx, {
          actor: ACTOR,
          action: 'draft.redrafted',
          messageId: older.id,
          data: { draftId, reason: 'new_message_in_thread', newerMessageId: newer.id },
        });
      });
      count += 1;
    } catch (err) {
      deps.logger.warn({ messageId: older.id, err: (err as Error).name }, 'thread redraft failed');
    }
  }
  return count;
}
