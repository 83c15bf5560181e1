/**
 * What the lists screen says before and after an import, where the command line already said it
 * (listtester L9, L12, L19, L4, L25): the very file of the current edition is "already the
 * current list", not a red failure; a future as-of date in the file is not offered; a NIK column
 * under an unknown header and a status column of #N/A are named in the preview; validity dates
 * (TMT/TAT) show at the counter in both languages. Papertester F9-F11: a NIK-only list under
 * "NO. IDENTITAS" keeps its known columns and status; the same file under another list name and a
 * typed date against the file's are asked about (Batal first). Real core, built renderer, real
 * browser at the clerk's 1024x768; xlsx files written by ExcelJS.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { csvList, SCREENSHOT_DIR, type Counter, type ListFile } from './support/counter';
import { BUDI, DEWI, HEADER, NUR, RIZKY, SITI } from './support/lists';
import { scratch, useCounters } from './support/ui';

const counters = useCounters();
const SMALL = { width: 1024, height: 768 };
const open = (lists: ListFile[] = []): Promise<Counter> => counters.open(lists, SMALL);
const PEOPLE = [SITI, BUDI, NUR, DEWI, RIZKY];

async function chooseFile(page: Page, file: string): Promise<void> {
  await page.keyboard.press('Alt+4');
  await page.getByTestId('list-choose-file').click();
  await page.getByTestId('list-file-path-input').fill(file);
  await page.getByTestId('list-file-path-input').press('Enter');
  await page.getByTestId('list-preview').waitFor();
}

/** The counter's verdict for a NIK (F1, the lookup), as it settles. */
async function verdictOf(page: Page, nik: string): Promise<string | null> {
  if (!(await page.locator('#lookup-query').isVisible())) await page.keyboard.press('F1');
  if ((await page.locator('#lookup-query').inputValue()) !== nik) {
    await page.locator('#lookup-query').fill(nik);
    await page.locator('#lookup-query').press('Enter');
  }
  return page.getByTestId('verdict').getAttribute('data-verdict');
}

const editionOf = (c: Counter, list: string) => c.page.locator(`[data-testid="list-row"][data-list="${list}"]`).getAttribute('data-edition');
const alerts = (page: Page) => page.locator('[data-testid="list-import"] [role="alert"]');

/**
 * Whether the element shows whole in the window, between the sticky header and the status bar:
 * Impor is pressed at the bottom of a long preview, and its outcome must come into view.
 * A string: the test code is compiled without the DOM library.
 */
const inView = (page: Page, testId: string): Promise<boolean> =>
  page.evaluate(`(() => {
    const box = document.querySelector('[data-testid="${testId}"]').getBoundingClientRect();
    const top = document.querySelector('.app-header-wrap').getBoundingClientRect().bottom;
    const bottom = document.querySelector('.status-bar').getBoundingClientRect().top;
    return box.top >= top && box.bottom <= bottom;
  })()`);

describe('the list import on screen', () => {
  it('the file of the current edition again says it is already the current list, in words, and changes nothing', async () => {
    const c = await open();
    const { page } = c;
    const file = join(await scratch(), 'pbi-juni.csv');
    await writeFile(file, csvList(HEADER, PEOPLE.map((p) => [p.nik, p.card, p.name, '', '', 'AKTIF', 'SERANG'])), 'utf8');
    for (const round of [1, 2]) {
      await chooseFile(page, file);
      await page.getByTestId('list-name').fill('PBI JUNI');
      await page.getByTestId('list-asof').fill('01-06-2025');
      await page.getByTestId('list-import-run').click();
      if (round === 1) {
        await page.getByTestId('import-result').waitFor();
        await expect.poll(() => inView(page, 'import-result')).toBe(true);
      }
    }
    const same = page.getByTestId('list-import-same');
    await same.waitFor();
    await expect.poll(() => inView(page, 'list-import-same')).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'import-same-file-window.png') });
    const text = (await same.textContent()) ?? '';
    expect(text).toContain('sudah menjadi daftar yang sekarang');
    expect(text).toContain('edisi 1');
    expect(text).toContain('01 Jun 2025');
    expect(text).toContain('10 Jun 2025');
    expect(text).toContain('Tidak ada yang diubah');
    expect(text).not.toContain('gagal');
    expect(await alerts(page).count()).toBe(0);
    expect(await editionOf(c, 'PBI JUNI')).toBe('1');
    await c.screenshot('import-same-file');
  });

  it('a file dated after today does not fill the as-of date: it says why, and the date typed by hand imports', async () => {
    const c = await open();
    const { page } = c;
    const file = join(await scratch(), 'pbi-juli.csv');
    const rows = [['DATA PBI APBD'], ['BULAN : JULI 2025'], [...HEADER], ...PEOPLE.map((p) => [p.nik, p.card, p.name, '', '', 'AKTIF', 'SERANG'])];
    await writeFile(file, rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8');
    await chooseFile(page, file);
    expect(await page.getByTestId('list-asof').inputValue()).toBe('');
    const ahead = page.getByTestId('list-asof-ahead');
    expect(await ahead.textContent()).toContain('01 Jul 2025');
    expect(await ahead.textContent()).toContain('BULAN : JULI 2025');
    expect(await ahead.textContent()).toContain('belum berlaku');
    await c.screenshot('import-asof-ahead');

    await page.getByTestId('list-name').fill('PBI JULI');
    // A future date typed by hand is stopped on screen, with the date that would be accepted.
    await page.getByTestId('list-asof').fill('01-07-2025');
    await page.getByTestId('list-import-run').click();
    await expect.poll(() => alerts(page).textContent()).toContain('sesudah hari ini');
    expect(await page.getByTestId('import-result').count()).toBe(0);

    await page.getByTestId('list-asof').fill('10-06-2025');
    await expect.poll(() => alerts(page).count()).toBe(0);
    await page.getByTestId('list-import-run').click();
    // The typed date against the file's own: asked once, naming both, Batal first (papertester F11).
    const question = page.getByTestId('confirm-dialog');
    await question.waitFor();
    expect(await question.getAttribute('data-focus')).toBe('cancel');
    const asked = (await question.textContent()) ?? '';
    expect(asked).toContain('01 Jul 2025');
    expect(asked).toContain('10 Jun 2025');
    await c.screenshot('import-asof-typed-question');
    await page.keyboard.press('Enter');
    await question.waitFor({ state: 'detached' });
    expect(await page.getByTestId('import-result').count()).toBe(0);
    await page.getByTestId('list-import-run').click();
    await question.waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByTestId('import-result').waitFor();
    await expect.poll(() => editionOf(c, 'PBI JULI')).toBe('1');
    // The typed date is the one used.
    expect(await page.locator('[data-testid="list-row"][data-list="PBI JULI"]').textContent()).toContain('10 Jun 2025');
    // The refusal note is gone once the import is done: it no longer stands above the result.
    expect(await ahead.count()).toBe(0);
    await c.screenshot('import-asof-typed-done');
  });

  it('a NIK column under an unknown header is named before the import, and one click maps it', async () => {
    const c = await open();
    const { page } = c;
    const file = join(await scratch(), 'pbi-identitas.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('DATA').addRows([['NO. IDENTITAS WARGA', 'NOKA', 'NAMA', 'STATUS'], ...PEOPLE.map((p) => [p.nik, p.card, p.name, 'AKTIF'])]);
    await book.xlsx.writeFile(file);
    await chooseFile(page, file);
    expect(await page.locator('[data-field="nik"]').inputValue()).toBe('');
    const unplaced = page.getByTestId('list-unplaced');
    expect(await unplaced.textContent()).toContain('NO. IDENTITAS WARGA');
    expect(await unplaced.textContent()).toContain('NIK');
    await c.screenshot('import-unplaced-nik');
    await unplaced.getByRole('button').click();
    expect(await page.locator('[data-field="nik"]').inputValue()).toBe('NO. IDENTITAS WARGA');
    expect(await unplaced.count()).toBe(0);

    await page.getByTestId('list-name').fill('PBI IDENTITAS');
    await page.getByTestId('list-asof').fill('01-06-2025');
    await page.getByTestId('list-import-run').click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-result').locator('[data-notice="unplaced-identifier"]').count()).toBe(0);
    await expect.poll(() => verdictOf(page, SITI.nik)).toBe('eligible');
  });

  it('a status column of #N/A (a failed VLOOKUP) is named in the preview, before anything is imported', async () => {
    const c = await open();
    const { page } = c;
    const file = join(await scratch(), 'pbi-vlookup.csv');
    await writeFile(file, csvList(HEADER, PEOPLE.map((p, i) => [p.nik, p.card, p.name, '', '', i === 0 ? 'AKTIF' : '#N/A', 'SERANG'])), 'utf8');
    await chooseFile(page, file);
    const note = page.getByTestId('list-status-unknown');
    const text = (await note.textContent()) ?? '';
    expect(text).toContain('4 dari 5');
    expect(text).toContain('"#N/A" (4)');
    expect(text).toContain('galat rumus');
    expect(await note.getAttribute('data-errors')).toBe('most');
    await c.screenshot('import-status-na');
  });
});

/** Validity of a BPJS extract row: ended before today (2025-06-10), or not begun yet. */
const EXTRACT: ListFile = {
  name: 'BPJS EKSTRAK',
  kind: 'bpjs',
  asOf: '2025-06-01',
  csv: csvList(['PSNOKA', 'NAMA', 'NIK', 'KDSTATUSPST', 'TMT', 'TAT'], [
    [BUDI.card, BUDI.name, BUDI.nik, '0', '2020-01-01', '2025-03-31'],
    [NUR.card, NUR.name, NUR.nik, '0', '2025-07-01', '2026-06-30'],
  ]),
};

describe('validity dates at the counter', () => {
  it('an ended or not yet begun validity is a red verdict with its date, in the badge and the line of the match, in Indonesian and English', async () => {
    const c = await open([EXTRACT]);
    const { page } = c;
    const lookUp = async (nik: string): Promise<void> => {
      await page.locator('#lookup-query').fill(nik);
      await page.locator('#lookup-query').press('Enter');
      await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).toBe('not-eligible');
    };
    const reason = () => page.getByTestId('verdict-reason').textContent();
    const status = () => page.locator('.match__status').first().textContent();

    await lookUp(BUDI.nik);
    await expect.poll(reason).toBe('Masa berlaku berakhir 31-03-2025');
    expect(await status()).toBe('Tidak aktifMasa berlaku berakhir 31-03-2025');
    await c.screenshot('validity-ended-id');
    await lookUp(NUR.nik);
    await expect.poll(reason).toBe('Belum berlaku (mulai 01-07-2025)');
    expect(await status()).toContain('Belum berlaku (mulai 01-07-2025)');

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(reason).toBe('Not yet covered (starts 01-07-2025)');
    expect(await status()).toContain('Not yet covered (starts 01-07-2025)');
    await lookUp(BUDI.nik);
    await expect.poll(reason).toBe('Coverage ended 31-03-2025');
    expect(await status()).toContain('Coverage ended 31-03-2025');
    await c.screenshot('validity-ended-en');
  });
});

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

describe('papertester F9, F10: a NIK-only list, the same file under another name', () => {
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
    await expect.poll(() => verdictOf(page, BUDI.nik)).toBe('not-eligible');
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
