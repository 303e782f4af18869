/**
 * The inbox list over the real app: a fresh database and Redis namespace, a fixed clock, staff who
 * log in through the login form, and message / patient / alert rows written as the pipeline would.
 */
import type { Express } from 'express';
import type { Db, UserRole } from '../../../src/db';
import type { CategoryValue, MessageStatus, UrgencyValue } from '../../../src/db/schema';
import { upsertPatientFromChart } from '../../../src/inbox/patients';
import { createAuthFixture, loggedIn, userWithPassword } from '../auth/auth-fixture';
import type { WebFixture } from '../web/web-fixture';

/** Wednesday 12 March 2025, 11:00 in Chicago (CDT, UTC-5): inside business hours. */
export const NOW = new Date('2025-03-12T16:00:00Z');

export interface ListFixture extends WebFixture {
  /** The app with the clock fixed at NOW. */
  fixedApp: Express;
  prefix: string;
}

export async function createListFixture(env: Record<string, string> = {}): Promise<ListFixture> {
  const web = await createAuthFixture(env);
  return { ...web, fixedApp: web.appWith({ now: () => NOW }), prefix: web.deps.config.env.QUEUE_PREFIX };
}

/** A user with a display name of our choosing, logged in on `app`. */
export async function staffSession(app: Express, db: Db, role: UserRole, name: string) {
  const user = await userWithPassword(db, role);
  await db.updateTable('users').set({ display_name: name }).where('id', '=', user.userId).execute();
  const session = await loggedIn(app, user);
  return { ...user, name, ...session };
}

let counter = 0;

export interface MessageFields {
  receivedAt: string;
  urgency?: UrgencyValue | null;
  category?: CategoryValue | null;
  status?: MessageStatus;
  subject?: string | null;
  body?: string;
  language?: string | null;
  patientRef?: string;
  assignedTo?: string | null;
  routedTo?: 'nurse' | null;
}

export async function addMessage(db: Db, f: MessageFields): Promise<string> {
  counter += 1;
  const row = await db
    .insertInto('messages')
    .values({
      portal_id: `list-${counter}-${Date.now()}`,
      patient_ref: f.patientRef ?? 'Patient/p1',
      subject: f.subject === undefined ? `Subject ${counter}` : f.subject,
      body: f.body ?? 'Can I get a refill of my lisinopril?',
      received_at: f.receivedAt,
      status: f.status ?? 'ready',
      urgency: f.urgency === undefined ? 'routine' : f.urgency,
      category: f.category === undefined ? 'medication' : f.category,
      language: f.language === undefined ? 'en' : f.language,
      needs_reply: true,
      assigned_to: f.assignedTo ?? null,
      routed_to: f.routedTo ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addPatient(
  db: Db,
  patientRef: string,
  p: { given: string[]; family?: string; birthDate?: string; recordNumbers?: string[]; preferred?: string },
): Promise<void> {
  await upsertPatientFromChart(db, patientRef, {
    source: patientRef,
    givenNames: p.given,
    familyName: p.family,
    preferredName: p.preferred,
    nicknames: [],
    birthDate: p.birthDate,
    recordNumbers: p.recordNumbers ?? [],
    phones: [],
    emails: [],
    addresses: [],
  });
}

/** The data-id of every row in a rendered list, in order. */
export function rowIds(html: string): string[] {
  return [...html.matchAll(/<tr id="row-[^"]+" class="[^"]*" data-id="([^"]+)"/g)].map((m) => m[1]);
}

/** The HTML of one row. */
export function rowHtml(html: string, id: string): string {
  const start = html.indexOf(`<tr id="row-${id}"`);
  if (start < 0) throw new Error(`row ${id} not in the page`);
  return html.slice(start, html.indexOf('</tr>', start) + 5);
}
