/**
 * The marks that keep a value as text in Excel, and the float tail a script prints: CSV files
 * with ="…" formulas and leading apostrophes in every column (listtester L21, L13), identifiers
 * written by pandas as "3671015501800017.0" (L3), the same in XLSX workbooks written by ExcelJS,
 * and Loket's own member export imported again. Real files, the real import, then look-ups.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { fileFor } from '../../helpers/files';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const NOW = new Date('2026-11-23T03:00:00Z');

const A = { nik: '3671011201802901', card: '0006666666601', name: 'WARGA RUMUS', dob: '1980-01-12' };
const B = { nik: '3671011201802902', card: '0006666666602', name: 'WARGA RUMUS DUA', dob: '1980-01-12' };
const C = { nik: '3671015501800017', card: '0001336526592', name: "NUR'AINI", dob: '1980-01-15' };

function newCore(dir: string): Core {
  return createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => NOW, actor: { username: 'admin', role: 'admin' } });
}
const importFile = (core: Core, path: string, list = 'PBI APBD') =>
  core.importList({ file: fileFor(core, path), list, kind: 'pbi-apbd', asOf: '2026-11-01' });

/** The one match of an identifier, as the counter sees it. */
async function found(core: Core, query: string) {
  const result = await core.lookup({ query });
  expect(result.matches, `${query} found`).toHaveLength(1);
  return { verdict: result.verdict, ...result.matches[0]! };
}

describe('="…" text formulas (the CSV trick to keep a NIK as text)', () => {
  it('a CSV whose NIK, card, birth date and status are all ="…", bare or quoted, is read as the values', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'eq.csv');
    // Both shapes exports write: ="…" bare, and the same field quoted with its quotes doubled.
    writeFileSync(
      path,
      [
        'NIK,NOKA,NAMA,TGL_LAHIR,STATUS',
        `="${A.nik}",="${A.card}",WARGA RUMUS,="12-01-1980",="NON AKTIF"`,
        `"=""${B.nik}""","=""${B.card}""","=""WARGA RUMUS DUA""","=""12-01-1980""",MENINGGAL`,
        `= "${C.nik}" ,="${C.card}",="NUR'AINI",15-01-1980,AKTIF`,
      ].join('\r\n') + '\r\n',
    );
    const report = await importFile(core, path);
    expect(report.rejects).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.rows.imported).toBe(3);
    expect(await found(core, A.nik)).toMatchObject({ verdict: 'not-eligible', nik: A.nik, card: A.card, name: A.name, dob: A.dob });
    expect(await found(core, B.card)).toMatchObject({ nik: B.nik, name: B.name, dob: B.dob, statusReason: 'deceased' });
    expect(await found(core, C.nik)).toMatchObject({ verdict: 'eligible', card: C.card, name: C.name });
    core.close();
  });

  it('a row mixing a plain formula is not unwrapped: ="A"&B and =SUM() stay what they are', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'eq-other.csv');
    writeFileSync(path, ['NIK,NAMA,STATUS', `${A.nik},"=""WARGA ""&B2",AKTIF`, `="${B.nik}",=SUM(A1:A2),AKTIF`].join('\n') + '\n');
    await importFile(core, path);
    expect((await found(core, A.nik)).name).toBe('="WARGA "&B2');
    expect((await found(core, B.nik)).name).toBe('=SUM(A1:A2)');
    core.close();
  });

  it('an XLSX: a text cell holding ="…", a formula with its cached text and one without are read as the value', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'eq.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('DATA');
    sheet.addRow(['NIK', 'NOKA', 'NAMA', 'TGL LAHIR', 'STATUS']);
    // A CSV pasted as text into a sheet keeps the ="…" as a string.
    sheet.addRow([`="${A.nik}"`, `="${A.card}"`, A.name, '="12-01-1980"', '="AKTIF"']);
    // The same CSV opened in Excel and saved: a formula whose cached result is the text.
    sheet.addRow([{ formula: `"${B.nik}"`, result: B.nik }, { formula: `"${B.card}"`, result: B.card }, B.name, '12-01-1980', 'MENINGGAL']);
    // A script's workbook (openpyxl, ExcelJS) never opened in Excel: the formula has no cached result.
    sheet.addRow([{ formula: `"${C.nik}"` }, { formula: `"${C.card}"` }, { formula: '"NUR\'AINI"' }, '15-01-1980', { formula: 'A1&""' }]);
    await workbook.xlsx.writeFile(path);
    const report = await importFile(core, path);
    expect(report.rejects).toEqual([]);
    expect(await found(core, A.nik)).toMatchObject({ verdict: 'eligible', card: A.card, dob: A.dob });
    expect(await found(core, B.card)).toMatchObject({ nik: B.nik, statusReason: 'deceased' });
    // Its status, a formula that is no text literal, has no value: the member counts as on the list.
    expect(await found(core, C.nik)).toMatchObject({ verdict: 'eligible', card: C.card, name: C.name });
    core.close();
  });
});

describe('a leading apostrophe is a text mark in every column', () => {
  it('CSV: NIK, card, name, birth date, status and address lose it; an apostrophe inside a name stays', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'apostrophes.csv');
    writeFileSync(
      path,
      [
        'NIK;NOKA;NAMA;TGL_LAHIR;JK;STATUS;ALAMAT',
        `'${A.nik};'${A.card};'SITI APOSTROF;'12-01-1980;'L;'AKTIF;'KP. CIBEBER`,
        `'${B.nik};'${B.card};'BUDI APOSTROF;'12-01-1980;'L;'MENINGGAL;`,
        `${C.nik};${C.card};'NUR'AINI;'15-01-1980;'P;AKTIF;`,
      ].join('\r\n') + '\r\n',
    );
    const report = await importFile(core, path);
    expect(report.warnings).toEqual([]);
    expect(await found(core, A.nik)).toMatchObject({ verdict: 'eligible', name: 'SITI APOSTROF', dob: A.dob, sex: 'L', address: 'KP. CIBEBER' });
    expect(await found(core, B.nik)).toMatchObject({ name: 'BUDI APOSTROF', statusReason: 'deceased' });
    expect(await found(core, C.nik)).toMatchObject({ name: "NUR'AINI", dob: C.dob, sex: 'P' });
    core.close();
  });

  it("Loket's own member export (CSV and XLSX, whole numbers) imports again with the same names and dates", async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const list = join(dir, 'list.csv');
    // Names an export neutralises with a leading ' (they start like a formula), and one it does not.
    const people = [
      { nik: '3671011504940001', card: '0005555555501', name: '+62 SUTRISNO', dob: '15-04-1994', status: 'AKTIF' },
      { nik: '3671011504940002', card: '0005555555502', name: '-HASAN', dob: '15-04-1994', status: 'NON AKTIF' },
      { nik: '3671011504940003', card: '0005555555503', name: '@SUMARNI', dob: '15-04-1994', status: 'AKTIF' },
      { nik: '3671015501800017', card: '0005555555504', name: "NUR'AINI", dob: '15-01-1980', status: 'AKTIF' },
    ];
    writeFileSync(list, ['NIK;NOKA;NAMA;TGL LAHIR;STATUS', ...people.map((p) => [p.nik, p.card, p.name, p.dob, p.status].join(';'))].join('\r\n') + '\r\n');
    await importFile(core, list);
    for (const format of ['csv', 'xlsx'] as const) {
      const out = join(dir, `anggota.${format}`);
      await core.exportMembers({ list: 'PBI APBD', format, file: fileFor(core, out, format === 'csv' ? 'save-csv' : 'save-xlsx'), full: true });
      const again = `KEMBALI ${format}`;
      const report = await core.importList({ file: fileFor(core, out), list: again, kind: 'other', asOf: '2026-11-01' });
      expect(report.rejects).toEqual([]);
      expect(report.rows.imported).toBe(people.length);
      for (const p of people) {
        const result = await core.lookup({ query: p.nik });
        const original = result.matches.find((m) => m.list.name === 'PBI APBD')!;
        const reimported = result.matches.find((m) => m.list.name === again)!;
        expect(reimported, `${p.name} in ${format}`).toMatchObject({ name: p.name, card: p.card, dob: original.dob, status: original.status });
      }
    }
    core.close();
  });
});

describe('identifiers printed as floats by a script ("….0")', () => {
  it('CSV: a NIK and a card with .0 or .00 are read as their digits; a card that lost its zeros gets them back', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'pandas.csv');
    writeFileSync(
      path,
      ['NIK,NOKA,NAMA,STATUS', `${A.nik}.0,,WARGA RUMUS,AKTIF`, `,6666666602.0,WARGA RUMUS DUA,AKTIF`, `${C.nik}.00,1336526592.00,NUR'AINI,AKTIF`].join('\n') + '\n',
    );
    const report = await importFile(core, path);
    expect(report.rejects).toEqual([]);
    expect((await found(core, A.nik)).name).toBe(A.name);
    expect((await found(core, B.card)).name).toBe(B.name);
    expect(await found(core, C.nik)).toMatchObject({ card: C.card, name: C.name });
    core.close();
  });

  it('a float NIK whose digits a float cannot hold, or one in scientific notation, is not read as a good NIK', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'pandas-lost.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('DATA');
    sheet.addRow(['NIK', 'NOKA', 'NAMA']);
    // Above 2^53 a double has lost the last digit: 9171011201800017 prints as 9171011201800016.0.
    sheet.addRow(['9171011201800016.0', '0007777777701', 'PAPUA FLOAT']);
    sheet.addRow(['3.67101E+15', '0007777777702', 'ILMIAH']);
    sheet.addRow(['1.23E+15', '', 'ILMIAH TANPA KARTU']);
    await workbook.xlsx.writeFile(path);
    const report = await importFile(core, path);
    expect(report.rows.damagedNik).toBe(1);
    expect(report.warnings.map((w) => [w.row, w.code])).toContainEqual([2, 'row/nik-damaged']);
    expect(report.rejects.map((r) => [r.row, r.code, r.params.detail])).toEqual([[4, 'row/nik-invalid', 'scientific']]);
    expect((await core.lookup({ query: '9171011201800016' })).matches.every((m) => m.confidence !== 'exact')).toBe(true);
    expect((await found(core, '0007777777701')).nik).toBe('9171011201800010'); // kept by card, NIK marked damaged
    core.close();
  });
});
