/**
 * A nurse at the inbox: approves the reply of every message meant to be answered once it is ready
 * (an alertable one only after its alert is posted, as a nurse would have seen it), through the real
 * approveReply; the workers then send it. Errors during a fault are expected and retried next round.
 */
import { sql } from 'kysely';
import { approveReply } from '../../src/messages/approve';
import type { Stage } from './stage';
import { sleep } from './wait';

export class Approver {
  approved = 0;
  errors = 0;
  private running = false;
  private loop: Promise<void> = Promise.resolve();

  constructor(private readonly stage: Stage) {}

  /** Portal ids of messages to answer that are still waiting for approval. */
  async waiting(): Promise<{ id: string; version: number }[]> {
    const ids = this.stage.traffic.posted.filter((p) => p.approve).map((p) => p.portalId);
    if (ids.length === 0) return [];
    return this.stage.db
      .selectFrom('messages')
      .leftJoin('alerts', 'alerts.message_id', 'messages.id')
      .select(['messages.id', 'messages.version'])
      .where('messages.portal_id', 'in', ids)
      .where('messages.status', '=', 'ready')
      .where((eb) =>
        eb.or([eb('messages.urgency', 'not in', ['emergent', 'urgent']), eb('alerts.state', '=', 'posted')]),
      )
      .where(sql<boolean>`not exists (select 1 from replies r where r.message_id = messages.id)`)
      .execute();
  }

  async round(): Promise<void> {
    for (const m of await this.waiting()) {
      try {
        await approveReply(this.stage.db, this.stage.queues, {
          messageId: m.id,
          author: this.stage.nurseId,
          body: 'Thank you for writing. A nurse has read your message and will call you today.',
          draftId: null,
          expectedVersion: m.version,
        });
        this.approved += 1;
      } catch {
        this.errors += 1;
      }
    }
  }

  start(everyMs = 500): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        await this.round().catch(() => {
          this.errors += 1;
        });
        await sleep(everyMs);
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}
