/**
 * Scans that arrive while the previous scan's search still runs (two cards on the desk, scanned
 * back to back) on an old PC (Chromium's CPU throttled ×6, each look-up 300 ms on its way): the
 * second scan is the new search, whole, never its tail (a NIK cut to 13 digits would be looked
 * up as a card number). And a scanner set without Enter: the second card replaces the first.
 */
import { describe, expect, it } from 'vitest';
import type { Counter } from './support/counter';
import { APBD, RIZKI, SITI } from './support/lists';
import { oldPc } from './support/old-pc';
import { useCounters } from './support/ui';

const counters = useCounters();
const open = (): Promise<Counter> => counters.open([APBD], { width: 1024, height: 768 });

const throttle = (c: Counter): Promise<void> => oldPc(c, 300);

/**
 * A scanner: a key every 30 ms, sent without waiting for the busy page to take the last one (a
 * scanner does not wait either; the browser stamps each key as it comes), then (or not) Enter.
 */
async function scan(c: Counter, digits: string, suffix: 'Enter' | null = 'Enter'): Promise<void> {
  const cdp = await c.page.context().newCDPSession(c.page);
  const sent: Promise<unknown>[] = [];
  for (const key of [...digits, ...(suffix ? [suffix] : [])]) {
    const enter = key === 'Enter';
    const common = { key, code: enter ? 'Enter' : `Digit${key}`, windowsVirtualKeyCode: enter ? 13 : key.charCodeAt(0) };
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...common, text: enter ? '\r' : key }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common }));
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  await Promise.all(sent);
  await cdp.detach();
}

describe('a scan while the previous scan is searched', () => {
  it('the second of two scans back to back is searched whole', async () => {
    const c = await open();
    const { page } = c;
    await throttle(c);
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(600);
      await scan(c, SITI.nik);
      await page.waitForTimeout(30);
      await scan(c, RIZKI.nik);
      await expect.poll(() => page.getByTestId('lookup').getAttribute('data-query'), { timeout: 10000 }).toBe(RIZKI.nik);
      await expect.poll(() => page.locator('#lookup-query').inputValue()).toBe(RIZKI.nik);
      await expect.poll(() => page.getByTestId('register-start').textContent()).toBeTruthy();
      expect(await page.getByTestId('lookup').innerText()).toContain(RIZKI.name);
    }
  });

  it('a scanner without Enter: the second card replaces the first and is searched; nothing can register the first', async () => {
    const c = await open();
    const { page } = c;
    const search = page.locator('#lookup-query');
    await scan(c, SITI.nik, null);
    await expect.poll(() => page.getByTestId('lookup').getAttribute('data-query')).toBe(SITI.nik);
    await expect.poll(() => page.getByTestId('register-start').count()).toBe(1);
    await scan(c, RIZKI.nik, null);
    await expect.poll(() => page.getByTestId('lookup').getAttribute('data-query')).toBe(RIZKI.nik);
    expect(await search.inputValue()).toBe(RIZKI.nik);
    await expect.poll(() => page.getByTestId('lookup').innerText()).toContain(RIZKI.name);
    expect(await page.getByTestId('lookup').innerText()).not.toContain(SITI.name);
  });

  it('a number grown past 16 digits in the search field takes the previous answer away', async () => {
    const c = await open();
    const { page } = c;
    await scan(c, SITI.nik, null);
    await expect.poll(() => page.getByTestId('register-start').count()).toBe(1);
    await page.keyboard.type('3');
    await expect.poll(() => page.getByTestId('register-start').count()).toBe(0);
    expect(await page.getByTestId('lookup').innerText()).not.toContain(SITI.name);
  });
});
