/**
 * The open list in a real browser: a new patient message appears without a reload (Server-Sent
 * Events), urgent ones on top; the keyboard works (? help, j/k to move, Enter to open).
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, logInThroughForm, newUserContext, type UserContext } from '../../helpers/browser';
import { allReady, startInboxServer, waitUntil, type InboxServer } from '../../helpers/inbox-server';
import { expectCleanPage, LEVEL_ORDER, messageIdOfUrl, ROWS, rowIds, rowLevels, step } from './inbox-pages';

jest.setTimeout(90_000);

let server: InboxServer;
let browser: Browser;
let staff: UserContext;

beforeAll(async () => {
  // The browser first: without chromium the file fails at once, before any server starts.
  browser = await launchBrowser();
  server = await startInboxServer({ messages: 8, seed: 3 });
  await allReady(server, server.seededPortalIds);
  staff = await newUserContext(browser, server.baseUrl);
  await logInThroughForm(staff.page, server.users.staff.email, server.users.staff.password);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('shows a new urgent message at the top of the open list, without a reload', async () => {
  const page = staff.page;
  await step(page, 'live-open-list', async () => {
    await page.goto('/inbox');
    await page.locator(ROWS).first().waitFor();
  });
  const before = await rowIds(page);
  expect(before).toHaveLength(server.seededPortalIds.length);
  // A marker on the window: a reload or a navigation would wipe it.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  const portalId = await server.postMessage(
    'I have crushing chest pain going down my left arm and I am sweating, it started 20 minutes ago',
    { patientIndex: 5 },
  );
  const { id, urgency } = await server.waitForReady(portalId);
  expect(urgency).toBe('emergent');

  await step(page, 'live-row-appears', () => page.locator(`#row-${id}`).waitFor({ timeout: 30_000 }));
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(
    true,
  );
  const ids = await rowIds(page);
  const levels = await rowLevels(page);
  expect(ids).toHaveLength(before.length + 1);
  // Emergent first: every row above the new one is emergent too (older ones wait longer), none below.
  const at = ids.indexOf(id);
  expect(levels.slice(0, at + 1).every((l) => l === 'emergent')).toBe(true);
  expect(levels.slice(at + 1).includes('emergent')).toBe(false);
  // And the whole list stays in level order.
  const ranks = levels.map((l) => LEVEL_ORDER.indexOf(l));
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  expectCleanPage(staff.watch, server);
});

it('opens the shortcut help with ?, moves with j and k, and opens the selected message with Enter', async () => {
  const page = staff.page;
  await page.goto('/inbox');
  await page.locator(ROWS).first().waitFor();
  const ids = await rowIds(page);
  expect(ids.length).toBeGreaterThanOrEqual(3);

  await step(page, 'keys-help', async () => {
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor({ state: 'visible', timeout: 5000 });
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden', timeout: 5000 });
  });

  const focusedRow = () =>
    page.evaluate(() => (document.activeElement?.closest('tr') as HTMLElement | null)?.dataset.id ?? null);
  await step(page, 'keys-move', async () => {
    await page.keyboard.press('j');
    expect(await focusedRow()).toBe(ids[0]);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await focusedRow()).toBe(ids[2]);
    await page.keyboard.press('k');
    expect(await focusedRow()).toBe(ids[1]);
  });

  await step(page, 'keys-open', async () => {
    await Promise.all([page.waitForURL(/\/inbox\/messages\//), page.keyboard.press('Enter')]);
  });
  expect(messageIdOfUrl(page.url())).toBe(ids[1]);
  expectCleanPage(staff.watch, server);
});

it('on a message: ? for help, e to start and edit, Ctrl+Enter asks to confirm, then sends once', async () => {
  const page = staff.page;
  const messageId = messageIdOfUrl(page.url());
  const { portal_id: portalId } = await server.db
    .selectFrom('messages')
    .select('portal_id')
    .where('id', '=', messageId)
    .executeTakeFirstOrThrow();

  await step(page, 'message-keys-help', async () => {
    await page.locator('body').press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor({ state: 'visible', timeout: 5000 });
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden', timeout: 5000 });
  });

  const reply = page.getByLabel('Reply to patient');
  await step(page, 'message-keys-edit', async () => {
    // The box holds the draft from the start: e puts the cursor in it, no reload.
    await reply.waitFor();
    await page.locator('body').press('e');
    expect(await reply.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  const dialog = page.getByRole('dialog', { name: 'Send this reply to the patient?' });
  await step(page, 'message-keys-confirm-cancel', async () => {
    await page.keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'visible', timeout: 5000 });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 5000 });
  });
  // Cancelling sent nothing.
  expect(server.repliesTo(portalId)).toEqual([]);

  await step(page, 'message-keys-confirm-send', async () => {
    await reply.focus();
    await page.keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'visible', timeout: 5000 });
    await Promise.all([
      page.waitForEvent('load'),
      dialog.getByRole('button', { name: 'Send reply now' }).click(),
    ]);
    await page.getByText(/Approved by Sam Rivera/).waitFor({ timeout: 30_000 });
  });
  await waitUntil('the reply on the portal', () => server.repliesTo(portalId).length > 0);
  await waitUntil('the send queue to drain', () => server.sendQueueIdle());
  expect(server.repliesTo(portalId)).toHaveLength(1);
  expectCleanPage(staff.watch, server);
});

it('labels every form control on the list and the message view', async () => {
  const page = staff.page;
  const unlabelled = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('input, select, textarea, button'))
        .filter((el) => (el as HTMLInputElement).type !== 'hidden' && !(el as HTMLElement).hidden)
        .filter((el) => {
          const control = el as HTMLInputElement;
          const named =
            (control.labels && control.labels.length > 0) ||
            control.getAttribute('aria-label') ||
            control.getAttribute('aria-labelledby') ||
            (el.tagName === 'BUTTON' && el.textContent!.trim() !== '') ||
            ((control.type === 'submit' || control.type === 'button') && control.value);
          return !named;
        })
        .map((el) => el.outerHTML.slice(0, 120)),
    );
  await page.goto('/inbox');
  expect(await unlabelled()).toEqual([]);
  await page.locator(`${ROWS} a.open-link`).first().click();
  await page.waitForURL(/\/inbox\/messages\//);
  expect(await unlabelled()).toEqual([]);
});
