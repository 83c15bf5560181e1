/**
 * Columns and headers of hand-made lists (listtester L19, L17, L15, L20, L7, L24): real CSV files
 * and XLSX workbooks written by exceljs (merged cells are real merges in the file), imported into
 * a real SQLite database, then looked up as the counter does.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { toErrorPayload } from '../../../src/core/errors';
import { formatCoreMessage } from '../../../src/shared/i18n/messages';
import { noticeMessage } from '../../../src/shared/lists';
import { fileFor } from '../../helpers/files';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const NOW = new Date('2026-11-23T03:00:00Z');

function newCore(dir: string): Core {
  return createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => NOW });
}
const importFile = (core: Core, path: string, mapping?: Record<string, string>) =>
  core.importList({ file: fileFor(core, path), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01', ...(mapping ? { mapping } : {}) });
const first = async (core: Core, nik: string) => (await core.lookup({ query: nik })).matches[0];

function csv(dir: string, name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return path;
}

/** The words of an error the import refused the file with, in Indonesian. */
async function refusal(promise: Promise<unknown>): Promise<{ code: string; params: Record<string, unknown>; words: string }> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).not.toBeNull();
  const payload = toErrorPayload(error);
  return { code: payload.key, params: payload.params ?? {}, words: formatCoreMessage('id', { code: payload.key, params: payload.params ?? {} }) };
}

describe('L19: a NIK column under a slashed header', () => {
  it.each(['NO. KTP/NIK', 'NIK/NO KTP', 'NIK / NO. KTP'])('"%s" beside a card column: members are found by NIK', async (header) => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = csv(dir, 'nik-slash.csv', [`${header};NAMA;NO. KARTU BPJS;STATUS`, '3671011201802203;WARGA KK3;0005555555503;NON AKTIF']);
    const report = await importFile(core, path);
    expect(report.mapping.nik).toBe(header);
    const found = await core.lookup({ query: '3671011201802203' });
    expect(found.matches[0]?.name).toBe('WARGA KK3');
    expect(found.verdict).toBe('not-eligible');
    core.close();
  });

  it('a column of NIKs under a header Loket does not know is named in the report, with the mapping to use', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = csv(dir, 'unknown-nik.csv', [
      'NO. IDENTITAS;NAMA;NO. KARTU BPJS;STATUS',
      '3671011201802203;WARGA SATU;0005555555503;AKTIF',
      '3671011201802204;WARGA DUA;0005555555504;AKTIF',
    ]);
    const report = await importFile(core, path);
    const notice = report.notices.find((n) => n.code === 'unplaced-identifier');
    expect(notice?.params).toMatchObject({ header: 'NO. IDENTITAS', field: 'nik' });
    expect(formatCoreMessage('id', noticeMessage(notice!))).toContain('--map nik="NO. IDENTITAS"');
    core.close();
  });
});

/** A workbook whose first sheet holds `rows`; `edit` adds merges and cell types. */
async function workbook(path: string, rows: readonly (readonly ExcelJS.CellValue[])[], edit?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DATA');
  for (const row of rows) ws.addRow([...row]);
  edit?.(ws);
  await wb.xlsx.writeFile(path);
  return path;
}

describe('L17: small numbers in a birth-date column are not Excel dates', () => {
  it('a birth year, an age and a day number are reported, not stored as 1900-1905; a real date cell stays', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = await workbook(join(dir, 'year-only.xlsx'), [
      ['NIK', 'NAMA', 'TGL LAHIR', 'STATUS'],
      ['3671010107502801', 'NENEK SATU', 1950, 'AKTIF'],
      ['3671010107402802', 'KAKEK DUA', 86, 'AKTIF'],
      ['3671011503852803', 'WARGA TIGA', 15, 'AKTIF'],
      ['3671011201802804', 'WARGA EMPAT', new Date(Date.UTC(1980, 0, 12)), 'AKTIF'],
    ], (ws) => { ws.getCell('C5').numFmt = 'dd/mm/yyyy'; });
    const report = await importFile(core, path);
    expect(report.rows.imported).toBe(4);
    expect((await first(core, '3671010107502801'))?.dob).toBeNull();
    expect((await first(core, '3671010107402802'))?.dob).toBeNull();
    expect((await first(core, '3671011503852803'))?.dob).toBeNull();
    expect((await first(core, '3671011201802804'))?.dob).toBe('1980-01-12');
    expect(report.warnings.map((w) => [w.row, w.code])).toEqual([
      [2, 'row/dob-year-only'],
      [3, 'row/dob-not-a-date'],
      [4, 'row/dob-not-a-date'],
    ]);
    core.close();
  });

  it('a date cell before 1906 (a serial misread, a placeholder) is reported, not stored', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = await workbook(join(dir, 'old.xlsx'), [
      ['NIK', 'NAMA', 'TGL LAHIR', 'STATUS'],
      ['3671011201802804', 'WARGA EMPAT', new Date(Date.UTC(1900, 0, 15)), 'AKTIF'],
    ], (ws) => { ws.getCell('C2').numFmt = 'dd/mm/yyyy'; });
    const report = await importFile(core, path);
    expect((await first(core, '3671011201802804'))?.dob).toBeNull();
    expect(report.warnings.map((w) => w.code)).toEqual(['row/dob-implausible']);
    core.close();
  });

  it('TANGGAL LAHIR merged over TGL | BLN | THN: the three are one birth date, and the name + birth-date search finds the member', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = await workbook(join(dir, 'split-dob.xlsx'), [
      ['DAFTAR PESERTA PBI'],
      ['NO', 'NIK', 'NAMA', 'TANGGAL LAHIR', null, null, 'JK', 'STATUS'],
      [null, null, null, 'TGL', 'BLN', 'THN', null, null],
      [1, '3671011201801901', 'WARGA PISAH SATU', 12, 1, 1980, 'L', 'AKTIF'],
      [2, '3671015503851902', 'WARGA PISAH DUA', 15, 3, 1985, 'P', 'AKTIF'],
    ], (ws) => { ws.mergeCells('D2:F2'); });
    const report = await importFile(core, path);
    expect(report.rows).toMatchObject({ read: 2, imported: 2, rejected: 0, warnings: 0 });
    expect((await first(core, '3671015503851902'))?.dob).toBe('1985-03-15');
    expect((await first(core, '3671011201801901'))?.dob).toBe('1980-01-12');
    const byName = await core.lookup({ query: 'WARGA PISAH DUA', dob: '1985-03-15' });
    expect(byName.matches[0]?.confidence).not.toBe('weak');
    core.close();
  });

  it('TGL LAHIR | BLN | THN side by side in a CSV header: one birth date', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = csv(dir, 'split.csv', ['NIK;NAMA;TGL LAHIR;BLN;THN;STATUS', '3671015503851902;WARGA PISAH DUA;15;MARET;1985;AKTIF']);
    const report = await importFile(core, path);
    expect(report.rows.warnings).toBe(0);
    expect((await first(core, '3671015503851902'))?.dob).toBe('1985-03-15');
    core.close();
  });

  it('BULAN | TAHUN of the list period beside a full birth date: the birth date stays', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = csv(dir, 'period.csv', ['NIK;NAMA;TGL LAHIR;BULAN;TAHUN;STATUS', '3671015503851902;WARGA DUA;15-03-1985;NOVEMBER;2026;AKTIF']);
    await importFile(core, path);
    expect((await first(core, '3671015503851902'))?.dob).toBe('1985-03-15');
    core.close();
  });
});

describe('L15: a merged cell applies to every row it covers', () => {
  it('status, address and KK merged down over a family: the whole family is not active and has the address', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = await workbook(join(dir, 'merged-family.xlsx'), [
      ['NO', 'NO KK', 'NIK', 'NAMA', 'TGL LAHIR', 'STATUS', 'ALAMAT'],
      [1, '3671010101010001', '3671011201801601', 'KEPALA SATU', '12-01-1980', 'NON AKTIF', 'JL. MERGE 1'],
      [2, null, '3671015502051602', 'ANAK SATU', '15-02-2005', null, null],
      [3, null, '3671014303821603', 'ISTRI SATU', '03-03-1982', null, null],
      [4, '3671010101010002', '3671011201801604', 'KEPALA DUA', '12-01-1980', 'AKTIF', 'JL. MERGE 2'],
      [5, null, '3671015502051605', 'ANAK DUA', '15-02-2005', null, null],
    ], (ws) => {
      ws.mergeCells('B2:B4');
      ws.mergeCells('F2:F4');
      ws.mergeCells('G2:G4');
    });
    const report = await importFile(core, path);
    expect(report.rows).toMatchObject({ imported: 5, rejected: 0 });
    for (const nik of ['3671011201801601', '3671015502051602', '3671014303821603']) {
      expect((await core.lookup({ query: nik })).verdict, nik).toBe('not-eligible');
      expect((await first(core, nik))?.address, nik).toBe('JL. MERGE 1');
    }
    // Past the merge: the next family keeps its own status, and an unmerged empty cell stays empty.
    expect((await core.lookup({ query: '3671011201801604' })).verdict).toBe('eligible');
    expect((await first(core, '3671015502051605'))?.address).toBeNull();
    core.close();
  });
});

describe('L20: a TEMPAT/TGL LAHIR column', () => {
  it.each(['TEMPAT/TGL LAHIR', 'TTL'])('"%s": the date after the place is the birth date', async (header) => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = csv(dir, 'ttl.csv', [
      `NIK;NAMA;${header};STATUS`,
      '3671011201802501;WARGA TTL;SERANG, 12-01-1980;AKTIF',
      '3671015503852502;WARGA TTL DUA;TANGERANG, 15 Maret 1985;AKTIF',
    ]);
    const report = await importFile(core, path);
    expect(report.mapping.dob).toBe(header);
    expect(report.rows.warnings).toBe(0);
    expect((await first(core, '3671011201802501'))?.dob).toBe('1980-01-12');
    expect((await first(core, '3671015503852502'))?.dob).toBe('1985-03-15');
    core.close();
  });
});

describe('L7: a header not recognized, a --map name not in the file', () => {
  const ODD = ['NOMOR INDUK;NAMA ORANG;KONDISI', '3671011001700101;ORANG SATU;AKTIF', '3671011001700102;ORANG DUA;MENINGGAL'];

  it('an unrecognized header: the message points at the column mapping (--map) and shows the row most like a header', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const r = await refusal(importFile(core, csv(dir, 'odd.csv', ODD)));
    expect(r.code).toBe('list-file/no-header');
    expect(r.words).toContain('--map');
    expect(r.words).toContain('baris 1 (NOMOR INDUK, NAMA ORANG, KONDISI)');
    core.close();
  });

  it('one --map name not in the header row: that name, its field and the headers of the row are named', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = csv(dir, 'odd.csv', ODD);
    const r = await refusal(importFile(core, path, { nik: 'NOMOR INDUK', name: 'NAMA ORANG', status: 'KONDISI', dob: 'TGL' }));
    expect(r.code).toBe('list-file/unknown-mapping-column');
    expect(r.params).toMatchObject({ field: 'dob', header: 'TGL', row: 1, headers: 'NOMOR INDUK, NAMA ORANG, KONDISI' });
    expect(r.words).toBe('Kolom "TGL" (untuk tanggal lahir) tidak ada di baris judul 1; judul yang ada: NOMOR INDUK, NAMA ORANG, KONDISI. Tulis judul kolom persis seperti di berkas.');
    // Without the wrong name the same mapping imports.
    const report = await importFile(core, path, { nik: 'NOMOR INDUK', name: 'NAMA ORANG', status: 'KONDISI' });
    expect(report.rows.imported).toBe(2);
    core.close();
  });
});

describe('L24: the header row repeated further down', () => {
  it('is skipped like a title row, not rejected as a member with the NIK "NIK"', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const lines = ['DAFTAR PESERTA'];
    for (const block of [1, 2, 3]) {
      lines.push('NO;NIK;NAMA;STATUS');
      for (const n of [10, 11, 12]) lines.push(`${n};3671011201804${block}${n};WARGA BLOK ${block} ${n};AKTIF`);
      lines.push('KELURAHAN BERIKUTNYA;;;');
    }
    const report = await importFile(core, csv(dir, 'repeat-header.csv', lines));
    expect(report.rows).toMatchObject({ imported: 9, rejected: 0 });
    expect(report.rejects).toEqual([]);
    expect((await core.lookup({ query: '3671011201804312' })).verdict).toBe('eligible');
    core.close();
  });
});
