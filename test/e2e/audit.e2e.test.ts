import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APBD, RIZKI, SITI } from './support/lists';
import { registerByNik, scratch, useCounters } from './support/ui';

const { open } = useCounters();

describe('the audit screen', () => {
  it('shows the look-up and the registration just made, verifies the chain, finds who looked a person up, and exports masked', async () => {
    const c = await open([APBD], { width: 1366, height: 768 });
    const { page } = c;
    expect(await registerByNik(c, SITI.nik)).toBe('U-001');

    await page.keyboard.press('Alt+7');
    await page.getByTestId('audit-table').waitFor();
    const actions = await page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    // Newest first: the registration, then the look-ups that led to it (the search, the record check).
    expect(actions[0]).toBe('register');
    expect(actions).toContain('lookup');
    expect(actions.at(-1)).toBe('import');
    const lookupRow = page.locator('[data-testid="audit-row"][data-action="lookup"]').last();
    // The NIK is masked on screen; the match count is there, nothing of the member found (card, address).
    await expect.poll(() => lookupRow.textContent()).toMatch(/"3673•{8}0003": 1 cocok/);
    expect(await page.getByTestId('audit-table').textContent()).not.toMatch(new RegExp(`${SITI.nik}|${SITI.card}|KALIGANDU`));
    // One search by the clerk is one look-up entry (BPJS is not set up: the live check asked
    // nobody and is not recorded as a second "0 cocok"); the record check while registering is
    // worded as such.
    const lookups = page.locator('[data-testid="audit-row"][data-action="lookup"]');
    await expect.poll(() => lookups.evaluateAll((rows) => rows.map((r) => r.lastElementChild?.textContent))).toEqual([
      '"SITI AMINAH 1985-03-12": cek rekam medis ganda (0 mirip)',
      '"3673••••••••0003": dicek di rekam medis saat mendaftar (0 cocok)',
      '"3673••••••••0003": 1 cocok',
    ]);
    // Details are worded for people, in the screen's language: unit and payer by name, no raw "name: value".
    const detail = (action: string) => page.locator(`[data-testid="audit-row"][data-action="${action}"]`).first().locator('td').last();
    await expect.poll(() => detail('register').textContent()).toBe('antrean U-001 di Poli Umum, penjamin JKN');
    expect(await page.getByTestId('audit-table').textContent()).not.toMatch(/method:|visitId|payer:/);

    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-verify-result').textContent()).toMatch(/^Rantai utuh: \d+ entri diperiksa/);
    await c.screenshot('audit-1366');
    await page.screenshot({ path: '/tmp/audit-1366.png' });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: '/tmp/audit-1024.png' });
    await c.screenshot('audit-1024');
    // The filters line up at 1024 px: every input (and the clear button) on one line, as high as the others.
    const boxes = await page.getByTestId('audit-filters').locator('input, select, button').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(new Set(boxes).size).toBe(1);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => detail('register').textContent()).toBe('queue U-001 at Poli Umum, payer JKN');
    await expect.poll(() => lookups.last().locator('td').last().textContent()).toBe('"3673••••••••0003": 1 matched');
    // reporttester F4: the time with the month in words, as every other English screen ("10 Jun 2025"), never "10/06/2025".
    const firstTime = () => page.getByTestId('audit-row').first().locator('.audit-time').textContent();
    await expect.poll(firstTime).toMatch(/^10 Jun 2025 \d{2}:\d{2}:\d{2}$/);
    await c.screenshot('audit-1024-en');
    await page.getByRole('button', { name: 'ID', exact: true }).click();
    await expect.poll(firstTime).toMatch(/^10 Jun 2025 \d{2}\.\d{2}\.\d{2}$/);

    // "Who looked me up?": the NIK typed with separators finds the look-ups by NIK and the record's
    // registrations (the new record, the visit); not the name check nor the import.
    await page.getByTestId('audit-person').fill('3673 0152 0385 0003');
    await expect.poll(() => page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')))).toEqual(['register', 'register', 'lookup', 'lookup']);
    await page.getByTestId('audit-action').selectOption('register');
    await expect.poll(() => page.getByTestId('audit-row').count()).toBe(2);

    // Export needs a range; the file masks the NIK and is itself on record.
    await page.getByTestId('audit-from').fill('2025-06-10');
    await page.getByTestId('audit-to').fill('2025-06-10');
    await page.locator('[data-export="audit-csv"]').click();
    const input = page.getByTestId('audit-path-input');
    await expect.poll(() => input.inputValue()).toBe('audit-2025-06-10_2025-06-10.csv');
    const out = join(await scratch(), 'audit.csv');
    await input.fill(out);
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('audit-export-status').textContent()).toContain('disimpan ke audit.csv');
    const csv = await readFile(out, 'utf8');
    expect(csv).toMatch(/^\uFEFFNo\.;Waktu;Petugas;Tindakan;Subjek;Pencarian;Rincian/);
    expect(csv).toContain('3673••••••••0003');
    expect(csv).not.toContain(SITI.nik);
    await page.getByRole('button', { name: /Hapus saringan/ }).click();
    await page.getByTestId('audit-action').selectOption('export');
    await expect.poll(() => page.getByTestId('audit-row').count()).toBe(1);
    expect(c.problems).toEqual([]);
  });

  it('words a cancelled visit, masks a card typed without its zeros, finds a name search by the NIK, and exports in the screen\'s words', async () => {
    const c = await open([APBD], { width: 1366, height: 768 });
    const { page } = c;
    // A search by name that shows Siti among the candidates, then a card typed without its leading zeros.
    await page.keyboard.press('F1');
    const search = page.locator('#lookup-query');
    await search.fill('SITI AMINAH');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).not.toBeNull();
    await search.fill(RIZKI.card.replace(/^0+/, ''));
    await search.press('Enter');
    await expect.poll(async () => (await page.getByTestId('verdict').textContent()) ?? '').toContain('Terdaftar aktif');
    expect(await registerByNik(c, SITI.nik)).toBe('U-001');
    // Batal in the queue, after the question.
    await page.keyboard.press('Alt+2');
    await page.locator('[data-queue="U-001"] [data-action="cancelled"]').click();
    await page.getByTestId('confirm-yes').click();
    await expect.poll(() => page.locator('[data-testid="queue-row"][data-queue="U-001"]').getAttribute('data-status')).toBe('cancelled');

    await page.keyboard.press('Alt+7');
    await page.getByTestId('audit-table').waitFor();
    const detailOf = (action: string) => page.locator(`[data-testid="audit-row"][data-action="${action}"]`).first().locator('td');
    await expect.poll(() => detailOf('visit-status').nth(3).textContent()).toBe('Status antrean');
    await expect.poll(() => detailOf('visit-status').last().textContent()).toBe('antrean U-001 di Poli Umum: Menunggu → Batal');
    const table = (await page.getByTestId('audit-table').textContent()) ?? '';
    // The card typed as 10 digits is masked as the card.
    expect(table).toContain('"•••••••••6601": 1 cocok');
    expect(table).not.toContain(RIZKI.card.replace(/^0+/, ''));
    await c.screenshot('audit-visit-status-1366');

    // "Who looked me up?" by Siti's NIK: the search by name that showed her too, and the cancellation.
    await page.getByTestId('audit-person').fill(SITI.nik);
    const details = () => page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.lastElementChild?.textContent ?? ''));
    await expect.poll(details).toContain('"SITI AMINAH": 1 cocok');
    await expect.poll(() => details()).toContain('antrean U-001 di Poli Umum: Menunggu → Batal');
    // Rizki's card look-up is not hers.
    expect((await details()).join('\n')).not.toContain('6601');

    // The export reads as the screen does: actions and details in words, no codes, no JSON.
    await page.getByRole('button', { name: /Hapus saringan/ }).click();
    await page.getByTestId('audit-from').fill('2025-06-10');
    await page.getByTestId('audit-to').fill('2025-06-10');
    await page.locator('[data-export="audit-csv"]').click();
    const input = page.getByTestId('audit-path-input');
    const out = join(await scratch(), 'audit-words.csv');
    await input.fill(out);
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('audit-export-status').textContent()).toContain('disimpan ke audit-words.csv');
    const csv = await readFile(out, 'utf8');
    expect(csv).toContain(';Status antrean;');
    expect(csv).toContain('antrean U-001 di Poli Umum: Menunggu → Batal');
    expect(csv).toContain(';Pencarian;');
    expect(csv).not.toMatch(/[{}]|;lookup;|;visit-status;|"method"/);
    expect(csv).not.toContain(RIZKI.card.replace(/^0+/, ''));
    expect(c.problems).toEqual([]);
  });
});
