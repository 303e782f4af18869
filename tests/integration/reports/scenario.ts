/**
 * A scripted week at a clinic in America/Chicago with known timestamps: after-hours and weekend
 * messages, a holiday (Tuesday 2026-03-10), the daylight-saving change (Sunday 2026-03-08 02:00),
 * two staff members, replies from a draft and from blank, regenerations and feedback.
 * Every expected figure in reports.test.ts is worked out by hand in comments there.
 */
import { recordEvent } from '../../../src/audit';
import { saveClinicSettings } from '../../../src/clinic';
import { defaultCalendar } from '../../../src/clinic/calendar';
import type { Db } from '../../../src/db';

export interface Scenario {
  staffA: string;
  staffB: string;
  manager: string;
  ids: Record<'m0' | 'm1' | 'm2' | 'm3' | 'm4' | 'm5' | 'm6', string>;
}

type Ev = [iso: string, action: string, actor?: string, data?: Record<string, unknown>];

async function user(db: Db, name: string, role: 'staff' | 'nurse' | 'manager'): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({ email: `${name.toLowerCase()}@scenario.test`, display_name: name, role, password_hash: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function message(
  db: Db,
  key: string,
  fields: {
    received: string;
    urgency: string | null;
    category: string | null;
    language: string | null;
    status: string;
  },
  events: Ev[],
): Promise<string> {
  const row = await db
    .insertInto('messages')
    .values({
      portal_id: `scenario-${key}`,
      patient_ref: 'Patient/scenario',
      body: 'PATIENT TEXT MUST NOT BE EXPORTED',
      subject: 'SUBJECT MUST NOT BE EXPORTED',
      received_at: fields.received,
      urgency: fields.urgency as 'routine',
      category: fields.category as 'other',
      language: fields.language,
      status: fields.status as 'new',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [iso, action, actor, data] of events) {
    await recordEvent(db, {
      at: new Date(iso),
      action,
      actor: actor ?? 'system:worker',
      messageId: row.id,
      data,
    });
  }
  return row.id;
}

const edit = (wordEdits: number, draftWords: number, sentWords: number) => ({
  unchanged: wordEdits === 0,
  draftWords,
  sentWords,
  wordEdits,
  wordsAdded: 0,
  wordsRemoved: 0,
});

export async function seedScenario(db: Db): Promise<Scenario> {
  const staffA = await user(db, 'Alice', 'staff');
  const staffB = await user(db, 'Bea', 'nurse');
  const manager = await user(db, 'Manny', 'manager');
  await saveClinicSettings(
    db,
    'business_calendar',
    { ...defaultCalendar('America/Chicago'), holidays: ['2026-03-10'] },
    manager,
  );
  const A = `user:${staffA}`;
  const B = `user:${staffB}`;
  const approve = (author: string, draftId: string | null, e: ReturnType<typeof edit>) => ({
    replyId: '00000000-0000-4000-8000-000000000001',
    draftId,
    author,
    edit: e,
  });
  const draftId = '00000000-0000-4000-8000-0000000000d1';
  // m0: before the range (Thu 5 Mar 10:00 CST), closed Mon 9 Mar 15:00Z: only in the backlog.
  const m0 = await message(
    db,
    'm0',
    {
      received: '2026-03-05T16:00:00Z',
      urgency: 'routine',
      category: 'other',
      language: 'en',
      status: 'closed',
    },
    [
      ['2026-03-05T16:01:00Z', 'message.ingested'],
      ['2026-03-09T15:00:00Z', 'message.closed', A, { reason: 'duplicate' }],
    ],
  );
  // m1: Fri 6 Mar 09:00 CST, routine, sent 10:11 unchanged from the draft by Alice.
  const m1 = await message(
    db,
    'm1',
    {
      received: '2026-03-06T15:00:00Z',
      urgency: 'routine',
      category: 'medication',
      language: 'en',
      status: 'sent',
    },
    [
      ['2026-03-06T15:01:00Z', 'message.ingested'],
      ['2026-03-06T15:02:00Z', 'message.triaged'],
      ['2026-03-06T15:05:00Z', 'message.ready'],
      ['2026-03-06T16:00:00Z', 'message.viewed', A, { via: 'session' }],
      ['2026-03-06T16:05:00Z', 'message.viewed', A, { via: 'session' }],
      ['2026-03-06T16:10:00Z', 'reply.approved', A, approve(staffA, draftId, edit(0, 40, 40))],
      ['2026-03-06T16:11:00Z', 'reply.sent', 'system:worker', { replyId: 'r1' }],
    ],
  );
  // m2: Fri 6 Mar 18:30 CST (after hours), urgent, Spanish; Slack ack after 12 min; Bea replies
  // from blank on Monday 08:45 CDT.
  const m2 = await message(
    db,
    'm2',
    {
      received: '2026-03-07T00:30:00Z',
      urgency: 'urgent',
      category: 'symptom',
      language: 'es',
      status: 'sent',
    },
    [
      ['2026-03-07T00:31:00Z', 'message.ingested'],
      ['2026-03-07T00:32:00Z', 'message.triaged'],
      ['2026-03-07T00:33:00Z', 'alert.posted', 'system:worker', { level: 'urgent' }],
      ['2026-03-07T00:40:00Z', 'message.ready'],
      ['2026-03-07T00:45:00Z', 'alert.acknowledged', B, { slackUser: 'U1', userId: staffB }],
      ['2026-03-09T13:15:00Z', 'message.viewed', B, { via: 'session' }],
      ['2026-03-09T13:40:00Z', 'reply.approved', B, approve(staffB, null, edit(35, 0, 35))],
      ['2026-03-09T13:45:00Z', 'reply.sent'],
    ],
  );
  // m3: Sun 8 Mar 01:30 CST, just before clocks go forward; emergent; closed by Bea at 03:45 CDT.
  const m3 = await message(
    db,
    'm3',
    {
      received: '2026-03-08T07:30:00Z',
      urgency: 'emergent',
      category: 'symptom',
      language: 'en',
      status: 'closed',
    },
    [
      ['2026-03-08T07:30:30Z', 'message.ingested'],
      ['2026-03-08T07:31:00Z', 'message.triaged'],
      ['2026-03-08T07:31:30Z', 'alert.posted', 'system:worker', { level: 'emergent' }],
      ['2026-03-08T07:32:00Z', 'message.ready'],
      ['2026-03-08T07:40:00Z', 'alert.acknowledged', B, { slackUser: 'U1', userId: staffB }],
      ['2026-03-08T07:50:00Z', 'message.viewed', B, { via: 'session' }],
      ['2026-03-08T08:45:00Z', 'message.closed', B, { reason: 'handled_by_phone' }],
    ],
  );
  // m4: Mon 9 Mar 16:30 CDT, routine billing; two regenerations, feedback "not useful"; Alice sends
  // a lightly edited draft (12 edits / 40 words = 0.3) on Wed 11 Mar 09:05 CDT.
  const m4 = await message(
    db,
    'm4',
    {
      received: '2026-03-09T21:30:00Z',
      urgency: 'routine',
      category: 'billing',
      language: 'en',
      status: 'sent',
    },
    [
      ['2026-03-09T21:31:00Z', 'message.ingested'],
      ['2026-03-09T21:32:00Z', 'message.triaged'],
      ['2026-03-09T21:35:00Z', 'message.ready'],
      ['2026-03-09T21:38:00Z', 'message.viewed', A, { via: 'session' }],
      [
        '2026-03-09T21:40:00Z',
        'draft.regenerated',
        A,
        { draftId, previousDraftId: draftId, instruction: 'shorter' },
      ],
      [
        '2026-03-09T21:41:00Z',
        'draft.regenerated',
        A,
        { draftId, previousDraftId: draftId, instruction: 'simpler' },
      ],
      ['2026-03-09T21:42:00Z', 'draft.feedback', A, { draftId, useful: false, reasons: ['too_long'] }],
      ['2026-03-11T14:00:00Z', 'reply.approved', A, approve(staffA, draftId, edit(12, 30, 40))],
      ['2026-03-11T14:05:00Z', 'reply.sent'],
    ],
  );
  // m5: Tue 10 Mar 10:00 CDT (the holiday), non-clinical; approved heavily edited (20/25 = 0.8),
  // not sent yet: still open, due Thu 12 Mar 17:00 CDT, pending at the report's "now".
  const m5 = await message(
    db,
    'm5',
    {
      received: '2026-03-10T15:00:00Z',
      urgency: 'non_clinical',
      category: 'scheduling',
      language: 'en',
      status: 'sending',
    },
    [
      ['2026-03-10T15:01:00Z', 'message.ingested'],
      ['2026-03-10T15:02:00Z', 'message.triaged'],
      ['2026-03-10T15:04:00Z', 'message.ready'],
      ['2026-03-10T15:10:00Z', 'draft.feedback', A, { draftId, useful: true, reasons: [] }],
      ['2026-03-10T15:20:00Z', 'message.viewed', A, { via: 'session' }],
      ['2026-03-10T15:30:00Z', 'reply.approved', A, approve(staffA, draftId, edit(20, 25, 20))],
    ],
  );
  // m6: Sat 7 Mar 12:00 CST, never triaged (held to the urgent target: due Mon 12:00 CDT, missed).
  const m6 = await message(
    db,
    'm6',
    { received: '2026-03-07T18:00:00Z', urgency: null, category: null, language: null, status: 'new' },
    [['2026-03-07T18:01:00Z', 'message.ingested']],
  );
  return { staffA, staffB, manager, ids: { m0, m1, m2, m3, m4, m5, m6 } };
}
