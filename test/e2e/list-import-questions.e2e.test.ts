/**
 * Papertester F9 and F10 on screen: a NIK-only list whose NIK column has a header Loket does not
 * know keeps its known columns and status and offers "Pakai sebagai NIK"; a file that is already
 * another list's current edition is asked about (Batal first) before a second list is made. Real
 * core, built renderer, real browser at the clerk's 1024x768; the xlsx written by ExcelJS.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import type { Counter } from './support/counter';
import { BUDI, DEWI, NUR, RIZKY, SITI } from './support/lists';
import { scratch, useCounters } from './support/ui';

const counters = useCounters();
const open = (): Promise<Counter> => counters.open([], { width: 1024, height: 768 });
const PEOPLE = [SITI, BUDI, NUR, DEWI, RIZKY];

async function chooseFile(page: Page, file: string): Promise<void> {
  await page.keyboard.press('Alt+4');
  await page.getByTestId('list-choose-file').click();
  await page.getByTestId('list-file-path-input').fill(file);
  await page.getByTestId('list-file-path-input').press('Enter');
  await page.getByTestId('list-preview').waitFor();
}

/** The Dinsos way: two title rows, NO, a NIK under "NO. IDENTITAS", no card column. */
async function nikOnlyList(): Promise<string> {
  const file = join(await scratch(), 'pbi-serang.xlsx');
  const book = new ExcelJS.Workbook();
  book.addWorksheet('DATA').addRows([
    ['DAFTAR PESERTA PBI APBD KOTA SERANG'],
    ['Per 1 Juni 2025'],
    [],
    ['NO', 'NO. IDENTITAS', 'NAMA', 'TGL_LAHIR', 'STATUS'],
    ...PEOPLE.map((p, i) => [i + 1, p.nik, p.name, '10-01-1980', i === 1 ? 'MENINGGAL' : 'AKTIF']),
  ]);
  await book.xlsx.writeFile(file);
  return file;
}

const listNames = (page: Page) => page.locator('[data-testid="list-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-list')));

describe('list import questions', () => {
  it('a NIK-only list under "NO. IDENTITAS": known columns and status kept, one click maps the NIK', async () => {
    const c = await open();
    const { page } = c;
    await chooseFile(page, await nikOnlyList());
    expect(await page.locator('[data-field="name"]').inputValue()).toBe('NAMA');
    expect(await page.locator('[data-field="dob"]').inputValue()).toBe('TGL_LAHIR');
    expect(await page.locator('[data-field="status"]').inputValue()).toBe('STATUS');
    expect(await page.locator('[data-field="nik"]').inputValue()).toBe('');
    const unplaced = page.getByTestId('list-unplaced');
    expect(await unplaced.textContent()).toContain('NO. IDENTITAS');
    expect(await page.getByTestId('list-preview').textContent()).not.toContain('Tidak ada kolom status');
    await c.screenshot('import-nik-only');
    await unplaced.getByRole('button', { name: 'Pakai sebagai NIK' }).click();
    expect(await page.locator('[data-field="nik"]').inputValue()).toBe('NO. IDENTITAS');

    await page.getByTestId('list-name').fill('PBI APBD Kota Serang');
    await page.getByTestId('list-asof').fill('01-06-2025');
    await page.getByTestId('list-import-run').click();
    await page.getByTestId('import-result').waitFor();
    await page.keyboard.press('F1');
    await page.locator('#lookup-query').fill(BUDI.nik);
    await page.locator('#lookup-query').press('Enter');
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).toBe('not-eligible');
  });

  it('the same file under another list name is asked about, naming the list it already is', async () => {
    const c = await open();
    const { page } = c;
    const file = await nikOnlyList();
    const importAs = async (name: string): Promise<void> => {
      await chooseFile(page, file);
      await page.getByTestId('list-unplaced').getByRole('button').click();
      await page.getByTestId('list-name').fill(name);
      await page.getByTestId('list-asof').fill('01-06-2025');
      await page.getByTestId('list-import-run').click();
    };
    await importAs('PBI APBD Kota Serang');
    await page.getByTestId('import-result').waitFor();

    await importAs('PBI APBD Serang');
    const question = page.getByTestId('confirm-dialog');
    await question.waitFor();
    expect(await question.getAttribute('data-focus')).toBe('cancel');
    const asked = (await question.textContent()) ?? '';
    expect(asked).toContain('PBI APBD Kota Serang');
    expect(asked).toContain('edisi 1');
    await c.screenshot('import-same-file-other-list');
    await page.keyboard.press('Enter');
    await question.waitFor({ state: 'detached' });
    expect(await page.getByTestId('import-result').count()).toBe(0);
    expect(await listNames(page)).toEqual(['PBI APBD Kota Serang']);

    // Confirmed: a second list, as asked.
    await page.getByTestId('list-import-run').click();
    await question.waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByTestId('import-result').waitFor();
    await expect.poll(() => listNames(page)).toHaveLength(2);
  });
});
