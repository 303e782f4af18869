/**
 * Re-draft when a new message arrives in the thread: the earlier message still waiting for its reply
 * gets a new draft that reads both, the old draft stays, and the reviewer is told.
 */
import type { RunningPipeline } from '../../../src/messages/pipeline-runtime';
import {
  createPipelineFixture,
  postPatientMessage,
  startFixturePipeline,
  waitFor,
  type PipelineFixture,
} from './fixture';

jest.setTimeout(90_000);

describe('a new message in the thread', () => {
  let f: PipelineFixture;
  let pipeline: RunningPipeline;

  beforeAll(async () => {
    f = await createPipelineFixture();
    pipeline = await startFixturePipeline(f);
  });
  afterAll(async () => {
    await pipeline?.close();
    await f.close();
  });

  const ready = (portalId: string) =>
    waitFor(`message ${portalId} to be ready`, async () => {
      const m = await f.db
        .selectFrom('messages')
        .selectAll()
        .where('portal_id', '=', portalId)
        .executeTakeFirst();
      return m?.status === 'ready' ? m : undefined;
    });
  const draftsOf = (messageId: string) =>
    f.db
      .selectFrom('drafts')
      .select(['id', 'body', 'flags'])
      .where('message_id', '=', messageId)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();

  it('re-drafts the earlier open message with both texts, keeping the old draft', async () => {
    const patientId = f.patientIds[2];
    const first = await postPatientMessage(f.sandbox, patientId, 'Can I get a copy of my records?');
    const earlier = await ready(first);
    expect(await draftsOf(earlier.id)).toHaveLength(1);

    const second = await postPatientMessage(f.sandbox, patientId, 'Also, what is your fax number?', {
      inResponseTo: [{ reference: `Communication/${first}` }],
    });
    const later = await ready(second);
    expect(later.thread_ref).toBe(`Communication/${first}`);

    const drafts = await waitFor('the earlier message to get its new draft', async () => {
      const d = await draftsOf(earlier.id);
      return d.length === 2 ? d : undefined;
    });
    expect(drafts[1].flags[0]).toBe('redrafted: a newer message arrived in the thread');
    // The new draft answers the later question too.
    expect(drafts[1].body).toMatch(/\(217\) 555-0102/);
    expect(drafts[0].body).not.toMatch(/555-0102/);
    const row = await f.db
      .selectFrom('messages')
      .select('flags')
      .where('id', '=', earlier.id)
      .executeTakeFirstOrThrow();
    expect(row.flags).toContain('draft_changed');
    const event = await f.db
      .selectFrom('events')
      .select('data')
      .where('message_id', '=', earlier.id)
      .where('action', '=', 'draft.redrafted')
      .executeTakeFirstOrThrow();
    expect(event.data).toEqual({
      draftId: drafts[1].id,
      reason: 'new_message_in_thread',
      newerMessageId: later.id,
    });
    // The later message has its own draft; nothing older than it in the thread was touched twice.
    expect(await draftsOf(later.id)).toHaveLength(1);
  });
});
