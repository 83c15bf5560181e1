import type { Browser } from 'playwright';
import { describe, expect, it } from 'vitest';
import { openCounter } from './support/counter';
import { APBD } from './support/lists';
import { useFixtures } from './support/ui';

// 03:00 on 11 June 2025 at the facility (Asia/Jakarta, the default settings), still 10 June on a
// PC whose zone is UTC (a reinstalled Windows): the facility's today is the 11th.
const NOW = new Date('2025-06-10T20:00:00Z');
const counters = useFixtures((browser: Browser) =>
  openCounter(browser, [APBD], { width: 1366, height: 768 }, { core: { now: () => NOW }, browserNow: NOW, timezoneId: 'UTC' }),
);

describe("date fields judge 'in the future' by the facility's day, not the PC's zone", () => {
  it('a baby born today at the facility is registered; Laporan and the import open on that day without a future-date note', async () => {
    const c = await counters.open();
    const { page } = c;
    // The browser really is on another day than the facility.
    expect(await page.evaluate('new Date().getDate()')).toBe(10);

    await page.keyboard.press('F2');
    const form = page.getByTestId('new-patient-form');
    await form.waitFor();
    await page.keyboard.type('Bayi Ny Siti');
    const dob = form.locator('input[name="dob"]');
    await dob.fill('11062025');
    const note = form.getByTestId('dob-note');
    await expect.poll(() => note.textContent()).toBe('11 Juni 2025');
    await c.screenshot('facility-day-newborn');
    await dob.press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    // The facility's tomorrow is still refused.
    await page.keyboard.press('Escape');
    await page.keyboard.press('F2');
    await form.waitFor();
    await form.locator('input[name="dob"]').fill('12062025');
    await expect.poll(() => form.getByTestId('dob-note').textContent()).toContain('tidak mungkin di masa depan');
    await page.keyboard.press('Escape');

    await page.keyboard.press('Alt+5');
    const from = page.getByTestId('report-from');
    await from.waitFor();
    expect(await from.inputValue()).toBe('11-06-2025');
    const fromNote = from.locator('xpath=following-sibling::span[1]');
    expect(await fromNote.textContent()).toBe('11 Juni 2025');
    const toNote = page.getByTestId('report-to').locator('xpath=following-sibling::span[1]');
    expect(await toNote.textContent()).toBe('11 Juni 2025');

    await page.keyboard.press('Alt+4');
    const asOf = page.getByTestId('list-asof');
    await asOf.waitFor();
    expect(await asOf.inputValue()).toBe('11-06-2025');
  });
});
