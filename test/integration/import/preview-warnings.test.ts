/**
 * What the preview says before an import that the import's report would say only afterwards
 * (listtester L4, L19, L12): a status column of spreadsheet errors (#N/A of a failed VLOOKUP,
 * cached in real formula cells), a NIK column under a header Loket does not know, and the latest
 * as-of date the import accepts, which decides exactly what the import refuses.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { memberAt } from '../../fixtures/generate-members';
import { fileFor } from '../../helpers/files';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
/** 23:00 on 30 November in Jakarta (WIB): already 1 December in Jayapura (WIT). */
const NOW = new Date('2026-11-30T16:00:00Z');
const newCore = (dir: string): Core => createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => NOW });
const people = Array.from({ length: 8 }, (_, i) => memberAt(11, i));

/** A workbook as a Dinas office makes it: a title, a NIK under its own header, the status by VLOOKUP. */
async function workbook(path: string, title: string, status: (i: number) => ExcelJS.CellValue): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('DATA');
  sheet.addRow([title]);
  sheet.addRow(['NO. IDENTITAS WARGA', 'NO KARTU', 'NAMA', 'STATUS']);
  people.forEach((m, i) => sheet.addRow([m.nik, m.card, m.name, status(i)]));
  await book.xlsx.writeFile(path);
}

const vlookup = (i: number): ExcelJS.CellValue => ({ formula: `VLOOKUP(A${i + 3},REKAP!A:B,2,0)`, result: { error: '#N/A' } });

describe('the preview warns before the import', () => {
  it('a status column of #N/A formula results and an unplaced NIK column are named, with counts', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'pbi.xlsx');
    await workbook(path, 'BULAN : NOVEMBER 2026', (i) => (i === 0 ? 'AKTIF' : vlookup(i)));
    const preview = await core.inspectListFile({ file: fileFor(core, path) });
    expect(preview.mapping).toMatchObject({ card: 'NO KARTU', name: 'NAMA', status: 'STATUS' });
    expect(preview.mapping.nik).toBeUndefined();
    expect(preview.unplacedIdentifiers).toEqual([{ header: 'NO. IDENTITAS WARGA', looksLike: 'nik' }]);
    expect(preview.statusCheck).toEqual({ header: 'STATUS', rows: 8, unknown: 7, errors: 7, values: '"#N/A" (7)' });

    // Mapped as the officer would on screen: the NIK column is no longer unplaced.
    const mapped = await core.inspectListFile({ file: fileFor(core, path), mapping: { nik: 'NO. IDENTITAS WARGA' } });
    expect(mapped.unplacedIdentifiers).toBeUndefined();
  });

  it('a file whose statuses are all known says nothing about them', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'pbi.xlsx');
    await workbook(path, 'BULAN : NOVEMBER 2026', (i) => (i % 2 === 0 ? 'AKTIF' : 'NON AKTIF'));
    expect((await core.inspectListFile({ file: fileFor(core, path) })).statusCheck).toBeUndefined();
  });

  it('the latest as-of date offered is the one the import accepts: today in WIT; a later one is refused', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const december = join(dir, 'desember.xlsx');
    await workbook(december, 'BULAN : DESEMBER 2026', () => 'AKTIF');
    const decPreview = await core.inspectListFile({ file: fileFor(core, december) });
    expect(decPreview.asOfLimit).toBe('2026-12-01');
    expect(decPreview.asOf?.date).toBe('2026-12-01'); // not ahead: imported as suggested
    await expect(core.importList({ file: fileFor(core, december), list: 'PBI', kind: 'pbi-apbd', asOf: decPreview.asOf!.date })).resolves.toMatchObject({ edition: 1 });

    const january = join(dir, 'januari.xlsx');
    await workbook(january, 'BULAN : JANUARI 2027', () => 'AKTIF');
    const janPreview = await core.inspectListFile({ file: fileFor(core, january) });
    expect(janPreview.asOf!.date > janPreview.asOfLimit).toBe(true);
    await expect(core.importList({ file: fileFor(core, january), list: 'PBI', kind: 'pbi-apbd', asOf: janPreview.asOf!.date })).rejects.toMatchObject({ key: 'import/as-of-future' });
  });
});
