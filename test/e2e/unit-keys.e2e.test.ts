/**
 * A unit's number key is the same on the registration's unit step and on the queue's tabs: its
 * row in Settings. The unit step leaves the IGD out (an emergency goes by F9) without shifting the
 * units after it, so "6" is the same unit on both screens and never opens the IGD queue instead.
 */
import { describe, expect, it } from 'vitest';
import type { Counter } from './support/counter';
import { APBD, SITI } from './support/lists';
import { useCounters } from './support/ui';

const counters = useCounters();
const open = (): Promise<Counter> => counters.open([APBD], { width: 1024, height: 768 });

const keysOf = (c: Counter, selector: string): Promise<string[]> =>
  c.page.locator(selector).evaluateAll((els) => els.map((el) => `${el.querySelector('kbd')?.textContent ?? '-'} ${el.getAttribute('data-unit')}`));

/** SITI searched by her NIK, Enter on her answer: the unit step. */
async function toUnitStep(c: Counter): Promise<void> {
  const search = c.page.locator('#lookup-query');
  await search.fill(SITI.nik);
  await search.press('Enter');
  await expect.poll(() => c.page.getByTestId('verdict').getAttribute('data-verdict')).toBe('eligible');
  await search.press('Enter');
  await expect.poll(() => c.page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
}

describe('unit number keys', () => {
  it('a unit added after the IGD has the same number at the unit step and in the queue', async () => {
    const c = await open();
    const { page } = c;
    const settings = await c.harness.core.getSettings({});
    await c.harness.core.saveSettings({ ...settings, units: [...settings.units, { code: 'KIAKB2', name: 'Poli KIA/KB Lantai 2', prefix: 'B' }] });
    await page.reload();
    await page.getByTestId('list-status').waitFor();

    await toUnitStep(c);
    // The IGD (row 5) is not offered here, and the unit after it keeps its own number.
    await expect.poll(() => keysOf(c, '.choice__option--unit')).toEqual(['1 UMUM', '2 GIGI', '3 KIA', '4 LANSIA', '6 KIAKB2']);
    await c.screenshot('unit-keys-unit-step');
    await page.keyboard.press('5'); // nobody's key here: nothing changes
    expect(await page.locator('[data-unit="UMUM"]').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('6');
    await expect.poll(() => page.locator('[data-unit="KIAKB2"]').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('ticket-queue').textContent()).toBe('B-001');

    await page.keyboard.press('Alt+2');
    await page.getByTestId('queue-screen').waitFor();
    await expect.poll(() => keysOf(c, '[role="tab"]')).toEqual(['1 UMUM', '2 GIGI', '3 KIA', '4 LANSIA', '5 IGD', '6 KIAKB2']);
    await page.keyboard.press('6');
    await expect.poll(() => page.locator('[role="tab"][data-unit="KIAKB2"]').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByTestId('queue-row').first().getAttribute('data-queue')).toBe('B-001');
    await c.screenshot('unit-keys-queue');
  });

  it('Tab in the unit step goes round its own buttons, never out to the header', async () => {
    const c = await open();
    const { page } = c;
    await toUnitStep(c);
    const panel = page.getByTestId('register-panel');
    const inPanel = (): Promise<boolean> => panel.evaluate((el) => el.contains(el.ownerDocument.activeElement));
    const count = await panel.locator('button:not([disabled])').count();
    for (let i = 0; i < count + 2; i++) {
      await page.keyboard.press('Tab');
      expect(await inPanel()).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await inPanel()).toBe(true);
    // Nothing was registered by the Tabs.
    expect(await panel.getAttribute('data-step')).toBe('unit');
  });
});

