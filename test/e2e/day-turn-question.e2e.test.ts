import { describe, expect, it } from 'vitest';
import { openCounter } from './support/counter';
import { APBD, SITI } from './support/lists';
import { registerByNik, useFixtures } from './support/ui';

/**
 * Finding F11 (night tester): "Sudah terdaftar hari ini" asked at 23:59 still said "today" after
 * midnight, and its default (Batal) left the patient without a visit for the new day.
 */
let coreNow = new Date('2026-12-01T23:59:30+07:00');
const counters = useFixtures((browser) => openCounter(browser, [APBD], undefined, { core: { now: () => coreNow }, browserNow: coreNow, clock: 'installed' }));

describe('a question about "today" open over midnight', () => {
  it('is closed with a note when the facility\'s date changes; Enter then registers the patient for the new day', async () => {
    const c = await counters.open();
    const { page } = c;
    expect(await registerByNik(c, SITI.nik)).toBe('U-001');

    // The same patient again at 23:59: the question, focus on Batal. The page's clock has run
    // since the counter opened (a loaded machine: many seconds): set back to 23:59:40 first, so
    // the question is surely asked before midnight.
    await page.clock.setSystemTime(new Date('2026-12-01T23:59:40+07:00'));
    await page.keyboard.press('F1');
    await page.locator('#lookup-query').fill(SITI.nik);
    await page.locator('#lookup-query').press('Enter');
    await page.getByTestId('register-start').click();
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    await page.getByTestId('register-submit').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();

    // Midnight passes with the question open.
    coreNow = new Date('2026-12-02T00:00:05+07:00');
    await page.clock.fastForward(40_000);
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.getByTestId('register-day-turned').textContent()).toContain('Tanggal sudah berganti');
    await c.screenshot('day-turn-question-closed');
    await page.keyboard.press('Enter'); // Daftar has the focus: the visit of the new day
    await expect.poll(() => page.getByTestId('ticket-queue').textContent()).toBe('U-001');
    const visits = await c.harness.core.visitRegister({ from: '2026-12-02' });
    expect(visits.map((v) => [v.serviceDate, v.queue])).toEqual([['2026-12-02', 'U-001']]);
  });
});
