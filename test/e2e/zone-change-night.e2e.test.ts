import type { Browser } from 'playwright';
import { describe, expect, it } from 'vitest';
import { openCounter } from './support/counter';
import { APBD } from './support/lists';
import { useFixtures } from './support/ui';

// 23:30 WIB on 1 Dec 2026 (already 00:30 on 2 Dec in WITA), the PC on WIB (nighttester F12). The
// zone is the settings' (no fixed zone in the core's configuration), so the screen can change it.
const NOW = new Date('2026-12-01T16:30:00Z');
const counters = useFixtures((browser: Browser) => openCounter(browser, [APBD], { width: 1024, height: 768 }, { core: { now: () => NOW, timeZone: undefined }, browserNow: NOW }));

describe('the zone corrected at night while today has visits', () => {
  it('Pengaturan says the day finishes under the old zone; Laporan "Hari ini" stays on that day', async () => {
    const c = await counters.open();
    const { page } = c;
    const core = c.harness.core;
    const patient = await core.createPatient({ name: 'Chairul', dob: '1980-01-01' });
    await core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: null, payer: 'umum' });

    await page.keyboard.press('Alt+6');
    const name = page.locator('[data-setting="facilityName"]');
    await name.waitFor();
    await name.fill('PUSKESMAS WALANTAKA');
    await page.locator('[data-setting="timeZone"]').selectOption('Asia/Makassar');
    await page.keyboard.press('Control+s');
    await expect.poll(async () => (await core.getSettings({})).timeZone).toBe('Asia/Makassar');
    const note = page.getByTestId('time-zone-running-day');
    await expect.poll(() => note.textContent()).toBe(
      'Sudah ada kunjungan hari ini: hari ini selesai dengan zona WIB (Asia/Jakarta) sampai tengah malamnya, baru kemudian zona baru berlaku.',
    );
    await c.screenshot('zone-change-night-settings');

    // The visit registered after the change is on 1 Dec, and so is "today" in the reports.
    expect((await core.registerVisit({ patientId: (await core.createPatient({ name: 'Rudi', dob: '1980-01-01' })).id, unit: 'UMUM', verdict: null, payer: 'umum' })).serviceDate).toBe('2026-12-01');
    await page.keyboard.press('Alt+5');
    const from = page.getByTestId('report-from');
    await from.waitFor();
    await expect.poll(() => from.inputValue()).toBe('01-12-2026');
    expect(await page.getByTestId('report-to').inputValue()).toBe('01-12-2026');
  });
});
