/**
 * Two staff members on one message, each in a browser of their own: each sees the other there
 * ("NAME is viewing", then "is replying"), both approve at the same moment, one reply reaches the
 * portal and the other person is told, in an alert, that the message was already approved or changed.
 */
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  logInThroughForm,
  newUserContext,
  screenshot,
  type UserContext,
} from '../../helpers/browser';
import { startInboxServer, waitUntil, type InboxServer } from '../../helpers/inbox-server';
import { approveAndConfirm, expectCleanPage, step } from './inbox-pages';

jest.setTimeout(120_000);

let server: InboxServer;
let browser: Browser;
let sam: UserContext;
let alex: UserContext;
let messageId: string;
let portalId: string;

beforeAll(async () => {
  // The browser first: without chromium the file fails at once, before any server starts.
  browser = await launchBrowser();
  server = await startInboxServer({ messages: 0 });
  portalId = await server.postMessage(
    'Hello, could you send a refill of my lisinopril to the pharmacy on Main Street? I have 3 pills left. Thank you',
    { patientIndex: 2 },
  );
  messageId = (await server.waitForReady(portalId)).id;
  [sam, alex] = await Promise.all([
    newUserContext(browser, server.baseUrl),
    newUserContext(browser, server.baseUrl),
  ]);
  await Promise.all([
    logInThroughForm(sam.page, server.users.staff.email, server.users.staff.password),
    logInThroughForm(alex.page, server.users.staff2.email, server.users.staff2.password),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const presence = (page: Page) => page.locator('#presence');

it('shows each person the other one, viewing and then replying', async () => {
  await sam.page.goto(`/inbox/messages/${messageId}`);
  await alex.page.goto(`/inbox/messages/${messageId}`);
  await step(alex.page, 'presence-alex-sees-sam', () =>
    presence(alex.page).getByText('Sam Rivera is viewing').waitFor({ timeout: 30_000 }),
  );
  await step(sam.page, 'presence-sam-sees-alex', () =>
    presence(sam.page).getByText('Alex Chen is viewing').waitFor({ timeout: 30_000 }),
  );

  // Sam starts a reply and types in it: Alex sees that Sam is replying.
  await step(sam.page, 'presence-start', async () => {
    // The box holds the draft already; clicking into it starts the reply.
    await sam.page.getByLabel('Reply to patient').click();
    await sam.page.getByLabel('Reply to patient').press('End');
  });
  await step(alex.page, 'presence-alex-sees-replying', () =>
    presence(alex.page).getByText('Sam Rivera is replying').waitFor({ timeout: 30_000 }),
  );
  await screenshot(alex.page, 'message-view-presence');

  // The list shows it too: Sam goes back to the list while Alex stays on the message.
  await step(sam.page, 'presence-in-list', async () => {
    await sam.page.goto('/inbox');
    await sam.page
      .locator(`[data-presence-for="${messageId}"]`)
      .getByText(/Alex Chen is (viewing|replying)/)
      .waitFor({ timeout: 30_000 });
  });
  expectCleanPage(sam.watch, server);
  expectCleanPage(alex.watch, server);
});

it('lets only one of two simultaneous approvals send, and tells the other person', async () => {
  // Both look at the same version of the reply Sam started.
  await Promise.all([sam.page.goto(`/inbox/messages/${messageId}`), alex.page.reload()]);
  await Promise.all([
    sam.page.getByLabel('Reply to patient').waitFor(),
    alex.page.getByLabel('Reply to patient').waitFor(),
  ]);

  const approveStatus = (page: Page) =>
    page
      .waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/${messageId}/approve`))
      .then((r) => r.status());
  const statuses = Promise.all([approveStatus(sam.page), approveStatus(alex.page)]);
  await step(sam.page, 'both-approve', () =>
    Promise.all([approveAndConfirm(sam.page), approveAndConfirm(alex.page)]),
  );
  // One form went through (303 back to the page), the other was refused (409, the page again).
  expect((await statuses).sort()).toEqual([303, 409]);

  const refusal = (page: Page) =>
    page.getByRole('alert').filter({ hasText: /already approved|changed|nothing was sent/i });
  const [first] = await server.db
    .selectFrom('replies')
    .select('author')
    .where('message_id', '=', messageId)
    .execute();
  const winner = first?.author === server.users.staff.userId ? 0 : 1;
  const [winnerPage, loser] = winner === 0 ? [sam.page, alex.page] : [alex.page, sam.page];
  // The winner's page says the reply is on its way; the other says why nothing was sent.
  await winnerPage
    .getByText(/Approved by/)
    .first()
    .waitFor();
  await step(loser, 'loser-sees-alert', () => refusal(loser).first().waitFor({ timeout: 30_000 }));
  await screenshot(loser, 'message-view-approval-refused');

  await waitUntil('the reply on the portal', () => server.repliesTo(portalId).length > 0);
  await waitUntil('the send queue to drain', () => server.sendQueueIdle());
  expect(server.repliesTo(portalId)).toHaveLength(1);
  const replies = await server.db
    .selectFrom('replies')
    .selectAll()
    .where('message_id', '=', messageId)
    .execute();
  expect(replies).toHaveLength(1);
  const winnerUser = winner === 0 ? server.users.staff : server.users.staff2;
  expect(replies[0]!.author).toBe(winnerUser.userId);
  expectCleanPage(sam.watch, server);
  expectCleanPage(alex.watch, server);
});
