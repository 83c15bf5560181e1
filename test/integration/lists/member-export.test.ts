import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { createCore, type Core } from '../../../src/core/core';
import { writeTableStream, XLSX_MAX_ROWS } from '../../../src/core/export/table-stream';
import { dispatch } from '../../../src/core/dispatch';
import { maskCard, maskNik } from '../../../src/shared/masking';
import { DJOKO, RIZKI, SITI } from '../../helpers/sample-list';
import { useTempDir, writeCsv } from '../../helpers/temp';
import { fileFor } from '../../helpers/files';

const tempDir = useTempDir();
const NOW = new Date('2026-11-23T03:00:00Z');
const LIST = 'PBI =Kota';
const HOSTILE = { nik: '3673012303900001', card: '0001336526999', name: '=HYPERLINK("HTTP://X.EXAMPLE","KLIK")' };

async function coreWithList(dir: string): Promise<Core> {
  const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => NOW, actor: { username: 'admin', role: 'admin' } });
  const file = writeCsv(join(dir, 'list.csv'), [
    ['NIK', 'NO KARTU', 'NAMA', 'TGL LAHIR', 'JK', 'STATUS', 'ALAMAT'],
    [SITI.nik, SITI.card, SITI.name, '12-03-1985', 'P', 'AKTIF', 'KP. CIBEBER'],
    [RIZKI.nik, RIZKI.card, RIZKI.name, '17-08-1990', 'L', 'AKTIF', '@SUM(1)'],
    [DJOKO.nik, DJOKO.card, DJOKO.name, '01-01-1970', 'L', 'NON AKTIF', ''],
    [HOSTILE.nik, HOSTILE.card, HOSTILE.name, '23-03-1990', 'L', 'AKTIF', ''],
  ]);
  await core.importList({ file: fileFor(core, file), list: LIST, kind: 'pbi-apbd', asOf: '2026-11-01' });
  return core;
}

const readCsv = (path: string): string[][] => parse(readFileSync(path, 'utf8'), { delimiter: ';', bom: true }) as string[][];

describe('exportMembers', () => {
  it('writes the current edition masked by default: no whole NIK or card in the file, formula text neutralized', async () => {
    const dir = tempDir();
    const core = await coreWithList(dir);
    const path = join(dir, 'anggota.csv');
    expect(await core.exportMembers({ list: LIST, format: 'csv', file: fileFor(core, path, 'save-csv') })).toEqual({ name: 'anggota.csv', rows: 4, full: false });
    const text = readFileSync(path, 'utf8');
    for (const m of [SITI, RIZKI, DJOKO, HOSTILE]) {
      expect(text).not.toContain(m.nik);
      expect(text).not.toContain(m.card);
    }
    const [headers, ...rows] = readCsv(path);
    expect(headers).toEqual(['Baris', 'NIK', 'No. kartu', 'Nama', 'Tanggal lahir', 'Jenis kelamin', 'Status', 'Alasan status', 'Segmen', 'Faskes', 'Kelas', 'Alamat']);
    expect(rows[0]!.slice(0, 7)).toEqual(['2', maskNik(SITI.nik), maskCard(SITI.card), SITI.name, '1985-03-12', 'P', 'aktif']);
    expect(rows[2]![6]).toBe('tidak aktif');
    expect(rows[2]![7]).toBe('Non-aktif'); // the reason worded in the file's language, not a code
    expect(rows[3]![3]).toBe(`'${HOSTILE.name}`);
    expect(rows[1]![11]).toBe("'@SUM(1)");
    core.close();
  });

  it('writes whole numbers only when asked (full), as text cells in XLSX, in English when asked', async () => {
    const dir = tempDir();
    const core = await coreWithList(dir);
    const path = join(dir, 'members.xlsx');
    expect(await core.exportMembers({ list: LIST, format: 'xlsx', file: fileFor(core, path, 'save-xlsx'), lang: 'en', full: true })).toEqual({ name: 'members.xlsx', rows: 4, full: true });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('NIK');
    expect(sheet.getRow(1).getCell(7).value).toBe('Status');
    expect(sheet.getRow(2).getCell(2).value).toBe(SITI.nik);
    expect(sheet.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(2).getCell(3).value).toBe(SITI.card);
    expect(sheet.getRow(4).getCell(7).value).toBe('inactive');
    expect(sheet.getRow(4).getCell(8).value).toBe('Not active'); // no Indonesian reason in an English file
    const hostile = sheet.getRow(5).getCell(4);
    expect(hostile.type).toBe(ExcelJS.ValueType.String);
    expect(hostile.value).toBe(`'${HOSTILE.name}`);
    core.close();
  });

  it('through dispatch: an unknown list is refused by code, and a handle for the other format is not accepted', async () => {
    const dir = tempDir();
    const core = await coreWithList(dir);
    const csv = join(dir, 'x.csv');
    expect(await dispatch(core, 'exportMembers', { list: 'Tidak ada', format: 'csv', file: fileFor(core, csv, 'save-csv') })).toEqual({ ok: false, error: { code: 'unknown-list', params: { list: 'Tidak ada' } } });
    const wrongPurpose = await dispatch(core, 'exportMembers', { list: LIST, format: 'xlsx', file: fileFor(core, csv, 'save-csv') });
    expect(wrongPurpose.ok).toBe(false);
    expect(existsSync(csv)).toBe(false);
    core.close();
  });

  it('a clerk may not export members: refused by the core before anything is written, and the refusal is on record', async () => {
    const dir = tempDir();
    const admin = await coreWithList(dir);
    admin.close();
    const clerk = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => NOW, actor: { username: 'budi', role: 'clerk' } });
    const csv = join(dir, 'members.csv');
    expect(await dispatch(clerk, 'exportMembers', { list: LIST, format: 'csv', file: fileFor(clerk, csv, 'save-csv') })).toEqual({ ok: false, error: { code: 'session/forbidden' } });
    expect(existsSync(csv)).toBe(false);
    const refused = clerk.db.prepare("SELECT actor, action, detail FROM audit_log WHERE action = 'export'").all() as { actor: string; action: string; detail: string }[];
    expect(refused.map((r) => [r.actor, JSON.parse(r.detail).method, JSON.parse(r.detail).error])).toEqual([['budi', 'exportMembers', 'session/forbidden']]);
    clerk.close();
  });

  it('an XLSX of more rows than a sheet holds is refused before anything is written', async () => {
    const dir = tempDir();
    const path = join(dir, 'big.xlsx');
    await expect(writeTableStream(path, 'xlsx', { sheet: 's', headers: ['a'], rows: [], count: XLSX_MAX_ROWS + 1 })).rejects.toMatchObject({
      key: 'export/too-many-rows',
      params: { rows: XLSX_MAX_ROWS + 1, max: XLSX_MAX_ROWS },
    });
    expect(existsSync(path)).toBe(false);
  });
});
