/**
 * Keys typed ahead of the screen (F8): a practised clerk's "scan, Enter, unit digit, Enter" on an
 * old PC (Chromium's CPU throttled ×6), every key back to back. Nothing typed after a new scan may
 * reach the previous patient's register panel; the keys go to the scanned patient's steps once
 * they show, or are dropped with a note, never searched for.
 */
import { describe, expect, it } from 'vitest';
import type { Counter } from './support/counter';
import { APBD, RIZKI, SITI, STRANGER_NIK } from './support/lists';
import { oldPc } from './support/old-pc';
import { useCounters } from './support/ui';

const counters = useCounters();
const open = (): Promise<Counter> => counters.open([APBD], { width: 1024, height: 768 });

const throttle = (c: Counter): Promise<void> => oldPc(c, 400);

/** The scanner: the digits at machine speed, then Enter. */
async function scan(c: Counter, digits: string): Promise<void> {
  await c.page.keyboard.type(digits, { delay: 5 });
  await c.page.keyboard.press('Enter');
}

/** A practised clerk's keys, back to back: scan, Enter (Daftarkan), unit 3, Enter (Daftar). */
async function byHeart(c: Counter, digits: string): Promise<void> {
  await scan(c, digits);
  for (const key of ['Enter', '3', 'Enter']) await c.page.keyboard.press(key);
}

const visits = async (c: Counter): Promise<{ unit: string; queue: string; name: string }[]> =>
  (await c.harness.core.visitRegister({ from: '2000-01-01', to: '2999-12-31' })).map((r) => ({ unit: r.unit, queue: r.queue, name: r.name }));

describe('keys typed ahead of the screen', () => {
  it('a new scan over the unit step of another patient: the keys after it register the scanned one, never the previous', async () => {
    const c = await open();
    const { page } = c;
    const search = page.locator('#lookup-query');
    await search.fill(SITI.nik);
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('register-start').count()).toBe(1);
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');

    await throttle(c);
    await byHeart(c, RIZKI.nik);

    await expect.poll(() => page.getByTestId('ticket-queue').textContent(), { timeout: 20000 }).toBe('K-001');
    expect(await visits(c)).toEqual([{ unit: 'KIA', queue: 'K-001', name: RIZKI.name }]);
  });

  it('scan, Enter, unit digit, Enter back to back: the digit is the unit, never a record-number search', async () => {
    const c = await open();
    const { page } = c;
    await throttle(c);
    await byHeart(c, SITI.nik);

    await expect.poll(() => page.getByTestId('ticket-queue').textContent(), { timeout: 20000 }).toBe('K-001');
    expect(await visits(c)).toEqual([{ unit: 'KIA', queue: 'K-001', name: SITI.name }]);
    expect(await page.locator('#lookup-query').inputValue()).toBe('');
    // The number shows and the search field is empty: the next name's P is a letter, not a reprint (F9).
    await page.keyboard.type('priyo');
    expect(await page.locator('#lookup-query').inputValue()).toBe('priyo');
  });

  it('keys typed ahead of an answer with no unit step are dropped with a note, never searched', async () => {
    const c = await open();
    const { page } = c;
    await throttle(c);
    await byHeart(c, STRANGER_NIK);

    await expect.poll(() => page.getByTestId('type-ahead-note').textContent(), { timeout: 20000 }).toContain('diabaikan');
    expect(await page.locator('#lookup-query').inputValue()).toBe(STRANGER_NIK);
    expect(await page.getByTestId('register-panel').count()).toBe(0);
    expect(await page.getByTestId('lookup').getAttribute('data-query')).toBe(STRANGER_NIK);
    // Typed after the answer, the same keys act as always.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('form');
    expect(await visits(c)).toEqual([]);
  });

  it('F9 pressed while a search is on its way is not held: the emergency is registered at once', async () => {
    const c = await open();
    const { page } = c;
    await throttle(c);
    await scan(c, STRANGER_NIK);
    await page.keyboard.press('F9');
    // Nobody on screen yet: an unidentified emergency, its number shown.
    await expect.poll(() => page.locator('.emergency-dialog').count(), { timeout: 20000 }).toBe(1);
    await expect.poll(async () => (await visits(c)).map((v) => v.queue), { timeout: 20000 }).toEqual(['GD-001']);
  });
});

