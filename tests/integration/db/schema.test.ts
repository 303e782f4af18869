import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';

describe('schema constraints and indexes', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.drop();
  });

  const baseMessage = (portalId: string) => ({
    portal_id: portalId,
    patient_ref: 'Patient/p1',
    body: 'text',
    received_at: new Date('2026-01-01T10:00:00Z'),
  });

  it('rejects a duplicate portal id', async () => {
    await t.db.insertInto('messages').values(baseMessage('c-1')).execute();
    await expect(t.db.insertInto('messages').values(baseMessage('c-1')).execute()).rejects.toThrow(
      /messages_portal_id_key/,
    );
    // The ingest path relies on ON CONFLICT DO NOTHING being a harmless re-read.
    const again = await t.db
      .insertInto('messages')
      .values(baseMessage('c-1'))
      .onConflict((oc) => oc.column('portal_id').doNothing())
      .returning('id')
      .execute();
    expect(again).toEqual([]);
  });

  it('checks status, urgency and category values', async () => {
    await expect(
      sql`insert into messages (portal_id, patient_ref, body, received_at, status)
          values ('c-2', 'Patient/p1', 'x', now(), 'lost')`.execute(t.db),
    ).rejects.toThrow(/check constraint/);
    await expect(
      sql`insert into messages (portal_id, patient_ref, body, received_at, urgency)
          values ('c-3', 'Patient/p1', 'x', now(), 'whenever')`.execute(t.db),
    ).rejects.toThrow(/check constraint/);
    await expect(
      sql`insert into messages (portal_id, patient_ref, body, received_at, category)
          values ('c-4', 'Patient/p1', 'x', now(), 'gossip')`.execute(t.db),
    ).rejects.toThrow(/check constraint/);
  });

  it('ranks urgency for the inbox sort and stores string arrays', async () => {
    const rows = await t.db
      .insertInto('messages')
      .values([
        { ...baseMessage('r-1'), urgency: 'routine', triage_reasons: ['a', 'b'], flags: ['draft_failed'] },
        { ...baseMessage('r-2'), urgency: 'emergent' },
        { ...baseMessage('r-3') },
      ])
      .returning(['portal_id', 'urgency_rank', 'triage_reasons', 'flags', 'status', 'version'])
      .execute();
    expect(rows.map((r) => [r.portal_id, r.urgency_rank])).toEqual([
      ['r-1', 2],
      ['r-2', 0],
      ['r-3', 4],
    ]);
    expect(rows[0]).toMatchObject({
      triage_reasons: ['a', 'b'],
      flags: ['draft_failed'],
      status: 'new',
      version: 1,
    });
  });

  it('allows one reply and one alert per message', async () => {
    const m = await t.db
      .insertInto('messages')
      .values(baseMessage('x-1'))
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.insertInto('replies').values({ message_id: m.id, body: 'reply' }).execute();
    await expect(
      t.db.insertInto('replies').values({ message_id: m.id, body: 'again' }).execute(),
    ).rejects.toThrow(/replies_message_id_key/);
    await t.db.insertInto('alerts').values({ message_id: m.id, channel: 'C1' }).execute();
    await expect(
      t.db.insertInto('alerts').values({ message_id: m.id, channel: 'C1' }).execute(),
    ).rejects.toThrow(/alerts_pkey/);
  });

  it('keeps user emails unique regardless of case and roles to the known set', async () => {
    await t.db
      .insertInto('users')
      .values({ email: 'Nurse@Clinic.test', display_name: 'N', role: 'nurse' })
      .execute();
    await expect(
      t.db
        .insertInto('users')
        .values({ email: 'nurse@clinic.test', display_name: 'N2', role: 'staff' })
        .execute(),
    ).rejects.toThrow(/users_email_lower_key/);
    await expect(
      sql`insert into users (email, display_name, role) values ('x@y.z', 'X', 'root')`.execute(t.db),
    ).rejects.toThrow(/check constraint/);
  });

  it('round-trips jsonb written as a JSON string, arrays included', async () => {
    await t.db
      .insertInto('clinic_settings')
      .values({ key: 'sla', value: JSON.stringify([{ level: 'urgent', minutes: 60 }]) })
      .execute();
    const row = await t.db
      .selectFrom('clinic_settings')
      .selectAll()
      .where('key', '=', 'sla')
      .executeTakeFirstOrThrow();
    expect(row.value).toEqual([{ level: 'urgent', minutes: 60 }]);
  });

  it('serves the inbox list from its index', async () => {
    // Same connection for the setting and the query: a transaction.
    const plan = await t.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      return sql<{ 'QUERY PLAN': string }>`
        explain select id from messages where status = 'ready'
        order by urgency_rank, received_at, id limit 50`.execute(trx);
    });
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/messages_inbox_idx/);
  });
});
