/**
 * With a model configured, the draft step shows the model the two approved replies most like the new
 * message (same category), pseudonymized: the clinic's own past wording steers the new draft.
 */
import type { RunningPipeline } from '../../../src/messages/pipeline-runtime';
import { startFakeOpenAI, type FakeOpenAI } from '../../helpers/fake-openai';
import {
  createPipelineFixture,
  postPatientMessage,
  startFixturePipeline,
  waitFor,
  type PipelineFixture,
} from './fixture';

jest.setTimeout(90_000);

describe('style examples from approved replies', () => {
  let f: PipelineFixture;
  let fake: FakeOpenAI;
  let pipeline: RunningPipeline;

  beforeAll(async () => {
    f = await createPipelineFixture();
    fake = await startFakeOpenAI();
    fake.setDefault({ json: { body: 'We got your refill request. Your care team will review it soon.' } });
    pipeline = await startFixturePipeline(f, {
      llm: { baseUrl: fake.baseUrl, apiKey: 'test', model: 'fake-model', timeoutMs: 3000, maxRetries: 0 },
    });
  });
  afterAll(async () => {
    await pipeline?.close();
    await fake?.close();
    await f?.close();
  });

  async function sentReply(
    category: 'medication' | 'billing',
    message: string,
    reply: string,
  ): Promise<void> {
    const m = await f.db
      .insertInto('messages')
      .values({
        portal_id: `earlier-${Math.random().toString(36).slice(2)}`,
        patient_ref: `Patient/${f.patientIds[1]}`,
        body: message,
        received_at: new Date('2026-01-05T15:00:00Z'),
        urgency: 'routine',
        category,
        status: 'sent',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await f.db
      .insertInto('replies')
      .values({ message_id: m.id, body: reply, approved_at: new Date(), sent_at: new Date() })
      .execute();
  }

  it('sends the most similar approved replies of the same category, and not other categories', async () => {
    await sentReply(
      'medication',
      'Can you refill my lisinopril? I have a week left.',
      'Your lisinopril refill request is with Dr. Okafor; pharmacies usually have it in two days. Call Judith Pryce at 217-555-0188 with questions.',
    );
    await sentReply(
      'medication',
      'Is it ok to take ibuprofen with my allergy pills?',
      'Ibuprofen is fine with cetirizine.',
    );
    await sentReply(
      'billing',
      'Why was I billed twice for my lisinopril visit?',
      'Our billing office will fix the double charge.',
    );

    const portalId = await postPatientMessage(
      f.sandbox,
      f.patientIds[0],
      'Please refill my lisinopril, I have 5 pills left.',
    );
    await waitFor('the refill message to be ready', async () => {
      const m = await f.db
        .selectFrom('messages')
        .select('status')
        .where('portal_id', '=', portalId)
        .executeTakeFirst();
      return m?.status === 'ready';
    });
    const draftRequests = fake.requests.filter((r) => r.messagesText.includes('5 pills left'));
    expect(draftRequests.length).toBeGreaterThan(0);
    const seen = draftRequests.map((r) => r.messagesText).join('\n');
    expect(seen).toContain('pharmacies usually have it in two days');
    expect(seen).not.toContain('double charge');
    // Names and phone numbers in a past reply are pseudonymized like everything else.
    expect(seen).not.toContain('Judith Pryce');
    expect(seen).not.toContain('217-555-0188');
  });
});
