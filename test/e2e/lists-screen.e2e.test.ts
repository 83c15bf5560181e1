import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvList, type Counter } from './support/counter';
import { APBD, BUDI, SITI } from './support/lists';
import { scratch, useCounters } from './support/ui';

const { open } = useCounters();
const HEADER = ['NIK', 'NOKA', 'NAMA', 'TGL_LAHIR', 'JK', 'STATUS', 'ALAMAT'];
const GOOD = [
  [SITI.nik, SITI.card, SITI.name, '12-03-1985', 'P', 'AKTIF', 'KALIGANDU'],
  [BUDI.nik, BUDI.card, BUDI.name, '02-01-1978', 'L', 'AKTIF', 'CIRACAS'],
];
/** Line 4 of the file (header, two members, then this): no name. */
const BAD = ['3673011705900001', '0001336526601', '', '17-05-1990', 'L', 'AKTIF', 'KASEMEN'];

async function importThroughScreen(c: Counter, file: string, list: string, asOf: string): Promise<void> {
  const { page } = c;
  await page.getByTestId('list-choose-file').click();
  const path = page.getByTestId('list-file-path-input');
  await path.fill(file);
  await path.press('Enter');
  await page.getByTestId('list-preview').waitFor();
  await page.getByTestId('list-name').fill(list);
  await page.getByTestId('list-asof').fill(asOf);
  await page.getByTestId('list-import-run').click();
  await page.getByTestId('import-result').waitFor();
}

const editionOf = (c: Counter, list: string) => c.page.locator(`[data-testid="list-row"][data-list="${list}"]`).getAttribute('data-edition');

describe('the member lists screen', () => {
  it('imports a CSV with one bad row through the path field: mapping, result, rejects as CSV', async () => {
    const c = await open([APBD]);
    const { page } = c;
    const dir = await scratch();
    const file = join(dir, 'jamkesda.csv');
    await writeFile(file, csvList(HEADER, [...GOOD, BAD]), 'utf8');

    await page.keyboard.press('Alt+4');
    await page.getByTestId('lists-table').waitFor();
    expect(await editionOf(c, APBD.name)).toBe('1');

    await page.getByTestId('list-choose-file').click();
    const path = page.getByTestId('list-file-path-input');
    await path.fill(file);
    await path.press('Enter');
    await page.getByTestId('list-preview').waitFor();
    expect(await page.locator('[data-field="nik"]').inputValue()).toBe('NIK');
    expect(await page.locator('[data-field="name"]').inputValue()).toBe('NAMA');
    expect(await page.getByTestId('list-sample').textContent()).toContain(SITI.name);
    await page.getByTestId('list-name').fill('JAMKESDA KOTA SERANG');
    await page.getByTestId('list-kind').selectOption('jamkesda');
    await page.getByTestId('list-asof').fill('2025-06-05');
    await c.screenshot('lists-a-mapping');
    await page.getByTestId('list-import-run').click();

    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Ditolak1');
    expect(await result.textContent()).toContain('Diimpor2');
    expect(await page.locator('[data-testid="import-rejects"] tbody tr').count()).toBe(1);
    expect(await page.locator('[data-testid="import-rejects"] tbody tr').getAttribute('data-row')).toBe('4');
    expect(await page.getByTestId('import-rejects').textContent()).toContain('Nama kosong');
    await expect.poll(() => editionOf(c, 'JAMKESDA KOTA SERANG')).toBe('1');
    await c.screenshot('lists-b-result');

    await page.getByTestId('rejects-download').click();
    const out = join(dir, 'ditolak.csv');
    await page.getByTestId('rejects-path-input').fill(out);
    await page.getByTestId('rejects-path-input').press('Enter');
    await expect.poll(() => page.getByTestId('rejects-status').textContent()).toContain(out);
    const csv = await readFile(out, 'utf8');
    expect(csv).toMatch(/\b4\b/);
    expect(csv).toContain('Nama kosong');
  });

  it('a file that is not a list shows the message and keeps the list; a second edition can be rolled back', async () => {
    const c = await open([APBD]);
    const { page } = c;
    const dir = await scratch();
    const notAList = join(dir, 'foto.pdf');
    await writeFile(notAList, Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1'));
    await page.keyboard.press('Alt+4');
    await page.getByTestId('list-choose-file').click();
    await page.getByTestId('list-file-path-input').fill(notAList);
    await page.getByTestId('list-file-path-input').press('Enter');
    const alert = page.locator('[data-testid="list-import"] [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Tidak ada yang berubah');
    expect(await page.getByTestId('list-preview').count()).toBe(0);
    expect(await editionOf(c, APBD.name)).toBe('1');
    await c.screenshot('lists-c-not-a-list');

    const second = join(dir, 'apbd-juni.csv');
    await writeFile(second, csvList(HEADER, GOOD), 'utf8');
    await importThroughScreen(c, second, APBD.name, '2025-06-09');
    await expect.poll(() => editionOf(c, APBD.name)).toBe('2');
    const row = page.locator(`[data-testid="list-row"][data-list="${APBD.name}"]`);
    expect(await row.textContent()).toContain('edisi 1');
    await row.locator('[data-action="rollback"]').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    await c.screenshot('lists-d-rollback-confirm');
    await page.keyboard.press('Enter');
    await expect.poll(() => editionOf(c, APBD.name)).toBe('1');
    expect(await page.getByTestId('lists-notice').textContent()).toContain('edisi 1');
    await c.screenshot('lists-e-rolled-back');
  });
});
