/** Approving a reply to an alerted message turns its Slack alert to "replied" with no one touching Slack. */
import { approveReply } from '../../../src/messages/approve';
import { waitFor } from '../pipeline/fixture';
import { alertRow, createAlertsFixture, type AlertsFixture } from './alerts-fixture';

jest.setTimeout(90_000);

let f: AlertsFixture;
beforeAll(async () => {
  f = await createAlertsFixture({ escalateAfterMs: { emergent: 600_000, urgent: 600_000 } });
});
afterAll(async () => {
  await f?.close();
});

it('updates the alert in place once the approved reply is sent', async () => {
  const { messageId } = await f.alertFor(
    'Burning when I pee, fever 101.5 and shaking chills since last night',
  );
  const posted = await alertRow(f.db, messageId);
  const ready = await waitFor('ready', async () => {
    const m = await f.db.selectFrom('messages').selectAll().where('id', '=', messageId).executeTakeFirst();
    return m?.status === 'ready' ? m : undefined;
  });
  const draft = await f.db
    .selectFrom('drafts')
    .selectAll()
    .where('message_id', '=', messageId)
    .executeTakeFirstOrThrow();
  const nurse = await f.db
    .insertInto('users')
    .values({ email: 'rn@clinic.example.org', display_name: 'RN', role: 'nurse' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await approveReply(f.db, f.queues, {
    messageId,
    author: nurse.id,
    body: draft.body,
    draftId: draft.id,
    expectedVersion: ready.version,
  });
  await waitFor(
    'the alert to resolve as sent',
    async () => (await alertRow(f.db, messageId)).outcome === 'sent',
  );
  await waitFor('the Slack message to say replied', async () =>
    f.slack
      .callsTo('chat.update')
      .some((c) => c.args.ts === posted.slack_ts && JSON.stringify(c.args).includes('Replied')),
  );
});
