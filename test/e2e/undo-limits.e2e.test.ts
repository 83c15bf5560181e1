/**
 * Where Ctrl+Z goes: a cancel is undone like a call or a service (newest first); never on another unit's
 * tab, never on yesterday's visits after midnight; when it undoes nothing it says why. And what
 * it says (the notice, the toast) is worded in the language on screen now, not the one of the
 * moment the change was made.
 */
import { describe, expect, it } from 'vitest';
import { QUIET_MS } from '../../src/renderer/src/components/letter-keys';
import { openCounter, type Counter, type CounterOptions } from './support/counter';
import { APBD } from './support/lists';
import { useFixtures } from './support/ui';

const clock = { now: new Date('2025-06-10T10:00:00+07:00') };
const { open } = useFixtures((browser, options: CounterOptions = {}) => openCounter(browser, [APBD], { width: 1024, height: 768 }, { core: { now: () => clock.now }, ...options }));

async function seedVisit(c: Counter, name: string, unit = 'UMUM'): Promise<number> {
  const patient = await c.harness.core.createPatient({ name });
  return (await c.harness.core.registerVisit({ patientId: patient.id, unit, verdict: null, payer: 'umum' })).id;
}
/** A letter acts only when pressed alone: after any key, the keyboard must rest a second first (letter-keys.ts). */
const quiet = (c: Counter): Promise<void> => c.page.waitForTimeout(QUIET_MS + 100);
const statusInCore = async (c: Counter, queue: string): Promise<string | undefined> =>
  (await c.harness.core.visitRegister({ from: '2000-01-01', to: '2999-12-31' })).find((r) => r.queue === queue)?.status;
const rowStatus = (c: Counter, queue: string): Promise<string | null> => c.page.locator(`[data-testid="queue-row"][data-queue="${queue}"]`).getAttribute('data-status');
const notice = (c: Counter): Promise<string | null> => c.page.getByTestId('queue-notice').textContent();

describe('Ctrl+Z on the queue', () => {
  it('a cancel is undone like the rest: the patient comes back with the same number, the follow-ups open again; then the change before it', async () => {
    clock.now = new Date('2025-06-10T10:00:00+07:00');
    const c = await open();
    const { page } = c;
    await seedVisit(c, 'ENTIN ROHMAH');
    // ASEP's payer is still open: a follow-up the cancel closes and its undo opens again.
    const asep = await c.harness.core.createPatient({ name: 'ASEP SUNANDAR' });
    await c.harness.core.registerVisit({ patientId: asep.id, unit: 'UMUM', verdict: null, payer: 'pending' });
    const openTasks = async (): Promise<number> => (await c.harness.core.openFollowUps({})).filter((f) => f.visit.queue === 'U-002').length;
    expect(await openTasks()).toBe(1);
    await page.keyboard.press('Alt+2');
    await expect.poll(() => page.getByTestId('queue-row').count()).toBe(2);

    await page.keyboard.press('p');
    await expect.poll(() => rowStatus(c, 'U-001')).toBe('called');
    await quiet(c);
    await page.keyboard.press('s');
    await expect.poll(() => rowStatus(c, 'U-001')).toBe('served');
    await page.keyboard.press('ArrowDown');
    await quiet(c);
    await page.keyboard.press('b');
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    // The question says how to take a mistaken cancel back.
    expect(await dialog.textContent()).toContain('Bila keliru, tekan Ctrl+Z (Urungkan) di poli ini: pasien kembali dengan nomor dan tempatnya');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => rowStatus(c, 'U-002')).toBe('cancelled');
    await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('U-002 ASEP SUNANDAR: kunjungan dibatalkan');
    expect(await openTasks()).toBe(0);

    // Ctrl+Z: ASEP waits again as U-002, his payer task open again.
    await page.keyboard.press('Control+z');
    await expect.poll(() => notice(c)).toBe('Diurungkan: U-002 ASEP SUNANDAR kembali Menunggu (pembatalan dibatalkan, tindak lanjutnya dibuka lagi)');
    expect(await statusInCore(c, 'U-002')).toBe('waiting');
    await expect.poll(() => rowStatus(c, 'U-002')).toBe('waiting');
    expect(await openTasks()).toBe(1);
    // Ctrl+Z again: the change before it (U-001 served → called).
    await page.keyboard.press('Control+z');
    await expect.poll(() => statusInCore(c, 'U-001')).toBe('called');
    await c.screenshot('undo-limits-after-cancel');
  });

  it('on another unit’s tab it says where the last change was and changes nothing; on that tab it undoes it; then it says there is nothing', async () => {
    clock.now = new Date('2025-06-10T10:00:00+07:00');
    const c = await open();
    const { page } = c;
    await seedVisit(c, 'ENTIN ROHMAH');
    await seedVisit(c, 'DEDE YUSUF', 'GIGI');
    await page.keyboard.press('Alt+2');
    await expect.poll(() => page.getByTestId('queue-row').count()).toBe(1);
    await page.keyboard.press('p');
    await expect.poll(() => rowStatus(c, 'U-001')).toBe('called');

    await page.keyboard.press('2'); // Poli Gigi
    await expect.poll(() => page.locator('[role="tab"][data-unit="GIGI"]').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('undo-toast').count()).toBe(0); // nothing here to undo
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => notice(c))
      .toBe('Tidak ada yang diurungkan di sini: perubahan terakhir (U-001 ENTIN ROHMAH: dipanggil) dibuat di Poli Umum. Buka Poli Umum untuk mengurungkannya.');
    expect(await statusInCore(c, 'U-001')).toBe('called');
    expect(await statusInCore(c, 'G-001')).toBe('waiting');

    await page.keyboard.press('1');
    await expect.poll(() => page.locator('[role="tab"][data-unit="UMUM"]').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Control+z');
    await expect.poll(() => rowStatus(c, 'U-001')).toBe('waiting');
    await expect.poll(() => notice(c)).toBe('Diurungkan: U-001 ENTIN ROHMAH kembali Menunggu');
    await page.keyboard.press('Control+z');
    await expect.poll(() => notice(c)).toBe('Tidak ada perubahan yang dapat diurungkan di layar ini.');
  });

  it('after midnight it never changes yesterday’s visit, which is no longer on screen, and says why', async () => {
    clock.now = new Date('2025-06-09T23:50:00+07:00');
    const c = await open({ browserNow: new Date('2025-06-09T23:56:00+07:00'), clock: 'installed' });
    const { page } = c;
    await seedVisit(c, 'UDIN PANJAITAN');
    clock.now = new Date('2025-06-09T23:56:00+07:00');
    await page.keyboard.press('Alt+2');
    await expect.poll(() => page.getByTestId('queue-row').count()).toBe(1);
    await page.keyboard.press('p');
    await expect.poll(() => rowStatus(c, 'U-001')).toBe('called');
    await quiet(c);
    await page.keyboard.press('s');
    await expect.poll(() => rowStatus(c, 'U-001')).toBe('served');

    // 00:03: the poli's queue of the new day is empty.
    clock.now = new Date('2025-06-10T00:03:00+07:00');
    await page.clock.setSystemTime(clock.now);
    await page.keyboard.press('2');
    await expect.poll(() => page.locator('[role="tab"][data-unit="GIGI"]').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('1');
    await expect.poll(() => page.getByTestId('queue-row').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => notice(c)).toBe('Tidak ada yang diurungkan: perubahan sebelum tengah malam tidak dapat diurungkan lagi.');
    const register = await c.harness.core.visitRegister({ from: '2025-06-09', to: '2025-06-09' });
    expect(register.find((r) => r.queue === 'U-001')).toMatchObject({ status: 'served' });
    expect(register.find((r) => r.queue === 'U-001')?.servedAt).toBeTruthy();
    // And the next Ctrl+Z has nothing left at all.
    await page.keyboard.press('Control+z');
    await expect.poll(() => notice(c)).toBe('Tidak ada perubahan yang dapat diurungkan di layar ini.');
  });
});

describe('what Undo says follows the language on screen', () => {
  it('the queue: the notice and the toast made in Indonesian are worded again in English, and Ctrl+Z answers in English', async () => {
    clock.now = new Date('2025-06-10T10:00:00+07:00');
    const c = await open();
    const { page } = c;
    await seedVisit(c, 'UDIN PANJAITAN');
    await page.keyboard.press('Alt+2');
    await expect.poll(() => page.getByTestId('queue-row').count()).toBe(1);
    await page.keyboard.press('p');
    await expect.poll(() => notice(c)).toBe('Dipanggil: U-001 UDIN PANJAITAN');
    await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('U-001 UDIN PANJAITAN: dipanggil');

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => notice(c)).toBe('Called: U-001 UDIN PANJAITAN');
    await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('U-001 UDIN PANJAITAN: called');
    await c.screenshot('undo-limits-english-toast');
    await page.keyboard.press('Control+z');
    await expect.poll(() => rowStatus(c, 'U-001')).toBe('waiting');
    await expect.poll(() => notice(c)).toBe('Undone: U-001 UDIN PANJAITAN back to waiting');
    // And back: the same notice in Indonesian.
    await page.getByRole('button', { name: 'ID', exact: true }).click();
    await expect.poll(() => notice(c)).toBe('Diurungkan: U-001 UDIN PANJAITAN kembali Menunggu');
  });

  it('the follow-ups: a payer change toast and its undo notice re-worded after the switch', async () => {
    clock.now = new Date('2025-06-10T10:00:00+07:00');
    const c = await open();
    const { page } = c;
    const patient = await c.harness.core.createPatient({ name: 'ENTIN ROHMAH' });
    await c.harness.core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: null, payer: 'pending' });
    await page.keyboard.press('Alt+3');
    await page.getByTestId('followup').first().waitFor();
    await page.locator('[data-testid="followup"] [data-action="umum"]').click();
    await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('ENTIN ROHMAH → Umum');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('ENTIN ROHMAH → Self-pay');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('followups-notice').textContent()).toBe('Undone: ENTIN ROHMAH back to payer pending');
  });
});
