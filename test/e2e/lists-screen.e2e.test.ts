import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { maskNik } from '../../src/shared/masking';
import { csvList, type Counter } from './support/counter';
import { APBD, BUDI, DEWI, NUR, RIZKY, SITI } from './support/lists';
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
    await expect.poll(() => editionOf(c, APBD.name)).toBe('1');

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
    // The status names the file; the path stays behind the handle in the core.
    await expect.poll(() => page.getByTestId('rejects-status').textContent()).toContain('disimpan ke ditolak.csv');
    const csv = await readFile(out, 'utf8');
    expect(csv).toMatch(/\b4\b/);
    expect(csv).toContain('Nama kosong');
  });

  it('exports a list\'s members masked by default; whole numbers only when the box is ticked', async () => {
    const c = await open([APBD]);
    const { page } = c;
    const dir = await scratch();
    const file = join(dir, 'jamkesda.csv');
    await writeFile(file, csvList(HEADER, GOOD), 'utf8');
    await page.keyboard.press('Alt+4');
    await importThroughScreen(c, file, 'JAMKESDA', '2025-06-05');

    await page.locator('[data-testid="list-row"][data-list="JAMKESDA"] [data-action="export-members"]').click();
    const panel = page.getByTestId('member-export');
    await panel.waitFor();
    expect(await page.getByTestId('member-export-full').isChecked()).toBe(false);
    await c.screenshot('lists-e-member-export');
    await page.locator('[data-export="members-csv"]').click();
    await page.getByTestId('member-export-path-input').fill(join(dir, 'peserta.csv'));
    await page.getByTestId('member-export-path-input').press('Enter');
    await expect.poll(() => page.getByTestId('member-export-status').textContent()).toContain('2 peserta disimpan ke peserta.csv');
    const masked = await readFile(join(dir, 'peserta.csv'), 'utf8');
    expect(masked).toContain(SITI.name);
    expect(masked).not.toContain(SITI.nik);
    expect(masked).not.toContain(SITI.card);
    expect(masked).toContain(maskNik(SITI.nik));

    await page.getByTestId('member-export-full').check();
    await page.locator('[data-export="members-csv"]').click();
    await page.getByTestId('member-export-path-input').fill(join(dir, 'peserta-lengkap.csv'));
    await page.getByTestId('member-export-path-input').press('Enter');
    await expect.poll(() => page.getByTestId('member-export-status').textContent()).toContain('lengkap');
    expect(await readFile(join(dir, 'peserta-lengkap.csv'), 'utf8')).toContain(SITI.nik);
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
    // The question says the current edition goes for good, and a reflex Enter keeps it (listtester L23).
    expect(await dialog.textContent()).toContain('Edisi 2 (yang sekarang) dihapus dan tidak dapat dikembalikan');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await editionOf(c, APBD.name)).toBe('2');
    await row.locator('[data-action="rollback"]').click();
    await dialog.waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => editionOf(c, APBD.name)).toBe('1');
    await expect.poll(() => page.getByTestId('lists-notice').textContent()).toContain('edisi 1');
    await c.screenshot('lists-e-rolled-back');
  });

  it('a file with headers Loket does not know is mapped by hand with the keyboard; the as-of date comes from its title', async () => {
    const c = await open([]); // SITI is active in APBD: only this file must speak for her
    const { page } = c;
    const dir = await scratch();
    const file = join(dir, 'warga-desa.csv');
    const odd = ['KTP PASIEN', 'NAMA ORANG', 'LAHIR', 'KET', 'TEMPAT TINGGAL'];
    const rows = [
      ['DATA WARGA MISKIN DESA KALIGANDU'],
      ['BULAN : MEI 2025'],
      odd,
      [SITI.nik, SITI.name, '12-03-1985', 'MENINGGAL', 'KALIGANDU'],
      [BUDI.nik, BUDI.name, '02-01-1978', 'AKTIF', 'CIRACAS'],
    ];
    await writeFile(file, rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8');

    await page.keyboard.press('Alt+4');
    await page.getByTestId('list-choose-file').click();
    await page.getByTestId('list-file-path-input').fill(file);
    await page.getByTestId('list-file-path-input').press('Enter');
    const preview = page.getByTestId('list-preview');
    await preview.waitFor();
    expect(await preview.getAttribute('data-recognized')).toBe('false');
    expect(await page.getByTestId('list-unrecognized').textContent()).toContain('tidak dikenali');
    expect(await page.getByTestId('list-asof').inputValue()).toBe('01-05-2025');
    expect(await page.getByTestId('list-asof-source').textContent()).toContain('BULAN : MEI 2025');
    expect(await page.getByTestId('list-status-note').getAttribute('data-status')).toBe('none');
    expect(await page.getByTestId('list-status-note').textContent()).toContain('semua peserta dihitung aktif');
    expect(await page.getByTestId('list-sample').textContent()).toContain(SITI.name);
    await c.screenshot('lists-f-unrecognized');

    await page.getByTestId('list-name').fill('WARGA KALIGANDU');
    await page.getByTestId('list-import-run').click();
    await expect.poll(() => page.locator('[data-testid="list-import"] [role="alert"]').textContent()).toContain('Pilih kolom NIK');

    // Keyboard only: Tab to each select, ArrowDown walks its options (none, then the headers in order).
    const choose = async (field: string, header: string): Promise<void> => {
      const select = page.locator(`[data-field="${field}"]`);
      await select.focus();
      for (let i = 0; i <= odd.indexOf(header); i++) await page.keyboard.press('ArrowDown');
      await expect.poll(() => select.inputValue()).toBe(header);
    };
    await choose('nik', 'KTP PASIEN');
    await choose('name', 'NAMA ORANG');
    await choose('dob', 'LAHIR');
    await choose('status', 'KET');
    await choose('address', 'TEMPAT TINGGAL');
    await expect.poll(() => page.getByTestId('list-status-note').getAttribute('data-status')).toBe('set');
    await expect.poll(() => page.locator('[data-testid="list-import"] [role="alert"]').count()).toBe(0); // the hint follows the form
    await c.screenshot('lists-g-mapped-by-hand');
    await page.getByTestId('list-import-run').focus();
    await page.keyboard.press('Enter');

    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Diimpor2');
    await expect.poll(() => editionOf(c, 'WARGA KALIGANDU')).toBe('1');
    const row = page.locator('[data-testid="list-row"][data-list="WARGA KALIGANDU"]');
    expect(await row.textContent()).toMatch(/01[-/ ]0?5[-/ ]2025|1 Mei 2025/);
    await c.screenshot('lists-h-hand-mapped-result');

    await page.keyboard.press('F1');
    const search = page.locator('#lookup-query');
    await search.fill(SITI.nik);
    await search.press('Enter');
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('not-eligible');
    expect(await verdict.textContent()).toContain('Meninggal');
  });

  it('a status kept under KET is found by its values; the as-of date comes from the file name; the result says what it found', async () => {
    const c = await open([]);
    const { page } = c;
    const dir = await scratch();
    const file = join(dir, 'pbi-apbd-2025-05.csv');
    const people = [SITI, BUDI, NUR, DEWI, RIZKY];
    const rows = people.map((p, i) => [p.nik, p.name, i === 0 ? 'MENINGGAL' : 'AKTIF']);
    await writeFile(file, csvList(['NIK', 'NAMA', 'KET'], [...rows, rows[1]!]), 'utf8'); // BUDI's row twice, word for word

    await page.keyboard.press('Alt+4');
    await page.getByTestId('list-choose-file').click();
    await page.getByTestId('list-file-path-input').fill(file);
    await page.getByTestId('list-file-path-input').press('Enter');
    await page.getByTestId('list-preview').waitFor();
    expect(await page.getByTestId('list-preview').getAttribute('data-recognized')).toBe('true');
    expect(await page.locator('[data-field="status"]').inputValue()).toBe('KET');
    expect(await page.getByTestId('list-status-note').getAttribute('data-status')).toBe('by-values');
    expect(await page.getByTestId('list-asof').inputValue()).toBe('01-05-2025');
    expect(await page.getByTestId('list-asof-source').getAttribute('data-source')).toBe('file-name');
    await c.screenshot('lists-i-status-by-values');

    await page.getByTestId('list-name').fill('PBI APBD MEI');
    await page.getByTestId('list-import-run').click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Diimpor5');
    const notices = page.getByTestId('import-notices');
    await expect.poll(() => notices.locator('[data-notice="status-by-values"]').textContent()).toContain('KET');
    await expect.poll(() => notices.locator('[data-notice="repeated-rows"]').textContent()).toContain('1 baris sama persis');
    await c.screenshot('lists-j-result-notices');

    await page.keyboard.press('F1');
    await page.locator('#lookup-query').fill(SITI.nik);
    await page.locator('#lookup-query').press('Enter');
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).toBe('not-eligible');
  });

  it('asks before an older file replaces a list (Enter cancels), and warns of members on other sheets', async () => {
    const c = await open([APBD]);
    const { page } = c;
    const dir = await scratch();
    const file = join(dir, 'pbi-lama.csv');
    await writeFile(file, csvList(HEADER, GOOD), 'utf8');
    await page.keyboard.press('Alt+4');
    await page.getByTestId('lists-table').waitFor();
    await page.getByTestId('list-choose-file').click();
    await page.getByTestId('list-file-path-input').fill(file);
    await page.getByTestId('list-file-path-input').press('Enter');
    await page.getByTestId('list-preview').waitFor();
    await page.getByTestId('list-name').fill(APBD.name);
    await page.getByTestId('list-asof').fill('01-05-2025'); // older than the current 2025-06-01
    await page.getByTestId('list-import-run').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('(01 Mei 2025) lebih lama daripada daftar yang sekarang (01 Jun 2025)');
    await expect.poll(() => dialog.getAttribute('data-focus')).toBe('cancel');
    await c.screenshot('lists-k-older-asked');
    await page.keyboard.press('Enter'); // a reflex Enter imports nothing
    await dialog.waitFor({ state: 'detached' });
    expect(await editionOf(c, APBD.name)).toBe('1');

    await page.getByTestId('list-import-run').click();
    await dialog.waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const result = page.getByTestId('import-result');
    await result.waitFor();
    await expect.poll(() => page.getByTestId('import-notices').locator('[data-notice="older-as-of"]').textContent()).toContain('lebih lama');
    await expect.poll(() => editionOf(c, APBD.name)).toBe('2');

    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('KEC CIBODAS').addRows([[...HEADER], GOOD[0]!]);
    workbook.addWorksheet('KEC JATIUWUNG').addRows([[...HEADER], GOOD[1]!]);
    const xlsx = join(dir, 'per-kecamatan.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    await page.getByTestId('list-choose-file').click();
    await page.getByTestId('list-file-path-input').fill(xlsx);
    await page.getByTestId('list-file-path-input').press('Enter');
    await expect.poll(() => page.getByTestId('list-other-sheets').textContent()).toContain('KEC JATIUWUNG');
    await expect.poll(() => page.getByTestId('list-preview').textContent()).toContain('lembar "KEC CIBODAS"');
    await c.screenshot('lists-l-other-sheets');
  });

  it('imports with the keyboard alone: Alt+4 opens on "Pilih berkas", a file read goes to its name, Enter there goes to Impor, Enter imports (UI tester 12)', async () => {
    const c = await open([APBD]);
    const { page } = c;
    const dir = await scratch();
    const file = join(dir, 'jamkesda-keyboard.csv');
    await writeFile(file, csvList(HEADER, GOOD), 'utf8');
    const focused = (): Promise<unknown> => page.evaluate('document.activeElement && document.activeElement.getAttribute("data-testid")');

    await page.keyboard.press('Alt+4');
    await page.getByTestId('lists-table').waitFor();
    await expect.poll(focused).toBe('list-choose-file');
    await page.keyboard.press('Enter');
    const path = page.getByTestId('list-file-path-input');
    await path.waitFor(); // the harness's own path field stands in for the desktop app's file dialog
    await expect.poll(focused).toBe('list-file-path-input');
    await page.keyboard.type(file);
    await page.keyboard.press('Enter');
    await page.getByTestId('list-preview').waitFor();
    await expect.poll(focused).toBe('list-name');
    await page.keyboard.type('JAMKESDA KEYBOARD');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('list-import-run');
    expect(await page.getByTestId('import-result').count()).toBe(0); // Enter in the name imported nothing
    await page.keyboard.press('Enter');
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Dilewati (baris judul, kosong, jumlah, tanda tangan)');
    await expect.poll(() => editionOf(c, 'JAMKESDA KEYBOARD')).toBe('1');
  });
});
