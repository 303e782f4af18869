/**
 * What the browser tests know about the inbox's pages: where the rows are and how to read them.
 * Everything else goes through roles and labels, as a person (or a screen reader) finds it.
 */
import type { Page } from 'playwright-core';
import type { PageWatch } from '../../helpers/browser';
import { screenshot } from '../../helpers/browser';

export const ROWS = '#inbox-rows tr.row';

/** Message ids of the list's rows, top to bottom. */
export function rowIds(page: Page): Promise<string[]> {
  return page.locator(ROWS).evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id ?? ''));
}

/** Level of each row (emergent, urgent, routine, ...), top to bottom, read off the row's class. */
export function rowLevels(page: Page): Promise<string[]> {
  return page
    .locator(ROWS)
    .evaluateAll((rows) =>
      rows.map((r) => (/\brow-([a-z_]+)\b/.exec(r.className.replace(/\brow\b/, ''))?.[1] ?? '').trim()),
    );
}

export const LEVEL_ORDER = ['emergent', 'urgent', 'routine', 'non_clinical', 'untriaged'];

/** The id in /inbox/messages/:id. */
export function messageIdOfUrl(url: string): string {
  const match = /\/inbox\/messages\/([0-9a-f-]{36})/.exec(url);
  if (!match) throw new Error(`not a message page: ${url}`);
  return match[1]!;
}

/**
 * Nothing ran that our own pages never run: no script errors, no uncaught exceptions, no dialogs, no
 * CSP refusals, no script, stylesheet or fetch of ours failing; and, given the server, nothing behind
 * the pages logged an error. A page answered 4xx on purpose (a refused form, a wrong password) is
 * fine: the browser's "Failed to load resource" line for it is not counted.
 */
export function expectCleanPage(watch: PageWatch, server?: { webErrors: () => string[] }): void {
  expect({
    consoleErrors: watch.consoleErrors.filter((e) => !e.startsWith('Failed to load resource')),
    // The browser's own request for /favicon.ico is not ours to answer.
    failedSubresources: watch.failedSubresources.filter((r) => !r.endsWith(' /favicon.ico')),
    pageErrors: watch.pageErrors,
    dialogs: watch.dialogs,
    cspViolations: watch.cspViolations,
    serverErrors: server?.webErrors() ?? [],
  }).toEqual({
    consoleErrors: [],
    failedSubresources: [],
    pageErrors: [],
    dialogs: [],
    cspViolations: [],
    serverErrors: [],
  });
}

/**
 * Runs a step; on failure saves a screenshot named after it (test-artifacts/screenshots/failed-*.png)
 * and adds the step to the error, so a red CI run shows what the page looked like.
 */
export async function step<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    await screenshot(page, `failed-${name}`, { fullPage: true }).catch(() => undefined);
    if (err instanceof Error)
      err.message = `step "${name}" failed (screenshot failed-${name}.png): ${err.message}`;
    throw err;
  }
}

/**
 * Clicks "Approve and send" and confirms in the "Send this reply to the patient?" dialog when the
 * page asks; resolves once the page has come back from the server (the form posts, then 303).
 */
export async function approveAndConfirm(page: Page): Promise<void> {
  const loaded = page.waitForEvent('load', { timeout: 30_000 });
  loaded.catch(() => undefined);
  const dialog = page.getByRole('dialog', { name: 'Send this reply to the patient?' });
  await page.getByRole('button', { name: 'Approve and send' }).click();
  const first = await Promise.race([
    loaded.then(() => 'loaded' as const),
    dialog.waitFor({ state: 'visible', timeout: 30_000 }).then(() => 'dialog' as const),
  ]);
  if (first === 'dialog') await dialog.getByRole('button', { name: 'Send reply now' }).click();
  await loaded;
}
