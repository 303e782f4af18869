/**
 * message_milestones (migrations/0005): written by the trigger on events, event by event, it must
 * equal what rebuild_message_milestones() computes from the whole log; first events win, counts add
 * up, and a malformed event still appends.
 */
import { sql } from 'kysely';
import { recordEvent } from '../../../src/audit';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { seedScenario, type Scenario } from './scenario';

let t: TestDatabase;
let s: Scenario;

beforeAll(async () => {
  t = await createTestDatabase();
  s = await seedScenario(t.db);
});

afterAll(async () => {
  await t.drop();
});

const snapshot = async () =>
  (await t.db.selectFrom('message_milestones').selectAll().orderBy('message_id').execute()).map((r) => ({
    ...r,
  }));

describe('message_milestones', () => {
  it('the trigger writes what a rebuild from the log computes', async () => {
    const byTrigger = await snapshot();
    expect(byTrigger).toHaveLength(7);
    await sql`select rebuild_message_milestones()`.execute(t.db);
    expect(await snapshot()).toEqual(byTrigger);
  });

  it('keeps the first event of each kind and counts every regeneration and feedback', async () => {
    const m4 = s.ids.m4;
    const row = () =>
      t.db
        .selectFrom('message_milestones')
        .selectAll()
        .where('message_id', '=', m4)
        .executeTakeFirstOrThrow();
    const before = await row();
    expect(before).toMatchObject({ regenerations: 2, feedback_useful: 0, feedback_not_useful: 1 });
    // A later view and a later approval change nothing; an earlier view (a late-recorded event) wins.
    await recordEvent(t.db, {
      at: new Date('2026-03-12T10:00:00Z'),
      action: 'message.viewed',
      actor: `user:${s.staffB}`,
      messageId: m4,
    });
    await recordEvent(t.db, {
      at: new Date('2026-03-12T10:00:00Z'),
      action: 'reply.approved',
      actor: `user:${s.staffB}`,
      messageId: m4,
      data: { author: s.staffB, draftId: null },
    });
    expect(await row()).toMatchObject({
      first_opened_at: before.first_opened_at,
      approver: s.staffA,
      approved_at: before.approved_at,
    });
    // A view by the system is not a person opening it.
    await recordEvent(t.db, {
      at: new Date('2026-03-09T21:30:30Z'),
      action: 'message.viewed',
      actor: 'system:worker',
      messageId: m4,
    });
    expect((await row()).first_opened_at).toEqual(before.first_opened_at);
    await recordEvent(t.db, {
      at: new Date('2026-03-09T21:36:00Z'),
      action: 'message.viewed',
      actor: `user:${s.staffB}`,
      messageId: m4,
    });
    await recordEvent(t.db, {
      action: 'draft.regenerated',
      actor: `user:${s.staffB}`,
      messageId: m4,
      data: { draftId: 'x' },
    });
    expect(await row()).toMatchObject({
      first_opened_at: new Date('2026-03-09T21:36:00Z'),
      first_opened_by: `user:${s.staffB}`,
      regenerations: 3,
    });
    const byTrigger = await snapshot();
    await sql`select rebuild_message_milestones()`.execute(t.db);
    expect(await snapshot()).toEqual(byTrigger);
  });

  it('a malformed approval still appends; its numbers are left empty', async () => {
    const id = '00000000-0000-4000-8000-00000000abcd';
    await recordEvent(t.db, {
      action: 'reply.approved',
      actor: `user:${s.staffA}`,
      messageId: id,
      data: { author: s.staffA, draftId: 'd', edit: { wordEdits: 'many', draftWords: 10 } },
    });
    const row = await t.db
      .selectFrom('message_milestones')
      .selectAll()
      .where('message_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ approver: s.staffA, word_edits: null, draft_words: 10 });
  });
});
