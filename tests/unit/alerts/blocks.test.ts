import {
  ACTION_ACK,
  ACTION_ESCALATE,
  alertMessage,
  formatAge,
  inboxSummaryText,
  initialsOf,
  LEVEL_COLOUR,
  patientLine,
  triageReasonLabel,
  type AlertView,
} from '../../../src/alerts/blocks';
import { nextReminderDelayMs } from '../../../src/alerts/escalation';
import { viewOf } from '../../../src/alerts/view';
import { defaultCalendar, defaultSlaTargets } from '../../../src/clinic';

const view: AlertView = {
  messageId: '3f1b2c4d-1111-4222-8333-944455556666',
  level: 'emergent',
  reason: 'chest pain',
  patient: { initials: 'M.G.', ageYears: 67, sex: 'female' },
  receivedAt: new Date('2026-03-01T15:04:00Z'),
  dueAt: new Date('2026-03-01T16:04:00Z'),
  inboxUrl: 'https://inbox.example.org/inbox/messages/3f1b2c4d-1111-4222-8333-944455556666',
  status: 'open',
  timeZone: 'America/Chicago',
};

describe('triageReasonLabel', () => {
  it('keeps the concept and drops the quoted patient words', () => {
    const reasons = [
      'routine: symptom — "pain"',
      'emergent: chest pain — "crushing chest"',
      'urgent: fever — "fever"',
    ];
    expect(triageReasonLabel(reasons, 'emergent')).toBe('chest pain');
    expect(triageReasonLabel(reasons, 'urgent')).toBe('fever');
  });

  it('never passes through quotes or odd text, falling back to the level', () => {
    expect(triageReasonLabel(['emergent: "my name is Jane Doe and I hurt"'], 'emergent')).toBe(
      'emergent red flag',
    );
    expect(triageReasonLabel([], 'urgent')).toBe('urgent red flag');
    expect(
      triageReasonLabel(['urgent: automatic triage failed — a person must read this now'], 'urgent'),
    ).toBe('automatic triage failed');
  });
});

describe('patient brief', () => {
  it('makes initials from the first given name and the family name', () => {
    expect(initialsOf(['Maria', 'Luisa'], 'Garcia Lopez')).toBe('M.G.L.');
    expect(initialsOf(['Ana'], 'de la Cruz')).toBe('A.C.');
    expect(initialsOf([], undefined)).toBeUndefined();
  });

  it('shows initials, age and sex, or says details are unavailable', () => {
    expect(patientLine({ initials: 'M.G.', ageYears: 67, sex: 'female' })).toBe('M.G. · 67y · F');
    expect(patientLine({})).toBe('patient details unavailable');
  });
});

describe('alertMessage', () => {
  it('shows level with colour, reason, times and the three buttons while open', () => {
    const msg = alertMessage(view);
    expect(msg.text).toBe('EMERGENT patient message: chest pain');
    const attachment = msg.attachments[0] as { color: string; blocks: Record<string, unknown>[] };
    expect(attachment.color).toBe(LEVEL_COLOUR.emergent);
    const json = JSON.stringify(msg);
    expect(json).toContain('M.G. · 67y · F');
    expect(json).toContain('Mar 1, 9:04 AM CST');
    expect(json).toContain('Mar 1, 10:04 AM CST'); // due: one hour later for emergent
    const actions = attachment.blocks.find((b) => b.type === 'actions') as {
      elements: { action_id: string }[];
    };
    expect(actions.elements.map((e) => e.action_id)).toEqual([ACTION_ACK, 'alert_open', ACTION_ESCALATE]);
  });

  it('after acknowledgement names who and keeps only the inbox link', () => {
    const msg = alertMessage({ ...view, status: 'acked', ackedBy: 'U123' });
    const json = JSON.stringify(msg);
    expect(json).toContain('Acknowledged by <@U123>');
    expect(json).not.toContain(ACTION_ACK);
  });

  it('turns green when replied or closed', () => {
    for (const status of ['sent', 'closed'] as const) {
      const a = alertMessage({ ...view, status }).attachments[0] as { color: string };
      expect(a.color).not.toBe(LEVEL_COLOUR.emergent);
    }
  });
});

describe('times and counts', () => {
  it('shows the due time it is given, in the clinic zone', () => {
    const json = JSON.stringify(alertMessage({ ...view, dueAt: new Date('2026-03-02T16:00:00Z') }));
    expect(json).toContain('Mar 2, 10:00 AM CST');
  });

  it('doubles the wait between reminders', () => {
    expect([1, 2, 3].map((l) => nextReminderDelayMs(1000, l))).toEqual([2000, 4000, 8000]);
  });

  it('summarises the inbox with counts and an age only', () => {
    const text = inboxSummaryText({
      byLevel: { emergent: 1, urgent: 2, routine: 5, non_clinical: 0, untriaged: 0 },
      oldestUrgentMinutes: 75,
    });
    expect(text).toContain('emergent: 1, urgent: 2');
    expect(text).toContain('1 h 15 min');
    expect(formatAge(5)).toBe('5 min');
  });
});

describe('viewOf: the reply due time comes from the clinic calendar, as in the inbox', () => {
  const clinic = { calendar: defaultCalendar('America/Chicago'), sla: defaultSlaTargets() };
  const deps = { appBaseUrl: 'https://inbox.example.org', timeZone: 'America/Chicago', clinic };
  const alert = { acked_at: null, acked_slack_user: null, outcome: null, patient_brief: null };
  // Saturday 2026-11-28, 3:09 PM in Chicago.
  const saturday = new Date('2026-11-28T21:09:00Z');
  const message = (urgency: 'emergent' | 'urgent') => ({
    id: view.messageId,
    urgency,
    triage_reasons: [],
    received_at: saturday,
  });

  it('urgent: four business hours, so a Saturday message is due Monday at noon', () => {
    expect(viewOf(deps, message('urgent'), alert).dueAt.toISOString()).toBe('2026-11-30T18:00:00.000Z');
  });

  it('emergent: an hour of wall-clock time, weekend or not', () => {
    expect(viewOf(deps, message('emergent'), alert).dueAt.toISOString()).toBe('2026-11-28T22:09:00.000Z');
  });
});
