/**
 * Promises by hour and by configuration: "today" only while the clinic's calendar has working time
 * left today, "a nurse has been alerted" only when alerts reach one; every promise is shown to the
 * approver, and a model draft that makes one the clinic cannot keep is replaced.
 */
import path from 'node:path';
import { BusinessCalendarSchema, defaultCalendar } from '../../../src/clinic/calendar';
import { canActToday } from '../../../src/drafting/clinic-clock';
import { draftReply } from '../../../src/drafting/drafter';
import { loadPrompts } from '../../../src/drafting/prompts';
import { falsePromiseFlags, promiseFlags } from '../../../src/drafting/staff-flags';
import type { DraftDeps, DraftResult } from '../../../src/drafting/types';
import type { TriageResult } from '../../../src/triage/types';
import { createChatModel } from '../../../src/llm/chat-model';
import { startFakeOpenAI, type FakeOpenAI } from '../../helpers/fake-openai';
import { sampleChart, triage } from './fixtures';

const prompts = loadPrompts(path.join(__dirname, '../../../prompts'));
const ZONE = 'America/Chicago';
// Chicago is UTC-6 in late November.
const MONDAY_10 = new Date('2026-11-30T16:00:00Z');
const MONDAY_LUNCH = new Date('2026-11-30T18:30:00Z');
const MONDAY_16_45 = new Date('2026-11-30T22:45:00Z');
const MONDAY_21 = new Date('2026-12-01T03:00:00Z');
const SATURDAY_10 = new Date('2026-11-28T16:00:00Z');

function draft(text: string, t: Partial<TriageResult>, deps: Partial<DraftDeps>): Promise<DraftResult> {
  return draftReply(
    { text, chart: sampleChart(), triage: triage(t) },
    { model: null, prompts, now: MONDAY_10, ...deps },
  );
}
const body = (d: DraftResult) => d.body.split('\n\n').slice(1, -1).join('\n\n');

describe('canActToday', () => {
  it('is true while at least 30 working minutes are left today, lunch included', () => {
    expect(canActToday(MONDAY_10, undefined, ZONE)).toBe(true);
    expect(canActToday(MONDAY_LUNCH, undefined, ZONE)).toBe(true);
    expect(canActToday(MONDAY_16_45, undefined, ZONE)).toBe(false);
    expect(canActToday(MONDAY_21, undefined, ZONE)).toBe(false);
    expect(canActToday(SATURDAY_10, undefined, ZONE)).toBe(false);
  });

  it('follows the clinic calendar: a Saturday clinic can promise on Saturday, a holiday cannot', () => {
    const saturdays = BusinessCalendarSchema.parse({
      ...defaultCalendar(ZONE),
      periods: { ...defaultCalendar(ZONE).periods, '6': [{ start: '09:00', end: '13:00' }] },
    });
    expect(canActToday(SATURDAY_10, saturdays, ZONE)).toBe(true);
    const holiday = BusinessCalendarSchema.parse({ ...defaultCalendar(ZONE), holidays: ['2026-11-30'] });
    expect(canActToday(MONDAY_10, holiday, ZONE)).toBe(false);
  });
});

describe('urgent replies by the hour', () => {
  const urgent = { urgency: 'urgent' as const, category: 'symptom' as const };
  const text = 'Burning when I pee and a fever of 101.5';

  it('promises a call today while the clinic is open', async () => {
    const d = await draft(text, urgent, { now: MONDAY_10 });
    expect(body(d)).toMatch(/A nurse will call you today\. Please keep your phone close\./);
    expect(d.flags).toContainEqual({ code: 'promise_made', detail: 'A nurse will call you today.' });
  });

  it.each([
    ['late in the afternoon', MONDAY_16_45],
    ['at night', MONDAY_21],
    ['on a weekend', SATURDAY_10],
  ])('gives the after-hours line instead %s', async (_when, now) => {
    const d = await draft(text, urgent, { now });
    expect(d.body).not.toMatch(/call you today|today/);
    expect(body(d)).toMatch(
      /Our office is closed now\. Please call our after-hours nurse line at \(217\) 555-0199 now\./,
    );
    expect(d.flags.filter((f) => f.code === 'false_promise')).toEqual([]);
  });

  it('in Spanish too', async () => {
    const open = await draft(
      'Me arde al orinar y tengo fiebre',
      { ...urgent, language: 'es' },
      { now: MONDAY_10 },
    );
    expect(body(open)).toMatch(/Una enfermera le va a llamar hoy\./);
    const closed = await draft(
      'Me arde al orinar y tengo fiebre',
      { ...urgent, language: 'es' },
      { now: MONDAY_21 },
    );
    expect(closed.body).not.toMatch(/hoy/);
    expect(body(closed)).toMatch(/La oficina está cerrada ahora\./);
  });

  it('sends a refill "today" only on a working day, else on the next business day', async () => {
    const t = { category: 'medication' as const };
    const open = await draft('Can I get a refill of my lisinopril?', t, { now: MONDAY_10 });
    expect(body(open)).toMatch(/We will send the request to your pharmacy today\./);
    const weekend = await draft('Can I get a refill of my lisinopril?', t, { now: SATURDAY_10 });
    expect(body(weekend)).toMatch(/We will send the request to your pharmacy on our next business day\./);
  });
});

describe('promise checks', () => {
  it('lists each promise of an action for the approver', () => {
    expect(promiseFlags('Thank you. A nurse will call you today. We will send it to your pharmacy.')).toEqual(
      [
        { code: 'promise_made', detail: 'A nurse will call you today.' },
        { code: 'promise_made', detail: 'We will send it to your pharmacy.' },
      ],
    );
    expect(promiseFlags('Thank you for your note.')).toEqual([]);
  });

  it('finds promises the clinic cannot keep by hour or by set-up', () => {
    const closed = { openToday: false, nurseAlerted: false };
    expect(falsePromiseFlags('A nurse will call you this afternoon.', closed).map((f) => f.code)).toEqual([
      'false_promise',
    ]);
    expect(falsePromiseFlags('A nurse has been alerted.', closed)[0]?.detail).toMatch(/no alert channel/);
    expect(falsePromiseFlags('Una enfermera le va a llamar hoy.', closed)).toHaveLength(1);
    expect(
      falsePromiseFlags('A nurse will call you today.', { openToday: true, nurseAlerted: false }),
    ).toEqual([]);
    expect(falsePromiseFlags('We will write back in 2 business days.', closed)).toEqual([]);
  });
});

describe('the model is told what can be promised', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());

  it('says the office is closed and no alert was sent, by hour and configuration', async () => {
    const model = createChatModel({
      baseUrl: fake.baseUrl,
      apiKey: 'k',
      model: 'm',
      timeoutMs: 3000,
      maxRetries: 0,
    });
    fake.script({ json: { body: 'Our office is closed now.' } });
    await draftReply(
      {
        text: 'Burning when I pee',
        chart: sampleChart(),
        triage: triage({ urgency: 'urgent', category: 'symptom' }),
      },
      { model, prompts, now: MONDAY_21 },
    );
    const closedPrompt = fake.requests.at(-1)?.messagesText ?? '';
    expect(closedPrompt).toMatch(/no working time left today: promise nothing for today/);
    expect(closedPrompt).toMatch(/after-hours nurse line, \(217\) 555-0199/);
    expect(closedPrompt).toMatch(/Do not say that a nurse has been alerted\./);
    fake.script({ json: { body: 'A nurse will call you today.' } });
    await draftReply(
      {
        text: 'Burning when I pee',
        chart: sampleChart(),
        triage: triage({ urgency: 'urgent', category: 'symptom' }),
      },
      { model, prompts, now: MONDAY_10, nurseAlerts: true },
    );
    const openPrompt = fake.requests.at(-1)?.messagesText ?? '';
    expect(openPrompt).toMatch(/The clinic is open today/);
    expect(openPrompt).not.toMatch(/nurse has been alerted/);
  });
});
