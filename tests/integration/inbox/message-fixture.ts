/**
 * Message-page tests: the web app over a fresh database and Redis prefix, users of every role logged
 * in through the real login form, and messages seeded as the pipeline would leave them (message,
 * draft with its context snapshot, patient cache row, alert row).
 */
import type { Express } from 'express';
import { loadConfig } from '../../../src/config';
import type { Db, UserRole } from '../../../src/db';
import {
  createAuthFixture,
  loggedIn,
  userWithPassword,
  type Agent,
  type TestUser,
} from '../auth/auth-fixture';
import type { WebFixture } from '../web/web-fixture';

export interface Person extends TestUser {
  agent: Agent;
  csrf: string;
  name: string;
}

export interface MessageFixture {
  web: WebFixture;
  db: Db;
  app: Express;
  people: Record<UserRole, Person>;
  /** A second staff member, for collisions. */
  staff2: Person;
  /** Another app over the same database and Redis with extra environment (e.g. a model). */
  appWithEnv: (env: Record<string, string>) => Express;
  close: () => Promise<void>;
}

export async function createMessageFixture(env: Record<string, string> = {}): Promise<MessageFixture> {
  const web = await createAuthFixture(env);
  const base = { NODE_ENV: 'test', QUEUE_PREFIX: web.deps.config.env.QUEUE_PREFIX, ...env };
  const people = {} as Record<UserRole, Person>;
  const make = async (role: UserRole, name: string): Promise<Person> => {
    const user = await userWithPassword(web.db, role);
    await web.db.updateTable('users').set({ display_name: name }).where('id', '=', user.userId).execute();
    const session = await loggedIn(web.app, user);
    return { ...user, agent: session.agent, csrf: session.csrf, name };
  };
  people.staff = await make('staff', 'Sam Ortiz');
  people.nurse = await make('nurse', 'Dana Reyes');
  people.manager = await make('manager', 'Maya Brooks');
  people.admin = await make('admin', 'Adam Stone');
  const staff2 = await make('staff', 'Alex Chen');
  return {
    web,
    db: web.db,
    app: web.app,
    people,
    staff2,
    appWithEnv: (extra) => web.appWith({ config: loadConfig({ ...base, ...extra }) }),
    close: () => web.close(),
  };
}

let counter = 0;

export interface SeedOptions {
  body?: string;
  subject?: string | null;
  urgency?: 'emergent' | 'urgent' | 'routine' | 'non_clinical' | null;
  status?: 'new' | 'triaged' | 'ready' | 'sending' | 'sent' | 'closed';
  receivedAt?: string;
  patientRef?: string;
  threadRef?: string | null;
  reasons?: string[];
  flags?: string[];
  draft?: { body: string; flags?: string[]; source?: 'llm' | 'template' | 'escalation' } | null;
  assignedTo?: string | null;
}

/** A message as the pipeline leaves it, with a draft unless `draft: null`. */
export async function seedMessage(
  db: Db,
  o: SeedOptions = {},
): Promise<{ id: string; draftId: string | null; portalId: string }> {
  counter += 1;
  const portalId = `msg-${counter}-${Date.now()}`;
  const row = await db
    .insertInto('messages')
    .values({
      portal_id: portalId,
      patient_ref: o.patientRef ?? 'Patient/p1',
      thread_ref: o.threadRef ?? null,
      subject: o.subject === undefined ? 'Refill question' : o.subject,
      body: o.body ?? 'Can I get a refill of my lisinopril? I have two pills left.',
      language: 'en',
      received_at: o.receivedAt ?? new Date(Date.now() - 90 * 60_000).toISOString(),
      status: o.status ?? 'ready',
      urgency: o.urgency === undefined ? 'routine' : o.urgency,
      category: 'medication',
      categories: ['medication'],
      triage_reasons: o.reasons ?? ['refill request: "refill of my lisinopril"'],
      needs_reply: true,
      flags: o.flags ?? [],
      assigned_to: o.assignedTo ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let draftId: string | null = null;
  if (o.draft !== null) {
    const d = await db
      .insertInto('drafts')
      .values({
        message_id: row.id,
        body:
          o.draft?.body ??
          'Hello Maria,\n\nWe will ask Dr. Lee about your lisinopril refill today.\n\nThe care team',
        source: o.draft?.source ?? 'template',
        prompt_version: 'prompts-test',
        reading_grade: 7.2,
        target_grade: 6,
        flags: o.draft?.flags ?? ['above_target_grade: grade 7.2, target 6'],
        context_snapshot: JSON.stringify({
          sources: ['MedicationRequest/med-1', 'Patient/p1'],
          reasons: ['medicines named in the message'],
          facts: 'Medicines: lisinopril 10 mg, one tablet daily (MedicationRequest/med-1)',
          templateKinds: ['refill'],
          styleExamples: 0,
        }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    draftId = d.id;
  }
  return { id: row.id, draftId, portalId };
}

export async function seedPatient(
  db: Db,
  patientRef = 'Patient/p1',
  name = 'Maria Lopez',
  birthDate = '1980-05-04',
) {
  await db
    .insertInto('patients')
    .values({ patient_ref: patientRef, display_name: name, birth_date: birthDate, sex: 'female' })
    .onConflict((oc) => oc.column('patient_ref').doNothing())
    .execute();
}

export async function eventsFor(db: Db, messageId: string, action?: string) {
  let q = db.selectFrom('events').selectAll().where('message_id', '=', messageId);
  if (action) q = q.where('action', '=', action);
  return q.orderBy('id').execute();
}

export const messageUrl = (id: string, action?: string) =>
  `/inbox/messages/${id}${action ? `/${action}` : ''}`;

/** Posts a form as a browser does (urlencoded, with the session's CSRF token). */
export function postForm(person: Person, url: string, fields: Record<string, string | string[]> = {}) {
  return person.agent
    .post(url)
    .type('form')
    .send({ _csrf: person.csrf, ...fields });
}

/** Posts JSON as message.js does (X-CSRF-Token header). */
export function postJson(person: Person, url: string, body: Record<string, unknown> = {}) {
  return person.agent.post(url).set('X-CSRF-Token', person.csrf).set('Accept', 'application/json').send(body);
}
