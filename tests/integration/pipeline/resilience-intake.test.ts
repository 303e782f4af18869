/**
 * Poison never stalls, and emergencies come first (issue 12): a NUL character, a resource the
 * database refuses, a message of 200,000 characters with its red flag at the end, and a backlog of
 * routine messages with a few emergencies in it, each through the real pipeline.
 */
import { sql } from 'kysely';
import { pollPortal } from '../../../src/portal/poller';
import { createFhirClient } from '../../../src/portal/fhir-client';
import type { RunningPipeline } from '../../../src/messages/pipeline-runtime';
import { patientMessage } from '../../../src/portal/sandbox/synthetic';
import {
  createPipelineFixture,
  plantRaw,
  postPatientMessage,
  startFixturePipeline,
  waitFor,
  type PipelineFixture,
} from './fixture';

describe('intake that poison cannot stop', () => {
  let f: PipelineFixture;
  let pipeline: RunningPipeline | undefined;

  beforeEach(async () => {
    f = await createPipelineFixture();
  });
  afterEach(async () => {
    await pipeline?.close();
    pipeline = undefined;
    await f.close();
  });

  const byPortalId = (portalId: string) =>
    f.db.selectFrom('messages').selectAll().where('portal_id', '=', portalId).executeTakeFirst();

  it('stores a message holding NUL and lone surrogates, flagged, and takes in every later message', async () => {
    const poison = await postPatientMessage(f.sandbox, f.patientIds[0], 'refill\u0000 please \ud83d thanks');
    const later = await postPatientMessage(
      f.sandbox,
      f.patientIds[1],
      'My father is slurring his words and his face is drooping on one side since 20 minutes',
    );
    pipeline = await startFixturePipeline(f);
    const stored = await waitFor('both messages ready', async () => {
      const [a, b] = [await byPortalId(poison), await byPortalId(later)];
      return a?.status === 'ready' && b?.status === 'ready' ? [a, b] : undefined;
    });
    expect(stored[0].body).toBe('refill\ufffd please \ufffd thanks');
    expect(stored[0].flags).toContain('text_normalised');
    expect(JSON.parse(stored[0].original_escaped!)).toMatchObject({
      body: 'refill\u0000 please \ud83d thanks',
    });
    expect(stored[1].urgency).toBe('emergent');
    const cursor = await f.db.selectFrom('poll_cursors').selectAll().executeTakeFirstOrThrow();
    expect(cursor.last_id).toBe(later);
  });

  it('commits a page the database refuses one resource at a time; the refused one becomes unreadable', async () => {
    // A stand-in for any value PostgreSQL refuses that normalising did not foresee.
    await sql`
      create function refuse_marked() returns trigger language plpgsql as $$
      begin
        if new.body like '%REFUSE-ME%' then
          raise exception 'refused for the test' using errcode = '22021';
        end if;
        return new;
      end $$;
      create trigger refuse_marked before insert on messages for each row execute function refuse_marked();
    `.execute(f.db);
    const before = await postPatientMessage(f.sandbox, f.patientIds[0], 'Question about my bill');
    const refused = await postPatientMessage(f.sandbox, f.patientIds[1], 'REFUSE-ME chest pain');
    const after = await postPatientMessage(f.sandbox, f.patientIds[2], 'Can I get a flu shot?');
    const portal = createFhirClient({ baseUrl: f.sandbox.fhirBaseUrl, retries: 0 });
    const stats = await pollPortal({ db: f.db, portal, logger: f.logger, queues: f.queues });
    expect(stats).toMatchObject({ ingested: 2, unreadable: 1 });
    expect((await byPortalId(before))?.status).toBe('new');
    expect((await byPortalId(after))?.status).toBe('new');
    const item = await byPortalId(refused);
    expect(item).toMatchObject({ status: 'ready', urgency: 'urgent', flags: ['unreadable'], body: '' });
    expect(item!.triage_reasons[0]).toMatch(/database rejected/);
    // The cursor moved past all three; a second poll finds nothing new and stores nothing twice.
    expect(await pollPortal({ db: f.db, portal, logger: f.logger })).toMatchObject({
      ingested: 0,
      unreadable: 0,
    });
    expect(await f.queues.alert.getJob(`alert-${item!.id}`)).toBeDefined();
  });

  it('keeps a 200,000-character message whole and triages its full text', async () => {
    const story = 'Let me tell you about my week and my garden and the neighbours. '.repeat(3200);
    // Longer than the sandbox's own limit (as a portal with none would send it): planted raw.
    const id = await plantRaw(
      f.sandbox,
      patientMessage(
        f.patientIds[3],
        `${story}\nAnyway since an hour I have crushing chest pain and I am sweating.`,
      ),
    );
    pipeline = await startFixturePipeline(f);
    const m = await waitFor('the long message ready', async () => {
      const row = await byPortalId(id);
      return row?.status === 'ready' ? row : undefined;
    });
    expect(m.body.length).toBeGreaterThan(200_000);
    expect(m.urgency).toBe('emergent');
    expect(m.flags).toContain('long_message');
  });

  it('stores a Communication without a usable id as an unreadable item named by its content, once', async () => {
    await plantRaw(f.sandbox, {
      resourceType: 'Communication',
      status: 'completed',
      sender: { reference: `Patient/${f.patientIds[0]}` },
      payload: [{ contentString: 12345 }],
    });
    const portal = createFhirClient({ baseUrl: f.sandbox.fhirBaseUrl, retries: 0 });
    expect(await pollPortal({ db: f.db, portal, logger: f.logger })).toMatchObject({ unreadable: 1 });
    await pollPortal({ db: f.db, portal, logger: f.logger });
    const items = await f.db.selectFrom('messages').selectAll().execute();
    expect(items).toHaveLength(1);
    expect(items[0].flags).toEqual(['unreadable']);
  });
});

describe('emergencies first across a backlog', () => {
  let f: PipelineFixture;
  let pipeline: RunningPipeline | undefined;
  beforeAll(async () => {
    f = await createPipelineFixture();
  });
  afterAll(async () => {
    await pipeline?.close();
    await f.close();
  });

  it('triages the emergencies of a backlog before the routine messages, and drafts after triage', async () => {
    const routine = 150;
    const emergencies = [
      'I cant breathe and my lips are turning blue',
      'took the whole bottle of my sleeping pills an hour ago',
      'crushing chest pain going to my left arm and sweating',
    ];
    for (let i = 0; i < routine; i++) {
      await postPatientMessage(
        f.sandbox,
        f.patientIds[i % f.patientIds.length],
        `Can I get a copy of my records, request ${i}?`,
      );
      if (i % 50 === 49) await postPatientMessage(f.sandbox, f.patientIds[i % 5], emergencies[(i - 49) / 50]);
    }
    // The backlog is taken in before any worker runs, so the queue holds all of it at once.
    const portal = createFhirClient({ baseUrl: f.sandbox.fhirBaseUrl, retries: 0 });
    await pollPortal({ db: f.db, portal, logger: f.logger, queues: f.queues, maxPages: 100 });
    pipeline = await startFixturePipeline(f, { concurrency: { triage: 2, draft: 2 } });
    await waitFor(
      'every message ready',
      async () => {
        const open = await f.db
          .selectFrom('messages')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('status', '!=', 'ready')
          .executeTakeFirstOrThrow();
        return Number(open.n) === 0;
      },
      120_000,
    );
    const triaged = await f.db
      .selectFrom('events')
      .innerJoin('messages', 'messages.id', 'events.message_id')
      .select(['messages.urgency', 'events.id'])
      .where('events.action', '=', 'message.triaged')
      .orderBy('events.id')
      .execute();
    const positions = triaged.flatMap((t, i) => (t.urgency === 'emergent' ? [i] : []));
    expect(positions).toHaveLength(3);
    // Among the first few triaged (two triage jobs run at once), never behind the crowd.
    expect(Math.max(...positions)).toBeLessThan(10);
    const lastTriage = triaged[triaged.length - 1].id;
    const draftedBefore = await f.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('action', '=', 'draft.created')
      .where('id', '<', lastTriage)
      .executeTakeFirstOrThrow();
    // Drafts wait while triage work waits; only those started as the last triage jobs ran can slip in.
    expect(Number(draftedBefore.n)).toBeLessThanOrEqual(6);
    // The drain waits up to 120 s for a loaded machine; jest's default 30 s must not cut it short.
  }, 150_000);
});
