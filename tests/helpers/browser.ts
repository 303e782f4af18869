/**
 * A real browser for end-to-end tests: Debian's chromium driven by playwright-core (never a browser
 * downloaded by a test tool). Each user gets a context of their own (own cookies, own session), and
 * every page is watched for console errors, uncaught exceptions, dialogs and Content-Security-Policy
 * violations, so a test can assert that no script of a patient's ever ran.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these, chromium tries to reach Google's hosts, which this machine's network refuses.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-artifacts/screenshots');

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Launches chromium, or fails with what to do: a browser test that silently skips proves nothing.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `chromium not found at ${executablePath}: the browser tests need Debian's chromium ` +
        '(apt-get install -y chromium; .ci/run installs it) or CHROMIUM_PATH pointing at a Chromium binary',
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/** What a page did that our own pages never should: script errors, dialogs, CSP violations. */
export interface PageWatch {
  /** console.error from scripts, and the browser's own error lines (CSP refusals, failed loads). */
  consoleErrors: string[];
  /** Scripts, stylesheets, fetches that answered 4xx/5xx (pages themselves may: a refused form is 400). */
  failedSubresources: string[];
  pageErrors: string[];
  dialogs: string[];
  cspViolations: string[];
}

export interface UserContext {
  context: BrowserContext;
  page: Page;
  watch: PageWatch;
  close: () => Promise<void>;
}

/**
 * A fresh context (a separate user: own cookie jar) with one page, 1280×800, watched.
 * CSP violations are reported by the browser's own `securitypolicyviolation` event, hooked in by an
 * init script (playwright injects it outside the page's CSP) and passed out through a binding.
 */
export async function newUserContext(browser: Browser, baseURL: string): Promise<UserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'America/Chicago',
  });
  const watch: PageWatch = {
    consoleErrors: [],
    failedSubresources: [],
    pageErrors: [],
    dialogs: [],
    cspViolations: [],
  };
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => {
    watch.cspViolations.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation?: (t: string) => void })
        .__reportCspViolation;
      report?.(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  const page = await context.newPage();
  watchPage(page, watch);
  return { context, page, watch, close: () => context.close() };
}

export function watchPage(page: Page, watch: PageWatch): void {
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    const where = msg.location().url;
    watch.consoleErrors.push(where ? `${text} (${where})` : text);
    // Chromium also logs each CSP refusal to the console; keep it even if the event was missed.
    if (/Content Security Policy/i.test(text)) watch.cspViolations.push(text);
  });
  page.on('pageerror', (err) => watch.pageErrors.push(err.message));
  page.on('response', (res) => {
    if (res.status() >= 400 && res.request().resourceType() !== 'document') {
      watch.failedSubresources.push(
        `${res.status()} ${res.request().method()} ${new URL(res.url()).pathname}`,
      );
    }
  });
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
}

/** Saves a full-page PNG under test-artifacts/screenshots/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false, animations: 'disabled' });
  return file;
}

/** Logs in through the real login form, as a person would, and waits to land in the inbox. */
export async function logInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname.startsWith('/inbox'), { timeout: 15_000 }),
    page.getByRole('button', { name: 'Log in' }).click(),
  ]);
}
