import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/core';
import { saveSettings } from '../../src/core/settings/settings.repo';
import { openCounter, TODAY, type Counter } from './support/counter';
import { APBD } from './support/lists';
import { useCounters, useFixtures } from './support/ui';

const viewport = { width: 1024, height: 768 };
const { open } = useCounters();

/** A patient registered straight through the core (the screen's registration is tested elsewhere). */
async function seedVisit(c: Counter, name: string, unit: string): Promise<void> {
  const patient = await c.harness.core.createPatient({ name });
  await c.harness.core.registerVisit({ patientId: patient.id, unit, verdict: 'unknown', payer: 'umum' });
}

/**
 * A counter whose database already has a patient waiting in KIA, a unit the facility hub's
 * settings have since removed (saved as a pull saves them, without the screen's check).
 */
const withRemovedUnit = useFixtures(async (browser: Browser): Promise<Counter> => {
  const dir = await mkdtemp(join(tmpdir(), 'loket-e2e-units-'));
  const dbPath = join(dir, 'loket.db');
  const core = createCore({ dbPath, workerScript: null, actor: { username: 'ani', role: 'admin' }, now: () => TODAY, clerk: 'ani' });
  const patient = await core.createPatient({ name: 'Wiwik Lestari' });
  await core.registerVisit({ patientId: patient.id, unit: 'KIA', verdict: 'unknown', payer: 'umum' });
  const settings = await core.getSettings({});
  saveSettings(core.db, { ...settings, units: settings.units.filter((u) => u.code !== 'KIA') });
  core.close();
  const counter = await openCounter(browser, [APBD], viewport, { core: { dbPath } });
  return {
    ...counter,
    async close() {
      await counter.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('units in the settings while patients wait', () => {
  it('the settings screen locks the code and Hapus of a unit with waiting patients; a save that would strand them is refused in words', async () => {
    const c = await open([APBD], viewport);
    const { page } = c;
    await seedVisit(c, 'Dian Wibisono', 'LANSIA');
    await page.keyboard.press('Alt+6');
    const lansiaCode = page.locator('[data-unit-code="3"]');
    await lansiaCode.waitFor();
    expect(await lansiaCode.inputValue()).toBe('LANSIA');
    await expect.poll(() => page.getByTestId('unit-has-patients').allTextContents()).toEqual([
      'Poli Lansia (LANSIA): 1 pasien masih menunggu atau dipanggil hari ini. Kodenya tidak dapat diubah dan poli ini tidak dapat dihapus sampai mereka selesai atau dibatalkan di Antrean (Alt+2).',
    ]);
    await expect.poll(() => lansiaCode.getAttribute('readonly')).not.toBeNull();
    await expect.poll(() => page.getByRole('button', { name: 'Hapus Poli Lansia' }).isDisabled()).toBe(true);
    // Its name can still be changed.
    expect(await page.locator('[data-unit-name="3"]').getAttribute('readonly')).toBeNull();
    await c.screenshot('unit-changes-a-locked');

    // A patient registered in KIA at another window after this screen opened: KIA looks free here,
    // but removing it is refused by the core, which names the unit and how many wait.
    await seedVisit(c, 'Ririn Supriadi', 'KIA');
    await page.getByRole('button', { name: 'Hapus KIA/KB' }).click();
    await page.getByTestId('settings-save').click();
    const alert = page.locator('[data-testid="settings-screen"] [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      'KIA/KB (KIA) masih punya 1 pasien yang menunggu atau sudah dipanggil hari ini. Selesaikan atau batalkan mereka dulu di Antrean (Alt+2); sampai itu poli ini tidak dapat dihapus dan kodenya tidak dapat diubah. Pengaturan belum disimpan.',
    );
    await expect.poll(() => page.getByTestId('unit-has-patients').count()).toBe(2);
    expect((await c.harness.core.getSettings({})).units.map((u) => u.code)).toContain('KIA');
    await c.screenshot('unit-changes-b-refused');

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => page.getByTestId('unit-has-patients').allTextContents()).toEqual([
      'KIA/KB (KIA): 1 patient is still waiting or called today. Its code cannot be changed and the unit cannot be removed until the patient is served or cancelled in the Queue (Alt+2).',
      'Poli Lansia (LANSIA): 1 patient is still waiting or called today. Its code cannot be changed and the unit cannot be removed until the patient is served or cancelled in the Queue (Alt+2).',
    ]);
    await expect.poll(() => alert.textContent()).toContain('KIA/KB (KIA): patients waiting or called today: 1.');
  });
});

describe('a unit the settings no longer have', () => {
  it('keeps a queue tab of its own, after the units of the settings, where its patient is called and served; the register names it', async () => {
    const c = await withRemovedUnit.open();
    const { page } = c;
    await page.keyboard.press('Alt+2');
    const tab = page.locator('[role="tab"][data-unit="KIA"]');
    await tab.waitFor();
    await expect.poll(() => page.locator('[role="tab"]').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-unit')))).toEqual(['UMUM', 'GIGI', 'LANSIA', 'IGD', 'KIA']);
    expect(await tab.textContent()).toBe('5 KIA/KB (KIA, tidak ada lagi di pengaturan)');

    await page.keyboard.press('5');
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    const row = page.locator('[data-testid="queue-row"][data-queue="K-001"]');
    await expect.poll(() => row.getAttribute('data-status')).toBe('waiting');
    await page.getByTestId('call-next').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('called');
    await row.locator('[data-action="served"]').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('served');
    await c.screenshot('unit-changes-c-former-tab');

    await page.keyboard.press('Alt+5');
    const registered = page.locator('[data-testid="register-row"][data-queue="K-001"]');
    await registered.waitFor();
    expect(await registered.textContent()).toContain('KIA/KB');
  });
});
