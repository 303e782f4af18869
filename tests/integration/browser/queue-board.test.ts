/**
 * bull-board in a real browser, under the inbox's strict Content-Security-Policy: the documented
 * /admin/queues (with or without the trailing slash) renders the queues rather than spinning, its
 * scripts load, deep links work, and admins reach it from the inbox's navigation. Others do not.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, logInThroughForm, newUserContext, type PageWatch } from '../../helpers/browser';
import { startInboxServer, type InboxServer } from '../../helpers/inbox-server';
import { step } from './inbox-pages';

jest.setTimeout(90_000);

let server: InboxServer;
let browser: Browser;

beforeAll(async () => {
  // The browser first: without chromium the file fails at once, before any server starts.
  browser = await launchBrowser();
  server = await startInboxServer({ messages: 0, seed: 5, patients: 5 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * What bull-board may do under our CSP and nothing more: its page links a Google Fonts stylesheet,
 * which the policy refuses on purpose (no third party learns who opens the board). Everything else,
 * its scripts above all, must load.
 */
function expectBoardClean(watch: PageWatch): void {
  const fonts = /fonts\.googleapis\.com/;
  expect({
    consoleErrors: watch.consoleErrors.filter((e) => !fonts.test(e)),
    cspViolations: watch.cspViolations.filter((e) => !fonts.test(e)),
    failedSubresources: watch.failedSubresources,
    pageErrors: watch.pageErrors,
    serverErrors: server.webErrors(),
  }).toEqual({
    consoleErrors: [],
    cspViolations: [],
    failedSubresources: [],
    pageErrors: [],
    serverErrors: [],
  });
}

it('an admin follows the Queues link from the inbox and sees every queue', async () => {
  const admin = await newUserContext(browser, server.baseUrl);
  try {
    const page = admin.page;
    await logInThroughForm(page, server.users.admin.email, server.users.admin.password);
    const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queues' });
    await step(page, 'queue-board-link', async () => {
      await Promise.all([page.waitForURL('**/admin/queues/'), link.click()]);
      // Rendered by its scripts: the loading placeholder gives way to the queue list.
      await page.getByText('triage', { exact: true }).first().waitFor({ timeout: 20_000 });
    });
    for (const queue of ['poll', 'triage', 'draft', 'send']) {
      expect(await page.getByText(queue, { exact: true }).count()).toBeGreaterThan(0);
    }
    await expect(page.getByText('Loading', { exact: true }).count()).resolves.toBe(0);
    expectBoardClean(admin.watch);
  } finally {
    await admin.close();
  }
});

it('renders at /admin/queues without the slash, and at a deep link', async () => {
  const admin = await newUserContext(browser, server.baseUrl);
  try {
    const page = admin.page;
    await logInThroughForm(page, server.users.admin.email, server.users.admin.password);
    await step(page, 'queue-board-no-slash', async () => {
      const response = await page.goto('/admin/queues');
      expect(response?.status()).toBe(200);
      expect(new URL(page.url()).pathname).toBe('/admin/queues/');
      await page.getByText('triage', { exact: true }).first().waitFor({ timeout: 20_000 });
    });
    await step(page, 'queue-board-deep-link', async () => {
      const response = await page.goto('/admin/queues/queue/triage');
      expect(response?.status()).toBe(200);
      // The queue's own view: its job-state tabs.
      await page
        .getByText(/completed/i)
        .first()
        .waitFor({ timeout: 20_000 });
    });
    expectBoardClean(admin.watch);
  } finally {
    await admin.close();
  }
});

it('is neither linked nor served for staff', async () => {
  const staff = await newUserContext(browser, server.baseUrl);
  try {
    const page = staff.page;
    await logInThroughForm(page, server.users.staff.email, server.users.staff.password);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Inbox' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Queues' }).count()).toBe(0);
    const response = await page.goto('/admin/queues/');
    expect(response?.status()).toBe(403);
    // Our pages name their icon, so the browser never asks for a missing /favicon.ico.
    expect(staff.watch.failedSubresources.filter((r) => r.includes('favicon'))).toEqual([]);
  } finally {
    await staff.close();
  }
});
