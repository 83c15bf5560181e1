import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR } from './support/counter';
import { layoutProblems } from './support/layout';
import { APBD, SITI } from './support/lists';
import { markEnrolled } from '../../src/core/sync/sync-state.repo';
import { registerByNik, useCounters } from './support/ui';

const { open } = useCounters();

describe('the settings screen', () => {
  it('a new counter prefix is used by the next registration; an invalid value is refused with its message', async () => {
    const c = await open([APBD]);
    const { page } = c;
    await page.keyboard.press('Alt+6');
    const prefix = page.locator('[data-setting="counterPrefix"]');
    await prefix.waitFor();
    // One counter: no counter prefix; the unit's own prefix makes the number.
    expect(await prefix.inputValue()).toBe('');
    expect(await page.getByTestId('counterPrefix-example').textContent()).toContain('U-007');

    await page.locator('[data-setting="mrnFormat"]').fill('RM-{yy}-{seq:5}');
    await expect.poll(() => page.getByTestId('mrn-preview').textContent()).toBe('RM-25-00042');
    await page.locator('[data-setting="mrnFormat"]').fill('{seq:6}');

    // An invalid value is named by its label, with the rule in the UI language.
    const hours = page.locator('[data-setting="followUpHours"]');
    await hours.fill('0');
    await page.getByTestId('settings-save').click();
    const alert = page.locator('[data-testid="settings-screen"] [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Batas tindak lanjut gawat darurat (jam): minimal 1');
    expect(await alert.textContent()).not.toMatch(/followUpHours|Too small|expected/);
    await expect.poll(() => page.locator('[data-field-error="followUpHours"]').textContent()).toBe('Batas tindak lanjut gawat darurat (jam): minimal 1');
    await expect.poll(() => hours.getAttribute('aria-invalid')).toBe('true');
    await c.screenshot('settings-a-invalid');
    await hours.fill('72');

    // Unit prefixes: each unit has one; two the same are refused by row.
    const gigi = page.locator('[data-unit-prefix="1"]');
    expect(await Promise.all((await page.locator('[data-unit-prefix]').all()).map((i) => i.inputValue()))).toEqual(['U', 'G', 'K', 'L', 'I']);
    await gigi.fill('u');
    await expect.poll(() => gigi.inputValue()).toBe('U');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('unit-error').allTextContents()).toEqual(['Awalan (poli baris 2): sama dengan baris 1; harus berbeda']);
    await c.screenshot('settings-b-same-prefix');
    await gigi.fill('G');

    // A new unit takes its prefix from its code, made unique.
    await page.getByRole('button', { name: 'Tambah poli' }).click();
    await page.locator('[data-unit-code="5"]').fill('kb');
    await page.locator('[data-unit-name="5"]').fill('Poli KB');
    await expect.poll(() => page.locator('[data-unit-prefix="5"]').inputValue()).toBe('KB');

    await prefix.fill('b');
    await expect.poll(() => prefix.inputValue()).toBe('B');
    await expect.poll(() => page.getByTestId('counterPrefix-example').textContent()).toContain('B-U-007');
    await page.keyboard.press('Control+s');
    await page.getByTestId('settings-status').waitFor();
    await expect.poll(() => page.locator('[data-testid="settings-screen"] [role="alert"]').count()).toBe(0);
    await c.screenshot('settings-c-saved');

    expect(await registerByNik(c, SITI.nik)).toBe('B-U-001');
  });
  it('changes left unsaved are kept, said on leaving and marked on the tab, until saved (Ctrl+S) or discarded', async () => {
    const c = await open([APBD]);
    const { page } = c;
    await page.keyboard.press('Alt+6');
    const name = page.locator('[data-setting="facilityName"]');
    await name.waitFor();
    await name.fill('PUSKESMAS WALANTAKA');
    await page.locator('[data-setting="paper"]').selectOption('58mm');
    // Another part of Settings and back: still there.
    await page.getByTestId('settings-tab-bpjs').click();
    await page.getByTestId('settings-tab-counter').click();
    await expect.poll(() => name.inputValue()).toBe('PUSKESMAS WALANTAKA');

    // Leaving says so at once, and the Settings tab stays marked; nothing is saved.
    await page.keyboard.press('Alt+1');
    await expect.poll(() => page.getByTestId('settings-left-unsaved').textContent()).toContain('Pengaturan belum disimpan');
    await expect.poll(() => page.getByTestId('nav-unsaved').count()).toBe(1);
    await c.screenshot('settings-d-left-unsaved');
    expect((await c.harness.core.getSettings({})).facilityName).toBe('');

    // Back: the draft as it was, said to be unsaved; Ctrl+S saves it.
    await page.keyboard.press('Alt+6');
    await expect.poll(() => name.inputValue()).toBe('PUSKESMAS WALANTAKA');
    await expect.poll(() => page.locator('[data-setting="paper"]').inputValue()).toBe('58mm');
    await expect.poll(() => page.getByTestId('settings-unsaved-notice').textContent()).toContain('Perubahan belum disimpan');
    await name.press('Control+s');
    await expect.poll(() => page.getByTestId('settings-status').textContent()).toBe('Pengaturan disimpan.');
    expect(await c.harness.core.getSettings({})).toMatchObject({ facilityName: 'PUSKESMAS WALANTAKA', paper: '58mm' });
    await expect.poll(() => page.getByTestId('settings-unsaved-notice').count()).toBe(0);
    await expect.poll(() => page.getByTestId('nav-unsaved').count()).toBe(0);

    // Discarded: back to what is saved, nothing marked, nothing said on leaving.
    await name.fill('SALAH KETIK');
    await page.keyboard.press('Alt+2');
    await page.keyboard.press('Alt+6');
    await page.getByTestId('settings-discard').click();
    await expect.poll(() => name.inputValue()).toBe('PUSKESMAS WALANTAKA');
    await expect.poll(() => page.getByTestId('nav-unsaved').count()).toBe(0);
    await page.keyboard.press('Alt+1');
    await page.getByTestId('lookup').waitFor();
    expect(await page.getByTestId('settings-left-unsaved').count()).toBe(0);
    expect((await c.harness.core.getSettings({})).facilityName).toBe('PUSKESMAS WALANTAKA');
  });

  it('enrolled at a hub: the time zone is read-only, set at the facility hub, as the first RM number (reporttester F9)', async () => {
    const c = await open([APBD], { width: 1024, height: 768 });
    const { page } = c;
    markEnrolled(c.harness.core.db, { counterId: 'counter-K1', offlinePrefix: 'K1' });
    await page.keyboard.press('Alt+6');
    const zone = page.locator('[data-setting="timeZone"]');
    await zone.waitFor();
    await expect.poll(() => zone.isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId('time-zone-hub').textContent()).toBe(await page.getByTestId('mrn-start-hub').textContent());
    expect(await page.getByTestId('time-zone-hub').textContent()).toContain('Diatur di hub fasilitas');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'settings-zone-hub-1024.png') });
    expect(await layoutProblems(page)).toEqual([]);
    // Other settings are still saved; the zone stays the facility's.
    await page.locator('[data-setting="followUpHours"]').fill('36');
    await page.keyboard.press('Control+s');
    await page.getByTestId('settings-status').waitFor();
    expect(await c.harness.core.getSettings({})).toMatchObject({ followUpHours: 36, timeZone: 'Asia/Jakarta' });
  });
});
