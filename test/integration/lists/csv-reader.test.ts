import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dobText, memberAt } from '../../fixtures/generate-members';
import { encodeWindows1252, writeCsvList, writeCsvRows, type CsvEncoding, type CsvSeparator } from '../../fixtures/write-list-files';
import { openListFile } from '../../../src/core/lists/list-reader';
import { readAllRows, useTempDir } from './temp-dir';
import { RowValidator } from '../../../src/core/lists/row-validator';
import { unpackDetail } from '../../../src/core/lists/member-table';

const file = useTempDir();

describe('CSV lists', () => {
  it('reads a DTKS extract (";", noka_bpjs and psnoka_bpjs) with true row numbers', async () => {
    const written = await writeCsvList(file('dtks.csv'), { count: 250, layout: 'dtks', separator: ';', seed: 7 });
    const { reader, rows } = await readAllRows(written.path);
    expect(reader.info).toMatchObject({ format: 'csv', encoding: 'utf-8', separator: ';', headerRow: 1 });
    expect(reader.info.headers).toEqual(written.headers);
    expect(reader.info.mapping.card).toBe(written.headers.indexOf('psnoka_bpjs'));
    expect(reader.info.mapping.nik).toBe(written.headers.indexOf('nik'));
    expect(rows).toHaveLength(250);
    rows.forEach((r, i) => {
      const m = memberAt(7, i);
      expect(r.row).toBe(i + 2);
      expect(r.cells[reader.info.mapping.nik ?? -1]).toBe(m.nik);
      expect(r.cells[reader.info.mapping.card ?? -1]).toBe(m.card);
      expect(r.cells[reader.info.mapping.name ?? -1]).toBe(m.name);
      expect(r.cells[reader.info.mapping.dob ?? -1]).toBe(dobText(m, 'yyyy-mm-dd'));
    });
  });

  it('reads the Dinsos upload and the BPJS extract shapes', async () => {
    const dinsos = await readAllRows((await writeCsvList(file('dinsos.csv'), { count: 20, layout: 'dinsos' })).path);
    expect(dinsos.reader.info.mapping).toEqual({ card: 0, nik: 1, name: 2, segment: 3 });
    expect(dinsos.rows[0]?.cells).toEqual([memberAt(1, 0).card, memberAt(1, 0).nik, memberAt(1, 0).name, 'PBI APBD', '3', '2025']);

    const bpjs = await readAllRows((await writeCsvList(file('bpjs.csv'), { count: 20, layout: 'bpjs' })).path);
    expect(bpjs.reader.info.mapping).toEqual({ card: 0, name: 1, sex: 2, dob: 3, nik: 4, status: 6, validFrom: 7, validUntil: 8 });
  });

  it.each<CsvSeparator>([',', ';', '\t', '|'])('detects the separator %j', async (separator) => {
    const written = await writeCsvList(file(`sep-${separator.charCodeAt(0)}.csv`), { count: 30, layout: 'handmade', separator });
    const { reader, rows } = await readAllRows(written.path);
    expect(reader.info.separator).toBe(separator);
    expect(rows[29]?.cells[1]).toBe(memberAt(1, 29).nik);
    expect(rows[29]?.cells).toHaveLength(written.headers.length);
  });

  it.each<[CsvEncoding, string]>([
    ['utf-8', 'utf-8'],
    ['utf-8-bom', 'utf-8-bom'],
    ['windows-1252', 'windows-1252'],
  ])('reads %s text back exactly', async (encoding, expected) => {
    const names = ['JOSÉ MUÑOZ', 'SITI Ã‘OÑA', 'ANDRÉ “AL” NOOR', 'FRANÇOIS – €5'];
    const path = file(`enc-${encoding}.csv`);
    await writeCsvList(path, { count: 4, layout: 'dinsos', encoding, mapRow: (cells, n) => { cells[2] = names[n - 1] ?? ''; return cells; } });
    const { reader, rows } = await readAllRows(path);
    expect(reader.info.encoding).toBe(expected);
    expect(reader.info.headers[0]).toBe('PSNOKA'); // no BOM left on the first header
    expect(rows.map((r) => r.cells[2])).toEqual(names);
  });

  it('switches to Windows-1252 when the first 64 KB are ASCII and a later byte is not UTF-8', async () => {
    const path = file('late-1252.csv');
    await writeCsvList(path, {
      // Far enough below the header that the read-ahead for a status column (2,000 rows) does not reach it.
      count: 5000, layout: 'dtks', separator: ';', encoding: 'windows-1252',
      mapRow: (cells, n) => { if (n === 4900) cells[11] = 'JOSÉ'; return cells; },
    });
    const reader = await openListFile(path);
    expect(reader.info.encoding).toBe('utf-8');
    const rows = [];
    for await (const b of reader.batches()) rows.push(...b);
    expect(reader.info.encoding).toBe('windows-1252');
    expect(rows[4899]?.cells[11]).toBe('JOSÉ');
  });

  it('finds the header below title rows and keeps title rows out of the data', async () => {
    const written = await writeCsvList(file('titles.csv'), {
      count: 10, separator: ';', titleRows: ['DAFTAR PESERTA PBI APBD KOTA SERANG', 'BULAN: MARET 2025'], blankRowAfterTitle: true,
    });
    const { reader, rows } = await readAllRows(written.path);
    expect(reader.info.headerRow).toBe(4);
    expect(rows[0]?.row).toBe(5);
    expect(rows[0]?.cells[1]).toBe(memberAt(1, 0).nik);
    expect(rows).toHaveLength(10);
  });

  it('matches header synonyms as people type them', async () => {
    const written = await writeCsvList(file('synonyms.csv'), { count: 3, layout: 'handmade-synonyms' });
    const { reader, rows } = await readAllRows(written.path);
    expect(reader.info.headers[1]).toBe('No_KTP ');
    expect(reader.info.mapping).toMatchObject({ rowNo: 0, nik: 1, card: 2, name: 3, sex: 4, birthPlace: 5, dob: 6, village: 10, district: 11, city: 12, status: 13 });
    expect(rows[2]?.cells[6]).toBe(dobText(memberAt(1, 2), 'dd/mm/yyyy'));
  });

  it('drops the "(1) (2) (3)" column-numbering row under the header', async () => {
    const path = file('numbering.csv');
    await writeCsvRows(path, [['NO', 'NIK', 'NAMA', 'ALAMAT'], ['(1)', '(2)', '(3)', '(4)'], ['1', '3673014101350001', 'SITI', 'JL. A']]);
    const { reader, rows } = await readAllRows(path);
    expect(reader.info.headerRow).toBe(1);
    expect(rows).toEqual([{ row: 3, cells: ['1', '3673014101350001', 'SITI', 'JL. A'], plainText: true }]);
  });

  it('applies overrides by header text', async () => {
    const path = file('overrides.csv');
    await writeCsvRows(path, [['NIK', 'NIK_BARU', 'NAMA', 'NOMOR JKN'], ['1', '3673014101350001', 'SITI', '0001234567890']]);
    const { reader, rows } = await readAllRows(path, { overrides: { nik: 'Nik Baru', card: 'nomor_jkn' } });
    expect(reader.info.mapping).toEqual({ nik: 1, name: 2, card: 3 });
    expect(rows[0]?.cells[1]).toBe('3673014101350001');
  });

  it('keeps separators, quotes and line breaks inside quoted fields; row = record number', async () => {
    const path = file('quoted.csv');
    await writeCsvRows(path, [
      ['NIK', 'NAMA', 'ALAMAT'],
      ['3673014101350001', 'SITI "ENENG" AMINAH', 'JL. RAYA, NO. 5'],
      ['3673014101350002', 'AHMAD', 'KP. BARU\r\nRT 01/02'],
      ['3673014101350003', 'BUDI ', '\u00a0DUSUN I\u00a0'],
    ]);
    const { rows } = await readAllRows(path);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(rows[0]?.cells).toEqual(['3673014101350001', 'SITI "ENENG" AMINAH', 'JL. RAYA, NO. 5']);
    expect(rows[1]?.cells[2]).toBe('KP. BARU\r\nRT 01/02');
    expect(rows[2]?.cells).toEqual(['3673014101350003', 'BUDI ', '\u00a0DUSUN I\u00a0']); // raw: the validator trims
  });

  it('vouches only for text without a no-break space: those rows are trimmed and spaced cell by cell, the others as they are', async () => {
    const path = file('nbsp.csv');
    await writeCsvRows(path, [
      ['NIK', 'NAMA', 'ALAMAT'],
      ['3673014101350001', 'SITI\u00a0AMINAH', '\u00a0DUSUN I\u00a0'],
    ]);
    const plain = file('plain.csv');
    await writeCsvRows(plain, [
      ['NIK', 'NAMA', 'ALAMAT'],
      ['3673014101350001', ' SITI AMINAH ', ' DUSUN I '],
    ]);
    const withNbsp = await readAllRows(path);
    const without = await readAllRows(plain);
    expect(withNbsp.rows[0]?.plainText).toBeUndefined();
    expect(without.rows[0]?.plainText).toBe(true);
    for (const { reader, rows } of [withNbsp, without]) {
      const outcome = new RowValidator(reader.info.mapping, '2026-11-29', 'words', 3).validate(rows[0]!);
      if (outcome.kind !== 'member') throw new Error(outcome.kind);
      expect(outcome.member[4]).toBe('SITI AMINAH');
      expect(unpackDetail(outcome.member[5]).address).toBe('DUSUN I');
    }
  });

  it('tolerates stray quotes, ragged rows, empty lines and CR-only line ends', async () => {
    const path = file('ragged.csv');
    await writeFile(path, 'NIK;NAMA;ALAMAT\r\n3673014101350001;AHMAD "ACONG";\r\n\r\n;;\r\n3673014101350002;BUDI\r\n3673014101350003;CICI;JL. A;EXTRA');
    const { rows } = await readAllRows(path);
    expect(rows).toEqual([
      { row: 2, cells: ['3673014101350001', 'AHMAD "ACONG"', ''], plainText: true },
      { row: 5, cells: ['3673014101350002', 'BUDI'], plainText: true },
      { row: 6, cells: ['3673014101350003', 'CICI', 'JL. A', 'EXTRA'], plainText: true },
    ]);
    const mac = file('mac.csv');
    await writeFile(mac, 'NIK,NAMA\r3673014101350001,AHMAD\r3673014101350002,BUDI\r');
    expect((await readAllRows(mac)).rows.map((r) => r.cells[1])).toEqual(['AHMAD', 'BUDI']);
  });

  it('honours Excel\'s "sep=" hint line', async () => {
    const path = file('sep-hint.csv');
    await writeFile(path, 'sep=|\r\nNIK|NAMA, GELAR|ALAMAT\r\n3673014101350001|SITI, S.PD|JL. A, B\r\n');
    const { reader, rows } = await readAllRows(path);
    expect(reader.info).toMatchObject({ separator: '|', headerRow: 2 });
    expect(rows).toEqual([{ row: 3, cells: ['3673014101350001', 'SITI, S.PD', 'JL. A, B'], plainText: true }]);
  });

  it('reads a CSV saved with an .xlsx extension', async () => {
    const written = await writeCsvList(file('really-csv.xlsx'), { count: 5, layout: 'dinsos' });
    const { reader, rows } = await readAllRows(written.path);
    expect(reader.info.format).toBe('csv');
    expect(rows).toHaveLength(5);
  });

  it('reports size and the SHA-256 of the whole file', async () => {
    const written = await writeCsvList(file('hash.csv'), { count: 3000, layout: 'bpjs' });
    const bytes = await readFile(written.path);
    const reader = await openListFile(written.path);
    expect(reader.info.sizeBytes).toBe(bytes.length);
    expect(reader.info.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    await reader.close();
  });

  it('writes Windows-1252 the way Excel does (fixture sanity)', () => {
    expect([...encodeWindows1252('é€“Ã')]).toEqual([0xe9, 0x80, 0x93, 0xc3]);
  });
});
