/**
 * The queue's second chances: a patient moved to another unit (G, "Ganti poli") keeps their place
 * by arrival there with that unit's new number, and the move is undone by Ctrl+Z; a called patient
 * called again (U, "Panggil ulang") is named and counted, and Ctrl+Z takes it back.
 */
import { describe, expect, it } from 'vitest';
import { QUIET_MS } from '../../src/renderer/src/components/letter-keys';
import type { Counter } from './support/counter';
import { APBD } from './support/lists';
import { useCounters } from './support/ui';

const counters = useCounters();
const open = (): Promise<Counter> => counters.open([APBD], { width: 1024, height: 768 });

async function seedVisit(c: Counter, name: string, unit = 'UMUM'): Promise<number> {
  const patient = await c.harness.core.createPatient({ name });
  return (await c.harness.core.registerVisit({ patientId: patient.id, unit, verdict: null, payer: 'umum' })).id;
}
/** A letter acts only when pressed alone: after any key, the keyboard must rest a second first (letter-keys.ts). */
const quiet = (c: Counter): Promise<void> => c.page.waitForTimeout(QUIET_MS + 100);
const rows = (c: Counter): Promise<string[]> => c.page.getByTestId('queue-row').evaluateAll((els) => els.map((el) => `${el.getAttribute('data-queue')} ${el.querySelector('.queue-row__name')?.textContent ?? ''}`));
const visitOf = async (c: Counter, visitId: number) => (await c.harness.core.dayQueue({})).find((e) => e.visitId === visitId);
const notice = (c: Counter): Promise<string | null> => c.page.getByTestId('queue-notice').textContent();

describe('Ganti poli (G)', () => {
  it('moves the selected patient to the unit picked by its number key, at their place by arrival, with a new number; Ctrl+Z moves them back', async () => {
    const c = await open();
    const { page } = c;
    await seedVisit(c, 'ENTIN ROHMAH');
    const asep = await seedVisit(c, 'ASEP SUNANDAR');
    await seedVisit(c, 'DEDE YUSUF', 'GIGI');
    await page.keyboard.press('Alt+2');
    await expect.poll(() => rows(c)).toEqual(['U-001 ENTIN ROHMAH', 'U-002 ASEP SUNANDAR']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await quiet(c);
    await page.keyboard.press('g');
    const dialog = page.getByTestId('move-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('move-who').textContent()).toContain('U-002 ASEP SUNANDAR sekarang di Poli Umum');
    // Its own unit is shown but cannot be picked; Esc goes back without moving.
    expect(await page.locator('[data-testid="move-target"][data-unit="UMUM"]').isDisabled()).toBe(true);
    await c.screenshot('queue-move-choice');
    await page.keyboard.press('1');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await visitOf(c, asep))?.queue).toBe('U-002');

    // Again, and "2" (Poli Gigi, its key on the tabs too): moved, and the new slip is offered (Enter prints).
    await quiet(c);
    await page.keyboard.press('g');
    await dialog.waitFor();
    await page.keyboard.press('2');
    await expect.poll(() => dialog.getAttribute('data-step')).toBe('moved');
    expect(await page.getByTestId('move-done').textContent()).toBe(
      'ASEP SUNANDAR: U-002 (Poli Umum) → G-002 (Poli Gigi). Berikan slip baru kepada pasien; nomor U-002 tidak berlaku lagi.',
    );
    await c.screenshot('queue-move-done');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    // The browser harness has no printer: the notice says so, as "Cetak ulang" does.
    await expect.poll(() => notice(c)).toBe('Pencetakan hanya tersedia di aplikasi desktop. Gunakan pratinjau slip.');
    await expect.poll(() => rows(c)).toEqual(['U-001 ENTIN ROHMAH']);
    await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('ASEP SUNANDAR: U-002 → G-002 (Poli Gigi)');

    // In Poli Gigi ASEP (registered before DEDE) comes first, and "Panggil berikutnya" calls him.
    await page.keyboard.press('2');
    await expect.poll(() => rows(c)).toEqual(['G-002 ASEP SUNANDAR', 'G-001 DEDE YUSUF']);
    await quiet(c);
    await page.keyboard.press('p');
    await expect.poll(() => notice(c)).toBe('Dipanggil: G-002 ASEP SUNANDAR');
    // Ctrl+Z: the call; then the move, on the tab where it was made: back to U-002, waiting.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await visitOf(c, asep))?.status).toBe('waiting');
    // The screen has said so: that undo is over (a Ctrl+Z while one runs is ignored, on purpose).
    await expect.poll(() => notice(c)).toMatch(/^Diurungkan: G-002 ASEP SUNANDAR/);
    await page.keyboard.press('1');
    await page.keyboard.press('Control+z');
    await expect.poll(() => notice(c)).toBe('Diurungkan: ASEP SUNANDAR kembali ke U-002');
    expect(await visitOf(c, asep)).toMatchObject({ queue: 'U-002', unit: 'UMUM', status: 'waiting' });
    await expect.poll(() => rows(c)).toEqual(['U-001 ENTIN ROHMAH', 'U-002 ASEP SUNANDAR']);
  });

  it('a served patient offers no move (no key, no button)', async () => {
    const c = await open();
    const { page } = c;
    const entin = await seedVisit(c, 'ENTIN ROHMAH');
    await c.harness.core.setVisitStatus({ visitId: entin, status: 'served' });
    await page.keyboard.press('Alt+2');
    await expect.poll(() => rows(c)).toEqual(['U-001 ENTIN ROHMAH']);
    expect(await page.locator('[data-queue="U-001"] [data-action="move"]').count()).toBe(0);
    await page.keyboard.press('ArrowDown');
    await quiet(c);
    await page.keyboard.press('g');
    await page.waitForTimeout(300);
    expect(await page.getByTestId('move-dialog').count()).toBe(0);
  });
});

describe('Panggil ulang (U)', () => {
  it('calls the called patient again, naming them, counted on the row; Ctrl+Z takes it back', async () => {
    const c = await open();
    const { page } = c;
    const entin = await seedVisit(c, 'ENTIN ROHMAH');
    await page.keyboard.press('Alt+2');
    await expect.poll(() => rows(c)).toEqual(['U-001 ENTIN ROHMAH']);
    // Not called yet: U does nothing.
    await page.keyboard.press('ArrowDown');
    await quiet(c);
    await page.keyboard.press('u');
    await page.waitForTimeout(300);
    expect((await visitOf(c, entin))?.recalls).toBe(0);
    await quiet(c);
    await page.keyboard.press('p');
    await expect.poll(() => notice(c)).toBe('Dipanggil: U-001 ENTIN ROHMAH');
    await quiet(c);
    await page.keyboard.press('u');
    await expect.poll(() => notice(c)).toBe('Dipanggil ulang: U-001 ENTIN ROHMAH (panggilan ke-2)');
    await expect.poll(() => page.getByTestId('queue-recalls').textContent()).toBe('dipanggil ulang 1×');
    await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('U-001 ENTIN ROHMAH: dipanggil ulang');
    await c.screenshot('queue-recall');
    await page.keyboard.press('Control+z');
    await expect.poll(() => notice(c)).toBe('Diurungkan: panggil ulang U-001 ENTIN ROHMAH');
    expect(await visitOf(c, entin)).toMatchObject({ status: 'called', recalls: 0 });
    await expect.poll(() => page.getByTestId('queue-recalls').count()).toBe(0); // the queue reloads after the notice
  });
});

describe('the selected row', () => {
  it('↓ past the fold scrolls the row the keys act on into view, framed apart from the called rows', async () => {
    const c = await open();
    const { page } = c;
    for (let i = 1; i <= 8; i++) await seedVisit(c, `PASIEN NOMOR ${'ABCDEFGH'[i - 1]}`);
    await page.keyboard.press('Alt+2');
    await expect.poll(async () => (await rows(c)).length).toBe(8);
    // S alone with no row picked yet: says so, rather than "typing does nothing".
    await quiet(c);
    await page.keyboard.press('s');
    await expect.poll(() => page.getByTestId('typing-hint').textContent()).toBe('Pilih baris pasien dulu dengan ↑↓, lalu tekan S.');
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowDown');
    const selected = page.locator('[data-testid="queue-row"][aria-selected="true"]');
    await expect.poll(() => selected.getAttribute('data-queue')).toBe('U-008');
    // Between the top of the window and the status bar fixed at its bottom.
    const inView = async (): Promise<boolean> => {
      const [row, bar] = await Promise.all([selected.boundingBox(), page.locator('.status-bar').boundingBox()]);
      return row !== null && bar !== null && row.y >= 0 && row.y + row.height <= bar.y;
    };
    await expect.poll(inView).toBe(true);
    // Framed: a called row that is selected does not look like the called rows around it.
    const frame = await page.evaluate(`getComputedStyle(document.querySelector('[data-testid="queue-row"][aria-selected="true"] td:nth-child(2)')).boxShadow`);
    expect(frame).not.toBe('none');
    await c.screenshot('queue-selected-below-fold-1024');
  });
});
