/**
 * POST /inbox/search: patient name (prefix of any word, case- and accent-insensitive) or record
 * number (exact), through the patients cache; audited without the query; nothing in the URL.
 */
import { eventsOf } from '../auth/auth-fixture';
import {
  addMessage,
  addPatient,
  createListFixture,
  rowIds,
  staffSession,
  type ListFixture,
} from './list-fixture';

let f: ListFixture;
let sam: Awaited<ReturnType<typeof staffSession>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  f = await createListFixture();
  sam = await staffSession(f.fixedApp, f.db, 'staff', 'Sam Rivera');
  await addPatient(f.db, 'Patient/jose', {
    given: ['José', 'Luis'],
    family: 'García-Núñez',
    birthDate: '1990-03-13',
    recordNumbers: ['40012345'],
  });
  await addPatient(f.db, 'Patient/maria', { given: ['María'], family: 'Gómez', recordNumbers: ['40099999'] });
  await addPatient(f.db, 'Patient/joseph', {
    given: ['Joseph'],
    family: 'Okafor',
    recordNumbers: ['40055555'],
  });
  ids.jose1 = await addMessage(f.db, { receivedAt: '2025-03-10T14:00:00Z', patientRef: 'Patient/jose' });
  ids.jose2 = await addMessage(f.db, {
    receivedAt: '2025-03-12T14:00:00Z',
    patientRef: 'Patient/jose',
    status: 'sent',
  });
  ids.maria = await addMessage(f.db, { receivedAt: '2025-03-11T14:00:00Z', patientRef: 'Patient/maria' });
  ids.joseph = await addMessage(f.db, { receivedAt: '2025-03-11T15:00:00Z', patientRef: 'Patient/joseph' });
});

afterAll(() => f.close());

const search = (q: string) => sam.agent.post('/inbox/search').type('form').send({ _csrf: sam.csrf, q });

test.each([
  ['garcia', ['jose2', 'jose1']],
  ['GARCÍA', ['jose2', 'jose1']],
  ['nunez', ['jose2', 'jose1']],
  ['lu', ['jose2', 'jose1']],
  ['jos gar', ['jose2', 'jose1']],
  ['jos', ['jose2', 'joseph', 'jose1']],
  ['Maria', ['maria']],
  ['  gomez  ', ['maria']],
  ['40012345', ['jose2', 'jose1']],
  ['40099999', ['maria']],
])('"%s" finds the messages of matching patients, newest first, any status', async (q, expected) => {
  const res = await search(q).expect(200).expect('Content-Type', /html/);
  expect(rowIds(res.text)).toEqual(expected.map((k) => ids[k]));
});

test.each(['4001234', '400123456', 'arcia', 'maria garcia', 'smith'])('"%s" matches nobody', async (q) => {
  const res = await search(q).expect(200);
  expect(rowIds(res.text)).toEqual([]);
  expect(res.text).toMatch(/No patient has that record number\.|No patient’s name matches/);
});

test('the query stays in the field, and neither the URL nor the audit event holds it', async () => {
  const res = await search('garcía').expect(200);
  expect(res.text).toContain('name="q" type="search" value="garcía"');
  // The form posts to a fixed URL; results are the answer to the POST, not a redirect to a GET.
  expect(res.text).toContain('<form method="post" action="/inbox/search"');
  expect(res.headers.location).toBeUndefined();
  const events = await eventsOf(f.db, 'messages.searched');
  const last = events[events.length - 1];
  expect(last.actor).toBe(`user:${sam.userId}`);
  expect(last.data).toEqual({
    kind: 'name',
    resultCount: 2,
    messageIds: [ids.jose2, ids.jose1],
    via: 'session',
  });
  expect(JSON.stringify(last.data).toLowerCase()).not.toContain('garc');
  await search('40012345').expect(200);
  const byNumber = (await eventsOf(f.db, 'messages.searched')).at(-1)!;
  expect(byNumber.data).toMatchObject({ kind: 'record_number', resultCount: 2 });
  expect(JSON.stringify(byNumber.data)).not.toContain('40012345');
});

test.each([
  ['', 'Type a patient’s name or record number to search.'],
  ['   ', 'Type a patient’s name or record number to search.'],
  ['!!!', 'Type at least one letter of the patient’s name.'],
  ['x'.repeat(101), 'A search can be at most 100 characters; shorten it and try again.'],
])('a bad query (%j) is refused with a clear message and kept in the field', async (q, message) => {
  const res = await search(q).expect(400).expect('Content-Type', /html/);
  expect(res.text).toContain(message);
  // preact writes an empty value as a bare attribute.
  expect(res.text).toContain(q ? `type="search" value="${q}"` : 'type="search" value autocomplete');
  expect(res.text).toContain('aria-invalid="true"');
});

test('a search without the CSRF token is refused; a GET of the results page goes back to the inbox', async () => {
  await sam.agent.post('/inbox/search').type('form').send({ q: 'garcia' }).expect(403);
  await sam.agent.get('/inbox/search').expect(303).expect('Location', '/inbox');
});

test('the patients cache keeps the preferred name, folded search terms and record numbers', async () => {
  await addPatient(f.db, 'Patient/ren', {
    given: ['Renée'],
    preferred: 'Ren',
    family: "O'Brien",
    birthDate: '2020-01-02',
    recordNumbers: [' 777 ', '777', '888'],
  });
  const row = await f.db
    .selectFrom('patients')
    .selectAll()
    .where('patient_ref', '=', 'Patient/ren')
    .executeTakeFirstOrThrow();
  expect(row.display_name).toBe("Ren O'Brien");
  expect(row.birth_date).toBe('2020-01-02');
  expect(row.record_numbers).toEqual(['777', '888']);
  expect(row.search_terms).toEqual(
    expect.arrayContaining(['r', 're', 'ren', 'rene', 'renee', 'o', 'b', 'brien']),
  );
  expect(row.search_terms).not.toContain('renée');
  // A later chart read replaces what was cached.
  await addPatient(f.db, 'Patient/ren', { given: ['Renée'], family: 'Dubois', recordNumbers: ['999'] });
  const again = await f.db
    .selectFrom('patients')
    .selectAll()
    .where('patient_ref', '=', 'Patient/ren')
    .executeTakeFirstOrThrow();
  expect(again.display_name).toBe('Renée Dubois');
  expect(again.record_numbers).toEqual(['999']);
  expect(again.search_terms).not.toContain('brien');
});
