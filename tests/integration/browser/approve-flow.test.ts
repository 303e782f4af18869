/**
 * The main flow in a real browser, against the whole running product: log in through the login
 * form, open the most urgent message from the list, edit the draft already in the reply box, approve and
 * confirm; the reply reaches the sandbox portal as a Communication answering the patient's message,
 * exactly once. Screenshots of the list and the message view are kept as test artifacts.
 */
import type { Browser } from 'playwright-core';
import {
  launchBrowser,
  logInThroughForm,
  newUserContext,
  screenshot,
  type UserContext,
} from '../../helpers/browser';
import { allReady, startInboxServer, waitUntil, type InboxServer } from '../../helpers/inbox-server';
import {
  approveAndConfirm,
  expectCleanPage,
  LEVEL_ORDER,
  messageIdOfUrl,
  ROWS,
  rowLevels,
  step,
} from './inbox-pages';

jest.setTimeout(120_000);

let server: InboxServer;
let browser: Browser;
let staff: UserContext;

beforeAll(async () => {
  // The browser first: without chromium the file fails at once, before any server starts.
  browser = await launchBrowser();
  server = await startInboxServer({ messages: 14, seed: 1 });
  await allReady(server, server.seededPortalIds);
  staff = await newUserContext(browser, server.baseUrl);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('refuses a wrong password with a message, then logs in through the form', async () => {
  const page = staff.page;
  await step(page, 'login-wrong-password', async () => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(server.users.staff.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').waitFor();
  });
  // What the person typed is kept; the password is not.
  expect(await page.getByLabel('Email').inputValue()).toBe(server.users.staff.email);
  expect(await page.getByLabel('Password').inputValue()).toBe('');
  await step(page, 'login', () =>
    logInThroughForm(page, server.users.staff.email, server.users.staff.password),
  );
  expect(new URL(page.url()).pathname).toBe('/inbox');
  expectCleanPage(staff.watch, server);
});

it('opens the most urgent message, starts with the draft, edits, approves: one reply reaches the portal', async () => {
  const page = staff.page;
  await page.goto('/inbox');
  await page.locator(ROWS).first().waitFor();
  const levels = await rowLevels(page);
  const ranks = levels.map((l) => LEVEL_ORDER.indexOf(l));
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  await screenshot(page, 'inbox-list');

  await step(page, 'open-most-urgent', async () => {
    await Promise.all([
      page.waitForURL(/\/inbox\/messages\/[0-9a-f-]{36}$/),
      page.locator(`${ROWS} a.open-link`).first().click(),
    ]);
  });
  const messageId = messageIdOfUrl(page.url());
  const row = await server.db
    .selectFrom('messages')
    .select(['portal_id', 'urgency', 'status'])
    .where('id', '=', messageId)
    .executeTakeFirstOrThrow();
  expect(row.urgency).toBe(levels[0]);
  expect(row.status).toBe('ready');
  await screenshot(page, 'message-view');

  // No start step: the reply box holds the draft at once; the first focus starts the reply.
  const reply = page.getByLabel('Reply to patient');
  const draftText = await reply.inputValue();
  expect(draftText.length).toBeGreaterThan(20);
  expect(await page.getByRole('button', { name: 'Start with draft' }).count()).toBe(0);
  await step(page, 'start-on-focus', async () => {
    await reply.click();
    await waitUntil(
      'reply.started on first focus',
      async () =>
        (await server.db
          .selectFrom('events')
          .select('id')
          .where('action', '=', 'reply.started')
          .where('message_id', '=', messageId)
          .executeTakeFirst()) ?? undefined,
    );
  });

  // A person's edit: a sentence of their own, before the sign-off when the draft has one.
  const addition = 'Sam from the front desk will also call you within the hour.';
  const signOff = draftText.lastIndexOf('\n\nTake care');
  const edited =
    signOff > 0
      ? `${draftText.slice(0, signOff)}\n\n${addition}${draftText.slice(signOff)}`
      : `${draftText.trimEnd()}\n\n${addition}`;
  await step(page, 'edit-reply', async () => {
    await reply.fill(edited);
    // Autosave (server-side, versioned) says so in the status line.
    await page.getByText(/Saved at/).waitFor({ timeout: 30_000 });
  });
  await screenshot(page, 'message-view-replying');

  await step(page, 'approve-and-send', () => approveAndConfirm(page));
  await step(page, 'approved-page', () =>
    page.getByText(/Approved by Sam Rivera/).waitFor({ timeout: 30_000 }),
  );

  // The send worker writes it to the portal...
  const sent = await waitUntil('the reply on the portal', () => {
    const replies = server.repliesTo(row.portal_id);
    return replies.length > 0 ? replies : undefined;
  });
  expect(sent).toHaveLength(1);
  expect(sent[0]!.text).toContain(addition);
  expect(sent[0]!.text.replace(/\r\n/g, '\n')).toBe(edited);
  // ...and once every send job is done, it is still there exactly once.
  await waitUntil('the send queue to drain', () => server.sendQueueIdle());
  await waitUntil('the message to be sent', async () => {
    const m = await server.db
      .selectFrom('messages')
      .select('status')
      .where('id', '=', messageId)
      .executeTakeFirstOrThrow();
    return m.status === 'sent';
  });
  expect(server.repliesTo(row.portal_id)).toHaveLength(1);
  const replies = await server.db
    .selectFrom('replies')
    .selectAll()
    .where('message_id', '=', messageId)
    .execute();
  expect(replies).toHaveLength(1);
  expect(replies[0]!.author).toBe(server.users.staff.userId);
  expect(sent[0]!.identifier).toBe(replies[0]!.id);

  // Each step the person took is in the audit log, in order.
  const actions = (
    await server.db
      .selectFrom('events')
      .select('action')
      .where('message_id', '=', messageId)
      .where('actor', '=', `user:${server.users.staff.userId}`)
      .orderBy('id')
      .execute()
  ).map((e) => e.action);
  const firstOf = (action: string) => actions.indexOf(action);
  expect(firstOf('message.viewed')).toBeGreaterThanOrEqual(0);
  expect(firstOf('reply.started')).toBeGreaterThan(firstOf('message.viewed'));
  expect(firstOf('reply.approved')).toBeGreaterThan(firstOf('reply.started'));

  await page.reload();
  await page.getByText(/Sent to the portal at/).waitFor();
  expectCleanPage(staff.watch, server);
});

it('lets an admin read a message but offers no way to answer it', async () => {
  const admin = await newUserContext(browser, server.baseUrl);
  try {
    await logInThroughForm(admin.page, server.users.admin.email, server.users.admin.password);
    await admin.page.locator(`${ROWS} a.open-link`).first().click();
    await admin.page.waitForURL(/\/inbox\/messages\//);
    await admin.page.getByRole('heading', { name: /Patient.s message/ }).waitFor();
    for (const name of [
      'Start with draft',
      'Start blank',
      'Start blank instead',
      'Approve and send',
      'Approve and next',
      'Route to nurse',
      'Claim',
    ]) {
      expect(await admin.page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    expectCleanPage(admin.watch, server);
  } finally {
    await admin.close();
  }
});
