import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUIET_MS } from '../../src/renderer/src/components/letter-keys';
import { APBD, BUDI, SITI } from './support/lists';
import { registerByNik, scratch, useCounters } from './support/ui';

const { open } = useCounters();

describe('the reports screen', () => {
  it('shows both payers in the register, one equal-service line per payer, a range recap, and exports in the UI language', async () => {
    // A PBI APBN list: its active members are derived JKN (a PBI APBD list would derive Jamkesda).
    const c = await open([{ ...APBD, name: 'PBI APBN KOTA SERANG', kind: 'pbi-apbn' }]);
    const { page } = c;
    expect(await registerByNik(c, SITI.nik)).toBe('U-001'); // JKN from the verdict
    expect(await registerByNik(c, BUDI.nik, 'u')).toBe('U-002'); // Umum, chosen
    await page.keyboard.press('Alt+2');
    await page.getByTestId('queue-table').waitFor();
    await page.keyboard.press('p');
    await expect.poll(() => page.getByTestId('queue-notice').textContent()).toContain('U-001');
    await page.waitForTimeout(QUIET_MS + 100); // a letter right after a change is taken for typing
    await page.keyboard.press('p');
    await expect.poll(() => page.getByTestId('queue-notice').textContent()).toContain('U-002');

    await page.keyboard.press('Alt+5');
    await page.getByTestId('register-table').waitFor();
    expect(await page.getByTestId('report-from').inputValue()).toBe('10-06-2025');
    expect(await page.getByTestId('report-to').inputValue()).toBe('10-06-2025');
    const payers = await page.getByTestId('register-payer').allTextContents();
    expect(payers).toEqual(['JKN', 'Umum']);
    await expect.poll(() => page.locator('[data-testid="equal-row"]').count()).toBe(2);
    await expect.poll(() => page.locator('[data-testid="equal-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-payer')).sort())).toEqual(['jkn', 'umum']);
    await expect.poll(() => page.getByTestId('equal-note').textContent()).toContain('Penjamin tidak boleh mengubah lama tunggu');
    await expect.poll(() => page.getByTestId('recap-total').textContent()).toBe('2');
    // What "Jumlah kunjungan" counts is said under it; both patients came here for the first time.
    expect(await page.getByTestId('recap-note').textContent()).toContain('kecuali yang batal; gawat darurat termasuk');
    expect(await page.getByTestId('recap-new').textContent()).toBe('2');
    expect(await page.getByTestId('recap-returning').textContent()).toBe('0');
    expect(await page.getByTestId('register-kind').allTextContents()).toEqual(['Baru', 'Baru']);
    await c.screenshot('reports-a-day');

    await page.locator('[data-export="register-csv"]').click();
    const out = join(await scratch(), 'register.csv');
    const input = page.getByTestId('report-path-input');
    await input.fill(out);
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('report-status').textContent()).toContain('disimpan ke register.csv');
    const csv = await readFile(out, 'utf8');
    // The register in the UI language: unit name, status and payer words, the facility's local time.
    expect(csv).toMatch(/;U-001;Poli Umum;;\d+;SITI AMINAH;Baru;JKN;Dipanggil;2025-06-10 \d\d:\d\d;/);
    expect(csv).toContain('U-002');
    expect(csv).not.toMatch(/called|T\d\d:\d\d:\d\d/);

    // A range: the day before to that day; the recap lists the dates and exports with them.
    await page.getByTestId('report-from').fill('2025-06-09');
    await expect.poll(() => page.getByTestId('report-range').textContent()).toMatch(/9 Jun.*10 Jun/);
    await expect.poll(() => page.getByTestId('recap-total').textContent()).toBe('2');
    await expect.poll(() => page.getByTestId('recap').textContent()).toContain('Per tanggal');
    await c.screenshot('reports-b-range');
    await page.locator('[data-export="recap-csv"]').click();
    await expect.poll(() => input.inputValue()).toBe('rekap-2025-06-09_2025-06-10.csv');
    const recapOut = join(await scratch(), 'rekap.csv');
    await input.fill(recapOut);
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('report-status').textContent()).toContain('disimpan ke rekap.csv');
    const recap = await readFile(recapOut, 'utf8');
    expect(recap).toContain('Jumlah kunjungan;2025-06-09 – 2025-06-10;2');
    for (const payer of ['JKN;1', 'Umum;1', 'Jasa Raharja;0', 'BPJS Ketenagakerjaan;0', 'Asuransi lain;0', 'Penjamin menyusul;0']) expect(recap).toContain(`Per penjamin;${payer}`);

    // In English, the export is in English: no Indonesian status or payer word.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => page.getByTestId('register-payer').allTextContents()).toEqual(['JKN', 'Self-pay']);
    await page.locator('[data-export="register-csv"]').click();
    await expect.poll(() => input.inputValue()).toBe('register-2025-06-09_2025-06-10.csv');
    const english = join(await scratch(), 'register-en.csv');
    await input.fill(english);
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('report-status').textContent()).toContain('saved to register-en.csv');
    const en = await readFile(english, 'utf8');
    expect(en).toMatch(/^\uFEFFDate;Queue no\.;Unit;Emergency/);
    expect(en).toContain(';Called;');
    expect(en).toContain(';Self-pay;');
    expect(en).not.toMatch(/Dipanggil|Menunggu|Selesai|Batal|Penjamin menyusul|;Umum;/);
    await page.getByRole('button', { name: 'ID', exact: true }).click();

    // Another day alone: nothing yet. A start after the end drags the end along.
    await page.getByTestId('report-from').fill('2025-06-11');
    await expect.poll(() => page.getByTestId('report-to').inputValue()).toBe('11-06-2025');
    await expect.poll(() => page.getByTestId('register-table').count()).toBe(0);
    await c.screenshot('reports-c-empty-day');
  });

  it('a visit cancelled in the queue: in the register with the time of the cancel and its wait, out of the visit total', async () => {
    const c = await open([{ ...APBD, name: 'PBI APBN KOTA SERANG', kind: 'pbi-apbn' }]);
    const { page } = c;
    expect(await registerByNik(c, SITI.nik)).toBe('U-001');
    expect(await registerByNik(c, BUDI.nik, 'u')).toBe('U-002');
    await page.keyboard.press('Alt+2');
    await page.getByTestId('queue-table').waitFor();
    await page.locator('[data-queue="U-002"] [data-action="cancelled"]').click();
    await page.getByTestId('confirm-yes').click();
    await expect.poll(() => page.locator('[data-queue="U-002"] [data-testid="queue-status"]').textContent()).toBe('Batal');

    await page.keyboard.press('Alt+5');
    const cancelled = page.locator('[data-testid="register-row"][data-queue="U-002"]');
    await cancelled.waitFor();
    expect(await cancelled.getByTestId('register-status').textContent()).toMatch(/^Batal \d\d\.\d\d$/);
    // Registered and cancelled within the minute: waited 0 minutes, as the queue says (no "–", never called).
    expect(await cancelled.locator('td').last().textContent()).toBe('0');
    expect(await cancelled.getByTestId('register-kind').textContent()).toBe('');
    await expect.poll(() => page.getByTestId('recap-total').textContent()).toBe('1');
    expect(await page.getByTestId('recap-cancelled').textContent()).toBe('1');
    expect(await page.getByTestId('recap-new').textContent()).toBe('1');
    await c.screenshot('reports-d-cancelled');
  });
});
