import { describe, expect, it } from 'vitest';
import { APBD, SITI } from './support/lists';
import { registerByNik, useCounters } from './support/ui';

const { open } = useCounters();

describe('the settings screen', () => {
  it('a new counter prefix is used by the next registration; an invalid value is refused with its message', async () => {
    const c = await open([APBD]);
    const { page } = c;
    await page.keyboard.press('Alt+6');
    const prefix = page.locator('[data-setting="counterPrefix"]');
    await prefix.waitFor();
    expect(await prefix.inputValue()).toBe('A');

    await page.locator('[data-setting="mrnFormat"]').fill('RM-{yy}-{seq:5}');
    expect(await page.getByTestId('mrn-preview').textContent()).toBe('RM-25-00042');
    await page.locator('[data-setting="mrnFormat"]').fill('{seq:6}');

    await prefix.fill('');
    await page.getByTestId('settings-save').click();
    await page.locator('[data-testid="settings-screen"] [role="alert"]').waitFor();
    await c.screenshot('settings-a-invalid');

    await prefix.fill('b');
    expect(await prefix.inputValue()).toBe('B');
    await page.keyboard.press('Control+s');
    await page.getByTestId('settings-status').waitFor();
    expect(await page.locator('[data-testid="settings-screen"] [role="alert"]').count()).toBe(0);
    await c.screenshot('settings-b-saved');

    expect(await registerByNik(c, SITI.nik)).toBe('B-001');
  });
});
