/**
 * The queue at a busy counter, 1024×768 (clerk findings F7, F17): S pressed and the next patient's
 * card scanned at once still serves the selected patient (the scan is a machine's keys, not the
 * clerk typing on), and a letter that is not run says so; the undo toast never hides a queue row.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUIET_MS } from '../../src/renderer/src/components/letter-keys';
import { SCREENSHOT_DIR, type Counter } from './support/counter';
import { APBD, SITI } from './support/lists';
import { useCounters } from './support/ui';

const counters = useCounters();

async function seedVisit(c: Counter, name: string): Promise<number> {
  const patient = await c.harness.core.createPatient({ name });
  return (await c.harness.core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: null, payer: 'umum' })).id;
}
/** A letter acts only when pressed alone: after any key, the keyboard must rest a second first (letter-keys.ts). */
const quiet = (c: Counter): Promise<void> => c.page.waitForTimeout(QUIET_MS + 100);
const statusOf = async (c: Counter, visitId: number) => (await c.harness.core.dayQueue({})).find((e) => e.visitId === visitId)?.status;
const rowStatus = (c: Counter, queue: string): Promise<string | null> => c.page.locator(`[data-testid="queue-row"][data-queue="${queue}"]`).getAttribute('data-status');

/** The scanner: the digits at machine speed, then Enter (right after the clerk's letter). */
async function scan(c: Counter, digits: string): Promise<void> {
  await c.page.keyboard.type(digits, { delay: 5 });
  await c.page.keyboard.press('Enter');
}

/** The queue of Poli Umum with these patients, the first called by P (the row the keys act on); its visit id. */
async function firstCalled(c: Counter, [first, ...others]: [string, ...string[]]): Promise<number> {
  const id = await seedVisit(c, first);
  for (const name of others) await seedVisit(c, name);
  await c.page.keyboard.press('Alt+2');
  await expect.poll(() => c.page.getByTestId('queue-row').count()).toBe(others.length + 1);
  await c.page.keyboard.press('p');
  await expect.poll(() => rowStatus(c, 'U-001')).toBe('called');
  return id;
}

describe('a letter on the queue, then a scan at once (F7)', () => {
  it('S then the next card: the selected patient is served, then the scan is searched as usual', async () => {
    const c = await counters.open([APBD], { width: 1024, height: 768 });
    const { page } = c;
    const udin = await firstCalled(c, ['UDIN PANJAITAN', 'YAYAT ISMAIL']);
    await quiet(c);

    // The clerk serves U-001 and scans the next patient's card straight away.
    await page.keyboard.press('s');
    await scan(c, SITI.nik);

    await expect.poll(() => page.locator('#lookup-query').inputValue()).toBe(SITI.nik);
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).toBe('eligible');
    await expect.poll(() => statusOf(c, udin)).toBe('served');
    await page.keyboard.press('Alt+2');
    await expect.poll(() => rowStatus(c, 'U-001')).toBe('served');
    // Its Undo is kept for the queue: Ctrl+Z there puts U-001 back to "Dipanggil".
    await page.keyboard.press('Control+z');
    await expect.poll(() => rowStatus(c, 'U-001')).toBe('called');
  });

  it('a letter that is not run says so in words: S then Esc, S then another letter', async () => {
    const c = await counters.open([APBD], { width: 1024, height: 768 });
    const { page } = c;
    const udin = await firstCalled(c, ['UDIN PANJAITAN']);
    const hint = page.getByTestId('typing-hint');

    await quiet(c);
    await page.keyboard.press('s');
    await page.keyboard.press('Escape');
    await expect.poll(() => hint.textContent()).toBe('S tidak dijalankan: Esc ditekan.');

    await quiet(c);
    await page.keyboard.press('s');
    await page.keyboard.press('x');
    await expect.poll(() => hint.textContent()).toBe('S tidak dijalankan: tombol lain menyusul, jadi dianggap ketikan. Untuk mencari pasien, tekan F1.');
    await page.waitForTimeout(600);
    expect(await statusOf(c, udin)).toBe('called');
  });
});

describe('a letter dropped where its screen cannot say so', () => {
  it('B then the next card at once: the cancel question is not opened to be closed unanswered; the app says B was not run', async () => {
    const c = await counters.open([APBD], { width: 1024, height: 768 });
    const { page } = c;
    const udin = await firstCalled(c, ['UDIN PANJAITAN', 'YAYAT ISMAIL']);
    await quiet(c);

    await page.keyboard.press('b');
    await scan(c, SITI.nik);

    await expect.poll(() => page.locator('#lookup-query').inputValue()).toBe(SITI.nik);
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).toBe('eligible');
    await expect
      .poll(() => page.getByTestId('letter-notice').textContent())
      .toBe('B tidak dijalankan: kartu dipindai sebelum pertanyaannya dapat dijawab. Kembali ke layar itu dan tekan lagi bila perlu.');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'queue-letter-scan-b.png') });
    await page.waitForTimeout(600);
    expect(await statusOf(c, udin)).toBe('called');
    // Back on the queue no question waits (it was never opened), and the row is as it was.
    await page.keyboard.press('Alt+2');
    await expect.poll(() => rowStatus(c, 'U-001')).toBe('called');
    expect(await page.getByRole('alertdialog').count()).toBe(0);
  });

  it('S then a click on another tab: S is not run behind the clerk\'s back, and the app says so', async () => {
    const c = await counters.open([APBD], { width: 1024, height: 768 });
    const { page } = c;
    const udin = await firstCalled(c, ['UDIN PANJAITAN']);
    await quiet(c);

    await page.keyboard.press('s');
    await page.locator('.app-nav__tab[data-screen="search"]').click();

    await expect
      .poll(() => page.getByTestId('letter-notice').textContent())
      .toBe('S tidak dijalankan: layar berganti sebelum tombolnya berlaku. Kembali ke layar itu dan tekan lagi bila perlu.');
    await page.waitForTimeout(600);
    expect(await statusOf(c, udin)).toBe('called');
  });
});

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * The toast's box, and each queue row's part that shows: below the sticky header, above the
 * status bar's top `barTop`, measured before any toast (a toast that made the bar grow would cover rows).
 * A string: the test code is compiled without the DOM library.
 */
async function boxes(c: Counter, barTop: number): Promise<{ toast: Box | null; rows: (Box & { queue: string })[]; height: number; width: number }> {
  return c.page.evaluate(`(() => {
    const rect = (el) => {
      const r = el && el.getBoundingClientRect();
      return r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right } : null;
    };
    const top = document.querySelector('.app-header-wrap').getBoundingClientRect().bottom;
    const bottom = ${barTop};
    const rows = [...document.querySelectorAll('[data-testid="queue-row"]')]
      .map((el) => ({ queue: el.getAttribute('data-queue'), ...rect(el) }))
      .map((r) => ({ ...r, top: Math.max(r.top, top), bottom: Math.min(r.bottom, bottom) }))
      .filter((r) => r.bottom > r.top);
    return { toast: rect(document.querySelector('[data-testid="undo-toast"]')), rows, height: window.innerHeight, width: window.innerWidth };
  })()`);
}

const overlaps = (a: Box, b: Box): boolean => a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;

describe('the undo toast and the queue rows (F17)', () => {
  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 1366, height: 768 },
  ]) {
    it(`at ${viewport.width}×${viewport.height} the toast covers no visible row, stays on screen, and Ctrl+Z undoes`, async () => {
      const c = await counters.open([APBD], viewport);
      const { page } = c;
      for (const name of ['PRIYO POLAPA', 'IMAM HUSEIN', 'UDIN PANJAITAN', 'ASEP SUNANDAR', 'DEDE YUSUF', 'ENTIN ROHMAH', 'YAYAT ISMAIL']) await seedVisit(c, name);
      await page.keyboard.press('Alt+2');
      await expect.poll(() => page.getByTestId('queue-row').count()).toBe(7);
      const barTop = await page.evaluate<number>(`document.querySelector('.status-bar').getBoundingClientRect().top`);
      await page.keyboard.press('p');
      await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('U-001 PRIYO POLAPA: dipanggil');
      await page.screenshot({ path: join(SCREENSHOT_DIR, `queue-toast-${viewport.width}.png`) });

      const seen = await boxes(c, barTop);
      const toast = seen.toast!;
      expect(seen.rows.length).toBeGreaterThanOrEqual(3);
      expect(seen.rows.filter((r) => overlaps(r, toast)).map((r) => r.queue)).toEqual([]);
      // Whole and on screen: readable, its button in reach.
      expect(toast.top).toBeGreaterThanOrEqual(0);
      expect(toast.bottom).toBeLessThanOrEqual(seen.height);
      expect(toast.right).toBeLessThanOrEqual(seen.width);
      await expect.poll(() => page.getByTestId('undo-button').isVisible()).toBe(true);

      // ↓ to the last row: scrolled into view, and still no row under the toast.
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
      await quiet(c);
      await page.keyboard.press('s');
      await expect.poll(() => rowStatus(c, 'U-007')).toBe('served');
      await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('U-007 YAYAT ISMAIL: selesai');
      const after = await boxes(c, barTop);
      const t2 = after.toast!;
      expect(after.rows.filter((r) => overlaps(r, t2)).map((r) => r.queue)).toEqual([]);
      expect(after.rows.map((r) => r.queue)).toContain('U-007');
      await page.screenshot({ path: join(SCREENSHOT_DIR, `queue-toast-${viewport.width}-last-row.png`) });
      await page.keyboard.press('Control+z');
      await expect.poll(() => rowStatus(c, 'U-007')).toBe('waiting');
    });
  }
});

describe('a scan over a question on the queue (UI tester 14)', () => {
  it('drops the cancel question and the poli choice, leaves the visit waiting, and the search screen says what was not done', async () => {
    const c = await counters.open([APBD], { width: 1024, height: 768 });
    const { page } = c;
    const udin = await firstCalled(c, ['UDIN PANJAITAN']);
    const note = page.getByTestId('scan-note');

    await quiet(c);
    await page.keyboard.press('b');
    await page.getByRole('alertdialog').or(page.getByRole('dialog')).first().waitFor();
    await scan(c, SITI.nik);
    await expect.poll(() => page.locator('#lookup-query').inputValue()).toBe(SITI.nik);
    await expect.poll(() => note.textContent()).toBe('U-001 UDIN PANJAITAN tidak dibatalkan: kartu baru dipindai saat pertanyaan Batalkan masih terbuka. Bila masih perlu, batalkan lagi di Antrean (Alt+2).');
    expect(await statusOf(c, udin)).toBe('called');

    await page.keyboard.press('Alt+2');
    await expect.poll(() => rowStatus(c, 'U-001')).toBe('called');
    await page.keyboard.press('ArrowDown');
    await quiet(c);
    await page.keyboard.press('g');
    await page.getByTestId('move-dialog').waitFor();
    await scan(c, SITI.nik);
    await expect.poll(() => note.textContent()).toContain('U-001 UDIN PANJAITAN tidak dipindah poli');
    expect((await c.harness.core.dayQueue({})).find((e) => e.visitId === udin)).toMatchObject({ status: 'called', unit: 'UMUM' });
  });
});

describe('a cancelled row (UI tester, finding 3)', () => {
  it('offers no Cetak ulang: its number will not be called', async () => {
    const c = await counters.open([APBD], { width: 1024, height: 768 });
    const { page } = c;
    await firstCalled(c, ['UDIN PANJAITAN', 'YAYAT ISMAIL']);
    const row = page.locator('[data-testid="queue-row"][data-queue="U-001"]');
    expect(await row.locator('[data-action="reprint"]').count()).toBe(1);
    await quiet(c);
    await page.keyboard.press('b');
    await page.getByRole('alertdialog').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => rowStatus(c, 'U-001')).toBe('cancelled');
    expect(await row.locator('[data-action="reprint"]').count()).toBe(0);
    expect(await page.locator('[data-testid="queue-row"][data-queue="U-002"] [data-action="reprint"]').count()).toBe(1);
  });
});
