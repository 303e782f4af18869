/**
 * The draft step fills the inbox's patients cache from the chart it reads (names, birth date,
 * record numbers, search terms), and a failure to write the cache never fails drafting.
 */
import { sql } from 'kysely';
import { draftMessage } from '../../../src/messages/draft-message';
import { createPipelineFixture, fixtureDeps, type PipelineFixture } from '../pipeline/fixture';

let f: PipelineFixture;

beforeAll(async () => {
  f = await createPipelineFixture();
});

afterAll(() => f.close());

let counter = 0;
async function triagedMessage(patientId: string): Promise<string> {
  counter += 1;
  const row = await f.db
    .insertInto('messages')
    .values({
      portal_id: `patients-${counter}`,
      patient_ref: `Patient/${patientId}`,
      body: 'Can I get a refill of my lisinopril?',
      received_at: new Date(),
      status: 'triaged',
      urgency: 'routine',
      category: 'medication',
      needs_reply: true,
      language: 'en',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function chartPatient(patientId: string) {
  const stored = f.sandbox.context.store.list('Patient').find((p) => p.resource.id === patientId)!;
  return stored.resource as unknown as {
    name: { given?: string[]; family?: string; use?: string }[];
    birthDate?: string;
    identifier?: { value: string }[];
  };
}

test('drafting a message caches its patient for the list and the search', async () => {
  const patientId = f.patientIds[0];
  const id = await triagedMessage(patientId);
  expect(await draftMessage(fixtureDeps(f), id, { retryTransientChart: false })).toBe('ready');
  const row = await f.db
    .selectFrom('patients')
    .selectAll()
    .where('patient_ref', '=', `Patient/${patientId}`)
    .executeTakeFirstOrThrow();
  const chart = chartPatient(patientId);
  const official = chart.name.find((n) => n.use === 'official') ?? chart.name[0];
  expect(row.display_name).toContain(official.family);
  expect(row.birth_date).toBe(chart.birthDate);
  expect(row.record_numbers.length).toBeGreaterThan(0);
  expect(chart.identifier!.map((i) => i.value)).toEqual(expect.arrayContaining(row.record_numbers));
  expect(row.search_terms).toContain(
    official
      .family!.normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase(),
  );
});

test('a cache write that fails is logged without the name, and the message still gets ready', async () => {
  await sql`
    create function patients_refuse() returns trigger language plpgsql as $$
    begin raise exception 'refused for %', new.display_name; end; $$;
    create trigger patients_refuse before insert or update on patients
      for each row execute function patients_refuse();`.execute(f.database.ownerDb);
  const patientId = f.patientIds[1];
  const id = await triagedMessage(patientId);
  expect(await draftMessage(fixtureDeps(f), id, { retryTransientChart: false })).toBe('ready');
  const warning = f.logLines.find((l) => l.includes('patients cache not updated'));
  expect(warning).toBeDefined();
  expect(JSON.parse(warning!).errorKind).toBe('P0001');
  const family = chartPatient(patientId).name[0].family!;
  expect(f.logLines.join('\n')).not.toContain(family);
});
