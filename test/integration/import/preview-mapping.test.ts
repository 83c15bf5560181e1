/**
 * The preview before an import: a header Loket does not recognize is offered for mapping by
 * hand (and the file then imports with that mapping), and the as-of date is suggested from a
 * title row, from BULAN/TAHUN columns, or from the file name.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { dateInText } from '../../../src/core/lists/as-of';
import { memberAt, type GeneratedMember } from '../../fixtures/generate-members';
import type { ListColumn } from '../../fixtures/list-layouts';
import { writeCsvList, writeXlsxList } from '../../fixtures/write-list-files';
import { useTempDir } from '../../helpers/temp';
import fc from 'fast-check';
import { fileFor } from '../../helpers/files';

const tempDir = useTempDir();
const NOW = new Date('2026-11-23T03:00:00Z');
const SEED = 5;
const member = (rowNo: number): GeneratedMember => memberAt(SEED, rowNo - 1);
const newCore = (dir: string): Core => createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => NOW });
const col = (header: string, kind: ListColumn['kind'], value: ListColumn['value']): ListColumn => ({ header, kind, value });
const dmy = (m: GeneratedMember): string => `${String(m.birthDay).padStart(2, '0')}-${String(m.birthMonth).padStart(2, '0')}-${m.birthYear}`;

/** Headers no synonym knows: a hand-made list from a village office. */
const ODD: readonly ListColumn[] = [
  col('URUT', 'int', (_m, n) => String(n)),
  col('KTP PASIEN', 'nik', (m) => m.nik),
  col('NAMA ORANG', 'text', (m) => m.name),
  col('LAHIR', 'dob', dmy),
  col('KELAMIN ORANG', 'text', (m) => m.sex),
  col('KONDISI', 'text', (_m, n) => (n === 3 ? 'MENINGGAL' : 'AKTIF')),
  col('TEMPAT TINGGAL', 'text', (m) => m.address),
];

describe('a header that is not recognized is mapped by hand', () => {
  it.each(['csv', 'xlsx'] as const)('%s: the preview offers the header row and samples; the import uses the mapping', async (format) => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, `warga.${format}`);
    const titleRows = ['DATA WARGA MISKIN DESA SUKAMAJU'];
    if (format === 'csv') await writeCsvList(path, { count: 8, seed: SEED, layout: ODD, titleRows });
    else await writeXlsxList(path, { count: 8, seed: SEED, layout: ODD, titleRows, dates: 'text' });

    await expect(core.importList({ file: fileFor(core, path), list: 'WARGA', kind: 'other', asOf: '2026-11-01' })).rejects.toMatchObject({ key: 'list-file/no-header' });
    const preview = await core.inspectListFile({ file: fileFor(core, path) });
    // KONDISI holds status words: offered as the status column (found by its values), the rest by hand.
    expect(preview).toMatchObject({ recognized: false, format, headerRow: 2, mapping: { status: 'KONDISI' }, statusColumn: { header: 'KONDISI', foundBy: 'values' } });
    expect(Object.keys(preview.mapping)).toEqual(['status']);
    expect(preview.unplacedIdentifiers).toEqual([{ header: 'KTP PASIEN', looksLike: 'nik' }]);
    expect(preview.headers).toEqual(ODD.map((c) => c.header));
    expect(preview.sample).toHaveLength(5);
    expect(preview.sample[0]?.[1]).toBe(member(1).nik);

    const mapping = { nik: 'KTP PASIEN', name: 'NAMA ORANG', dob: 'LAHIR', sex: 'KELAMIN ORANG', status: 'KONDISI', address: 'TEMPAT TINGGAL' };
    const report = await core.importList({ file: fileFor(core, path), list: 'WARGA', kind: 'other', asOf: '2026-11-01', mapping });
    expect(report.rows).toMatchObject({ read: 8, imported: 8, rejected: 0 });
    expect(report.mapping).toMatchObject(mapping);
    expect(report.statusColumn).toEqual({ header: 'KONDISI', foundBy: 'mapping' });
    const siti = await core.lookup({ query: member(1).nik });
    expect(siti.verdict).toBe('eligible');
    expect(siti.matches[0]).toMatchObject({ name: member(1).name, address: expect.stringContaining(member(1).address) });
    expect((await core.lookup({ query: member(3).nik })).verdict).toBe('not-eligible');
    core.close();
  });

  it('a header naming the name but no NIK is offered too (no-identifier-column)', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'warga.csv');
    await writeCsvList(path, { count: 6, seed: SEED, layout: [col('KTP PASIEN', 'nik', (m) => m.nik), col('NAMA', 'text', (m) => m.name), col('ALAMAT', 'text', (m) => m.address)] });
    const preview = await core.inspectListFile({ file: fileFor(core, path) });
    expect(preview).toMatchObject({ recognized: false, headerRow: 1, headers: ['KTP PASIEN', 'NAMA', 'ALAMAT'] });
    const report = await core.importList({ file: fileFor(core, path), list: 'WARGA', kind: 'other', asOf: '2026-11-01', mapping: { nik: 'KTP PASIEN', name: 'NAMA' } });
    expect(report.rows.imported).toBe(6);
    core.close();
  });

  it('a recognized file says so and shows the status column found by values', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'pbi.csv');
    await writeCsvList(path, { count: 10, seed: SEED, layout: [col('NIK', 'nik', (m) => m.nik), col('NAMA', 'text', (m) => m.name), col('KET', 'text', (_m, n) => (n % 2 ? 'AKTIF' : 'MENINGGAL'))] });
    const preview = await core.inspectListFile({ file: fileFor(core, path) });
    expect(preview).toMatchObject({ recognized: true, statusColumn: { header: 'KET', foundBy: 'values' }, mapping: { nik: 'NIK', name: 'NAMA', status: 'KET' } });
    core.close();
  });
});

describe('the as-of date is suggested from the file', () => {
  const BASIC: readonly ListColumn[] = [col('NIK', 'nik', (m) => m.nik), col('NAMA', 'text', (m) => m.name)];

  it.each([
    ['BULAN : SEPTEMBER 2025', '2025-09-01'],
    ['PERIODE OKTOBER 2025', '2025-10-01'],
    ['Per 1 November 2026', '2026-11-01'],
    ['Posisi data 15-10-2026', '2026-10-15'],
  ])('from a title row "%s" (CSV and XLSX)', async (title, date) => {
    const dir = tempDir();
    const core = newCore(dir);
    const titleRows = ['DAFTAR PESERTA PBI APBD KOTA SERANG TAHUN 2025', title];
    const csv = join(dir, 'daftar.csv');
    const xlsx = join(dir, 'daftar.xlsx');
    await writeCsvList(csv, { count: 3, seed: SEED, layout: BASIC, titleRows });
    await writeXlsxList(xlsx, { count: 3, seed: SEED, layout: BASIC, titleRows, mergeTitle: true });
    for (const path of [csv, xlsx]) expect((await core.inspectListFile({ file: fileFor(core, path) })).asOf).toEqual({ date, source: 'title', text: title });
    core.close();
  });

  it('from BULAN/TAHUN columns (the Dinsos upload shape)', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'upload.xlsx');
    await writeXlsxList(path, { count: 4, seed: SEED, layout: 'dinsos' });
    expect((await core.inspectListFile({ file: fileFor(core, path) })).asOf).toEqual({ date: '2025-03-01', source: 'columns', text: 'BULAN=3, TAHUN=2025' });
    core.close();
  });

  it.each([
    ['pbi-apbd-2025-09.xlsx', '2025-09-01'],
    ['PBI NOVEMBER 2025.csv', '2025-11-01'],
    ['jamkesda_okt_2026.csv', '2026-10-01'],
  ])('from the file name %s', async (name, date) => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, name);
    if (name.endsWith('.csv')) await writeCsvList(path, { count: 3, seed: SEED, layout: BASIC });
    else await writeXlsxList(path, { count: 3, seed: SEED, layout: BASIC });
    expect((await core.inspectListFile({ file: fileFor(core, path) })).asOf).toEqual({ date, source: 'file-name', text: name });
    core.close();
  });

  it('a title row wins over the file name; nothing to go by gives no suggestion', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const titled = join(dir, 'pbi-2025-01.csv');
    await writeCsvList(titled, { count: 3, seed: SEED, layout: BASIC, titleRows: ['BULAN : MARET 2026'] });
    expect((await core.inspectListFile({ file: fileFor(core, titled) })).asOf?.date).toBe('2026-03-01');
    const plain = join(dir, 'daftar.csv');
    await writeCsvList(plain, { count: 3, seed: SEED, layout: BASIC, titleRows: ['DAFTAR PESERTA TAHUN 2025'] });
    expect((await core.inspectListFile({ file: fileFor(core, plain) })).asOf).toBeNull();
    core.close();
  });

  it('the month-and-year reader finds every month written in words, in any case, and never invents a date', () => {
    const names: [string, number][] = [['JANUARI', 1], ['Februari', 2], ['maret', 3], ['APRIL', 4], ['Mei', 5], ['JUNI', 6], ['Juli', 7], ['AGUSTUS', 8], ['September', 9], ['OKTOBER', 10], ['Nopember', 11], ['DESEMBER', 12]];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.integer({ min: 2000, max: 2099 }), fc.constantFrom('BULAN : ', 'PERIODE ', '', 'Data per '), ([word, month], year, prefix) => {
        expect(dateInText(`${prefix}${word} ${year}`)).toBe(`${year}-${String(month).padStart(2, '0')}-01`);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }).filter((s) => !/\d{4}/.test(s)), (text) => {
        expect(dateInText(text)).toBeNull(); // no four-digit year, no date
      }),
    );
  });
});
