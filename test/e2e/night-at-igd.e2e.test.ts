/**
 * The IGD through midnight, as the clerk sees it: a patient registered at 23:50 is still in the
 * IGD queue at 00:10, marked "kemarin", first in arrival order; calling next reaches them.
 */
import { describe, expect, it } from 'vitest';
import { openCounter } from './support/counter';
import { APBD } from './support/lists';
import { useFixtures } from './support/ui';

const clock = { now: new Date('2025-06-09T23:50:00+07:00') };
const AFTER_MIDNIGHT = new Date('2025-06-10T00:10:00+07:00');

const { open } = useFixtures((browser, viewport: { width: number; height: number }) =>
  openCounter(browser, [APBD], viewport, { core: { now: () => clock.now }, browserNow: AFTER_MIDNIGHT }),
);

describe('the IGD at midnight', () => {
  it.each([
    { width: 1024, height: 768 },
    { width: 1366, height: 768 },
  ])('last night\'s emergency stays in the IGD queue, marked kemarin, and is called first (%o)', async (viewport) => {
    clock.now = new Date('2025-06-09T23:50:00+07:00');
    const c = await open(viewport);
    const { page } = c;
    const night = await c.harness.core.registerEmergency({});
    clock.now = AFTER_MIDNIGHT;
    const fresh = await c.harness.core.registerEmergency({});
    // The new day's number goes on past last night's still waiting (never two GD-001 in one queue).
    expect([night.queue, fresh.queue, fresh.serviceDate]).toEqual(['GD-001', 'GD-002', '2025-06-10']);

    await page.keyboard.press('Alt+2');
    await page.getByTestId('queue-screen').waitFor();
    await page.keyboard.press('5'); // the IGD tab
    await expect.poll(() => page.locator('[role="tab"][data-unit="IGD"]').getAttribute('aria-selected')).toBe('true');
    const rows = page.getByTestId('queue-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().getByTestId('queue-yesterday').textContent()).toBe('kemarin');
    expect(await rows.nth(1).getByTestId('queue-yesterday').count()).toBe(0);
    // The badges wrap under the number: nothing runs past the right edge of the screen.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);
    await c.screenshot(`night-igd-${viewport.width}`);

    const called = await c.harness.core.callNext({ unit: 'IGD' });
    expect(called?.visitId).toBe(night.id);
  });
});
