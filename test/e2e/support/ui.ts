import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium } from './browser';
import { openCounter, type Counter, type ListFile } from './counter';

/**
 * One browser per file, a fresh fixture (a counter with its temp database) per test, and no
 * page errors allowed: `open` makes it with the file's browser, the test's end closes it.
 */
export function useFixtures<T extends { page: Page; problems: string[]; close(): Promise<void> }, A extends unknown[]>(
  make: (browser: Browser, ...args: A) => Promise<T>,
): { open: (...args: A) => Promise<T> } {
  let browser: Browser;
  let fixture: T | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const problems = fixture?.problems ?? [];
    await fixture?.close();
    fixture = undefined;
    // No uncaught errors and no CSP violations on any screen.
    expect(problems).toEqual([]);
  });
  return {
    async open(...args) {
      fixture = await make(browser, ...args);
      fixture.page.setDefaultTimeout(10_000);
      await fixture.page.getByTestId('list-status').waitFor();
      return fixture;
    },
  };
}

/** A counter with the given lists. */
export function useCounters(): { open: (lists: ListFile[], viewport?: { width: number; height: number }) => Promise<Counter> } {
  return useFixtures((browser, lists: ListFile[], viewport?: { width: number; height: number }) => openCounter(browser, lists, viewport));
}

/** A scratch folder for files the test writes or the app exports. */
export const scratch = (): Promise<string> => mkdtemp(join(tmpdir(), 'loket-e2e-files-'));

/** Looks a NIK up and registers it through the screen; `payerKey` is J, U or M when given. */
export async function registerByNik(c: Counter, nik: string, payerKey?: string): Promise<string> {
  const { page } = c;
  await page.keyboard.press('F1');
  const search = page.locator('#lookup-query');
  await search.fill(nik);
  await search.press('Enter');
  await page.getByTestId('register-start').waitFor();
  await page.getByTestId('register-start').click();
  await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
  await page.getByTestId('register-submit').focus();
  if (payerKey) await page.keyboard.press(payerKey);
  await page.keyboard.press('Enter');
  await page.getByTestId('ticket-queue').waitFor();
  return (await page.getByTestId('ticket-queue').textContent()) ?? '';
}

/**
 * Waits for `target` to show; when it does not, the failure says what the screen showed instead
 * (its words, the focus, the status bar): a timing failure on a loaded CI run can then be read.
 */
export async function waitShown(page: Page, target: Locator, timeout?: number): Promise<void> {
  try {
    await target.waitFor(timeout === undefined ? {} : { timeout });
  } catch (error) {
    // A string, as the other page scripts here: this file is compiled without the DOM's types.
    const screen = await page.evaluate(`({
      focus: document.activeElement ? document.activeElement.tagName + ' ' + (document.activeElement.getAttribute('data-testid') || document.activeElement.id) : null,
      main: ((document.querySelector('main') || document.body).textContent || '').replace(/\\s+/g, ' ').slice(0, 800),
      status: ((document.querySelector('.status-bar') || {}).textContent || '').replace(/\\s+/g, ' '),
    })`);
    throw new Error(`${(error as Error).message}\nThe screen instead: ${JSON.stringify(screen)}`, { cause: error });
  }
}
