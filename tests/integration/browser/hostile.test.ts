/**
 * A patient message full of hostile markup, as the portal would deliver it, shown in a real browser:
 * it reads as text in the list and in the message view, no script of it runs, no dialog opens, none
 * of its elements reach the page, nothing trips the Content-Security-Policy, and the page stays
 * readable (no sideways scrolling from a 5,000-character word, 10,000 lines kept in their box).
 */
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  logInThroughForm,
  newUserContext,
  screenshot,
  type UserContext,
} from '../../helpers/browser';
import { allReady, startInboxServer, type InboxServer } from '../../helpers/inbox-server';
import { expectCleanPage, ROWS, step } from './inbox-pages';

jest.setTimeout(120_000);

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1;alert(1)">';
const LINK = '<a href="javascript:window.__pwned=1">see my photo</a>';
const RLO = 'my file is \u202Egnp.exe';
const LONG_WORD = 'A'.repeat(5000);
const HOSTILE = [
  `${SCRIPT} Please help with my refill`,
  IMG,
  LINK,
  '<svg onload="window.__pwned=1"></svg><iframe src="javascript:window.__pwned=1"></iframe>',
  '"><style>body{display:none}</style><b onmouseover="window.__pwned=1">hover</b>',
  RLO,
  LONG_WORD,
  // 10,000 lines (numbered; the portal takes at most 100,000 characters in all).
  ...Array.from({ length: 9_999 }, (_, i) => String(i + 1)),
  'the last line, 10000',
].join('\n');

let server: InboxServer;
let browser: Browser;
let staff: UserContext;
let messageId: string;

beforeAll(async () => {
  // The browser first: without chromium the file fails at once, before any server starts.
  browser = await launchBrowser();
  server = await startInboxServer({ messages: 3, seed: 5 });
  const portalId = await server.postMessage(HOSTILE, { patientIndex: 4 });
  messageId = (await server.waitForReady(portalId, 60_000)).id;
  await allReady(server, server.seededPortalIds);
  staff = await newUserContext(browser, server.baseUrl);
  await logInThroughForm(staff.page, server.users.staff.email, server.users.staff.password);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Nothing from the message became an element, and none of its script ran. */
async function expectInert(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  const elements = await page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"], img[onerror]').length,
    javascriptLinks: document.querySelectorAll('a[href^="javascript:" i], iframe').length,
    svg: document.querySelectorAll('svg[onload]').length,
    handlers: document.querySelectorAll('[onmouseover], [onload], [onerror], [onclick]').length,
    styles: document.querySelectorAll('style').length,
    scripts: Array.from(document.scripts).filter((s) => !s.src || s.textContent!.includes('__pwned')).length,
    hidden: getComputedStyle(document.body).display === 'none',
  }));
  expect(elements).toEqual({
    img: 0,
    javascriptLinks: 0,
    svg: 0,
    handlers: 0,
    styles: 0,
    scripts: 0,
    hidden: false,
  });
  expectCleanPage(staff.watch, server);
}

/** The page does not scroll sideways: the long word wraps or scrolls inside its own box. */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);
}

it('shows the message as text in the list', async () => {
  const page = staff.page;
  await page.goto('/inbox');
  const row = page.locator(`#row-${messageId}`);
  await step(page, 'hostile-list-row', () => row.waitFor());
  expect(await page.locator(ROWS).count()).toBe(4);
  // The first line reads exactly as the patient typed it, markup and all.
  await step(page, 'hostile-list-text', () => row.getByText(SCRIPT, { exact: false }).waitFor());
  await expectInert(page);
  await expectNoSidewaysScroll(page);
});

it('shows the message as text in the message view', async () => {
  const page = staff.page;
  await step(page, 'hostile-open', async () => {
    await Promise.all([
      page.waitForURL(new RegExp(`/inbox/messages/${messageId}$`)),
      page.locator(`#row-${messageId} a.open-link`).click(),
    ]);
  });
  const text = page.getByRole('region', { name: /message/i }).first();
  await step(page, 'hostile-view-text', async () => {
    await page.getByText(SCRIPT).first().waitFor();
    await page.getByText(IMG).first().waitFor();
    await page.getByText(LINK).first().waitFor();
  });
  const shown = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  // The right-to-left override is shown as a visible mark, not obeyed.
  expect(shown).toContain('my file is [RLO]gnp.exe');
  expect(shown).toContain(LONG_WORD);
  expect(shown).toContain('9999 the last line, 10000');
  expect(await text.count()).toBeGreaterThan(0);
  await expectInert(page);
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'message-view-hostile');
});

it('refuses an oversized reply with a clear message and keeps what was typed', async () => {
  const page = staff.page;
  await page.goto(`/inbox/messages/${messageId}`);
  await step(page, 'oversized-reply-box', async () => {
    // No start step: the reply box is on the page at once.
    await page.getByLabel('Reply to patient').waitFor();
  });
  const typed = `Dear patient, ${'x'.repeat(20_001)}`;
  const reply = page.getByLabel('Reply to patient');
  await reply.fill(typed);
  await step(page, 'oversized-save', async () => {
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Save', exact: true }).click(),
    ]);
    await page
      .getByRole('alert')
      .filter({ hasText: /20,000|too long|at most/i })
      .first()
      .waitFor();
  });
  expect(await page.getByLabel('Reply to patient').inputValue()).toBe(typed);
  // Nothing of it was stored as a revision of the reply.
  const stored = await server.db
    .selectFrom('reply_drafts')
    .select('body')
    .where('message_id', '=', messageId)
    .execute();
  expect(stored.some((r) => r.body === typed)).toBe(false);
  expectCleanPage(staff.watch, server);
});
