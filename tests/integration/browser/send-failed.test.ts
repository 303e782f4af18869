/**
 * Intake and sending faults as staff meet them, in a real browser against the whole running product:
 * the portal refuses an approved reply (the sandbox answers 422 to every POST), the message shows up
 * under "Send failed" with the reason, and "Retry sending" gets it to the portal once the portal
 * takes it again; and a Communication the system cannot read becomes an urgent item showing its
 * portal id, with what the portal sent shown escaped, as text, none of its markup alive.
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
import { approveReply } from '../../../src/messages/approve';
import { plantRaw, setFaults } from '../pipeline/fixture';
import { expectCleanPage, messageIdOfUrl, ROWS, step } from './inbox-pages';

jest.setTimeout(120_000);

let server: InboxServer;
let browser: Browser;
let staff: UserContext;

beforeAll(async () => {
  // The browser first: without chromium the file fails at once, before any server starts.
  browser = await launchBrowser();
  server = await startInboxServer({ messages: 2, seed: 3 });
  await allReady(server, server.seededPortalIds);
  staff = await newUserContext(browser, server.baseUrl);
  await logInThroughForm(staff.page, server.users.staff.email, server.users.staff.password);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const REPLY = 'Thank you for writing. A nurse will call you this afternoon about your question.';

it('a refused reply is under "Send failed" with its reason; "Retry sending" gets it to the portal once', async () => {
  const page = staff.page;
  const portalId = server.seededPortalIds[0]!;
  const message = await server.db
    .selectFrom('messages')
    .select(['id', 'version'])
    .where('portal_id', '=', portalId)
    .executeTakeFirstOrThrow();

  // The portal turns every write down; someone approves a reply; the send worker gives up on it.
  await setFaults(server.sandbox, { errorStatus: 422, failNext: 1_000_000, methods: ['POST'] });
  await approveReply(server.db, server.queues, {
    messageId: message.id,
    author: server.users.nurse.userId,
    body: REPLY,
    draftId: null,
    expectedVersion: message.version,
  });
  await waitUntil('the send to fail', async () => {
    const row = await server.db
      .selectFrom('messages')
      .select('status')
      .where('id', '=', message.id)
      .executeTakeFirstOrThrow();
    return row.status === 'send_failed';
  });
  expect(server.repliesTo(portalId)).toEqual([]);
  // The portal takes writes again.
  await setFaults(server.sandbox, {});

  await step(page, 'send-failed-view', async () => {
    await page.goto('/inbox');
    const notice = page.locator('#send-failed-notice');
    await notice.getByText('1 approved reply could not be sent').waitFor();
    await Promise.all([
      page.waitForURL(/status=send_failed/),
      notice.getByRole('link', { name: 'Show the Send failed view' }).click(),
    ]);
    await page.locator(ROWS).first().waitFor();
  });
  expect(await page.locator(ROWS).count()).toBe(1);
  expect(await page.locator(`${ROWS} .status-send-failed`).textContent()).toBe('Send failed');
  await screenshot(page, 'inbox-send-failed-view');

  await step(page, 'open-send-failed', async () => {
    await Promise.all([
      page.waitForURL(/\/inbox\/messages\/[0-9a-f-]{36}$/),
      page.locator(`${ROWS} a.open-link`).first().click(),
    ]);
  });
  expect(messageIdOfUrl(page.url())).toBe(message.id);
  await page.getByRole('heading', { name: 'Sending failed' }).waitFor();
  expect(await page.locator('#send-failed-reason').textContent()).toContain(
    'The patient portal refused the reply as invalid (HTTP 422)',
  );
  expect(await page.locator('#send-failed-attempts').textContent()).toMatch(/^1 attempt to reach the portal/);
  expect(await page.getByRole('region', { name: 'Approved reply, not sent' }).textContent()).toBe(REPLY);
  expect(await page.getByRole('button', { name: 'Close without reply' }).isVisible()).toBe(true);
  await screenshot(page, 'message-send-failed', { fullPage: true });

  await step(page, 'retry-sending', async () => {
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Retry sending' }).click(),
    ]);
    // The notice, or (when the live update has already reloaded the page for the new state) the
    // reply's new round on the page itself.
    await page
      .getByText(/Sending again \(send round 2\)|Sending \(attempt 2|Sent to the portal at/)
      .first()
      .waitFor();
  });

  const sent = await waitUntil('the reply on the portal', () => {
    const replies = server.repliesTo(portalId);
    return replies.length > 0 ? replies : undefined;
  });
  await waitUntil('the send queue to settle', () => server.sendQueueIdle());
  expect(server.repliesTo(portalId)).toHaveLength(1);
  expect(sent[0]!.text).toBe(REPLY);
  const after = await server.db
    .selectFrom('messages')
    .innerJoin('replies', 'replies.message_id', 'messages.id')
    .select(['messages.status', 'replies.send_round', 'replies.sent_at'])
    .where('messages.id', '=', message.id)
    .executeTakeFirstOrThrow();
  expect(after).toMatchObject({ status: 'sent', send_round: 2 });
  const retried = await server.db
    .selectFrom('events')
    .select(['actor', 'data'])
    .where('message_id', '=', message.id)
    .where('action', '=', 'reply.send_retried')
    .execute();
  expect(retried).toEqual([
    { actor: `user:${server.users.staff.userId}`, data: expect.objectContaining({ round: 2 }) },
  ]);
  expectCleanPage(staff.watch, server);
});

it('an unreadable Communication is an urgent item with its portal id; what the portal sent is inert text', async () => {
  const page = staff.page;
  const hostile = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script>';
  // A buggy portal: the payload is not a list, and the resource carries markup.
  const portalId = await plantRaw(server.sandbox, {
    resourceType: 'Communication',
    status: 'completed',
    sender: { reference: `Patient/${server.patientIds[1]}` },
    payload: `${hostile} my chest hurts`,
  });
  const item = await waitUntil(
    'the unreadable item',
    async () =>
      (await server.db
        .selectFrom('messages')
        .select(['id', 'status', 'urgency', 'flags'])
        .where('portal_id', '=', portalId)
        .executeTakeFirst()) ?? undefined,
    60_000,
  );
  expect(item).toMatchObject({ status: 'ready', urgency: 'urgent', flags: ['unreadable'] });

  await step(page, 'open-unreadable', async () => {
    await page.goto('/inbox?level=urgent');
    const link = page.locator(`#row-${item.id} a.open-link`);
    expect(await link.textContent()).toBe('Unreadable message: open it in the portal');
    await Promise.all([page.waitForURL(/\/inbox\/messages\//), link.click()]);
  });
  await page.getByRole('heading', { name: 'This message could not be read here' }).waitFor();
  expect(await page.locator('#unreadable-portal-id').textContent()).toBe(portalId);

  const details = page.locator('#original-escaped');
  expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  await step(page, 'show-original', async () => {
    await page.getByText('Show what the portal sent (escaped)').click();
    await page.locator('#original-escaped-text').waitFor({ state: 'visible' });
  });
  const shown = (await page.locator('#original-escaped-text').textContent()) ?? '';
  expect(shown).toContain('<img src=x onerror=\\"window.__pwned=1;alert(1)\\">');
  expect(shown).toContain('<script>window.__pwned=2</script> my chest hurts');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await page.locator('#original-escaped img, #original-escaped script').count()).toBe(0);
  await screenshot(page, 'message-unreadable', { fullPage: true });
  expectCleanPage(staff.watch, server);
});
