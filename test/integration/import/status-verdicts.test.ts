/**
 * Status words a Dinas list really holds, and the verdict the counter gives for them (listtester
 * findings L1, L4, L22): a negated "active" misspelt (NON AKTIP, TDK AKTIP, T. AKTIF), a column of
 * spreadsheet errors (#N/A from a failed VLOOKUP, as text in a CSV and as a real error cell in an
 * XLSX), a 1/0 flag column with one word typed over a flag, and the validity dates TMT / TAT
 * of a BPJS extract (L25); the same person twice in one list, active and not (L2); each month
 * imported under a list name of its own (L16); status words in a KET column beside STATUS (L8);
 * PINDAH FASKES, a change of puskesmas, not of coverage (L18). Real files (the repo's CSV and
 * exceljs writers), imported through the real import into a real SQLite database, looked up as
 * the counter does.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { formatCoreMessage } from '../../../src/shared/i18n/messages';
import { noticeMessage, type ImportNotice, type ImportReport } from '../../../src/shared/lists';
import { statusReasonMessage } from '../../../src/shared/status-reason';
import { memberAt, type GeneratedMember } from '../../fixtures/generate-members';
import type { ListColumn } from '../../fixtures/list-layouts';
import { writeCsvList, writeXlsxList } from '../../fixtures/write-list-files';
import { fileFor } from '../../helpers/files';
import { builtFile, useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const NOW = new Date('2026-12-01T03:00:00Z');
const SEED = 29;
const member = (rowNo: number): GeneratedMember => memberAt(SEED, rowNo - 1);
const WORKER = builtFile('main', 'import-worker.js');

const col = (header: string, kind: ListColumn['kind'], value: ListColumn['value']): ListColumn => ({ header, kind, value });
const layout = (status: ListColumn['value'], extra: readonly ListColumn[] = []): ListColumn[] => [
  col('NO', 'int', (_m, n) => String(n)),
  col('NIK', 'nik', (m) => m.nik),
  col('NAMA', 'text', (m) => m.name),
  col('STATUS', 'text', status),
  ...extra,
];
/** A list without a STATUS column, its remarks in KET. */
const ketOnly = (ket: ListColumn['value']): ListColumn[] => [col('NO', 'int', (_m, n) => String(n)), col('NIK', 'nik', (m) => m.nik), col('NAMA', 'text', (m) => m.name), col('KET', 'text', ket)];
/** The month's changes written in KET: MENINGGAL, PINDAH, NON AKTIF on rows 2, 3, 4 of each ten. */
const monthsChanges = (_m: GeneratedMember, n: number): string => (n % 10 === 2 ? 'MENINGGAL' : n % 10 === 3 ? 'PINDAH' : n % 10 === 4 ? 'NON AKTIF' : '');
const codes = (report: ImportReport): ImportNotice['code'][] => report.notices.map((n) => n.code);
const noticeOf = (report: ImportReport, code: ImportNotice['code']): ImportNotice | undefined => report.notices.find((n) => n.code === code);

beforeAll(() => {
  if (!existsSync(WORKER)) throw new Error('out/main/import-worker.js is missing: run `npx electron-vite build` first.');
});

describe.each([
  ['on the import thread', null],
  ['in the reader worker', WORKER],
])('status words and the verdict, reading %s', (_, workerScript) => {
  const newCore = (dir: string): Core => createCore({ dbPath: join(dir, 'loket.db'), workerScript, now: () => NOW });
  const importFile = (core: Core, path: string, list = 'PBI APBD', asOf = '2026-11-01'): Promise<ImportReport> =>
    core.importList({ file: fileFor(core, path), list, kind: 'pbi-apbd', asOf });
  const look = async (core: Core, n: number) => {
    const result = await core.lookup({ query: member(n).nik });
    return { verdict: result.verdict, reason: result.matches[0]?.statusReason ?? null };
  };

  it('L1: NON AKTIP, TDK AKTIP, T. AKTIF and NONAKTIP are not active; AKTIP is active; "AKTIF NON PBI" is reported unknown', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const words = ['AKTIP', 'NON AKTIP', 'TIDAK AKTIP', 'NONAKTIP', 'TDK AKTIP', 'T. AKTIF', 'AKTIF NON PBI'];
    const path = join(dir, 'aktip.csv');
    await writeCsvList(path, { count: 14, seed: SEED, separator: ';', layout: layout((_m, n) => words[(n - 1) % words.length]!) });
    const report = await importFile(core, path);
    expect(report.rows.imported).toBe(14);
    expect(await look(core, 1)).toEqual({ verdict: 'eligible', reason: null });
    for (const n of [2, 3, 4, 5, 6]) expect(await look(core, n)).toEqual({ verdict: 'not-eligible', reason: 'inactive' });
    expect(await look(core, 7)).toEqual({ verdict: 'not-eligible', reason: 'unknown:AKTIF NON PBI' });
    expect(noticeOf(report, 'unknown-status')?.params).toMatchObject({ rows: 2, values: '"AKTIF NON PBI" (2)' });
    core.close();
  });

  it('L4: a CSV status column of #N/A (a failed VLOOKUP) is reported as unknown values, not read as NA = non-aktif', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'all-na.csv');
    await writeCsvList(path, { count: 20, seed: SEED, separator: ';', layout: layout((_m, n) => (n === 20 ? '#REF!' : '#N/A')) });
    const report = await importFile(core, path);
    expect(noticeOf(report, 'unknown-status')?.params).toEqual({ header: 'STATUS', rows: 20, values: '"#N/A" (19), "#REF!" (1)' });
    expect(await look(core, 3)).toEqual({ verdict: 'not-eligible', reason: 'unknown:#N/A' });
    core.close();
  });

  it('L4: a real XLSX error cell (a VLOOKUP formula whose cached result is #N/A) is an unknown value', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'formulas.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DATA');
    ws.addRow(['NO', 'NIK', 'NAMA', 'STATUS']);
    for (let n = 1; n <= 10; n++) {
      const m = member(n);
      const status = n % 2 === 0 ? { formula: `VLOOKUP(B${n + 1},REF!A:B,2,0)`, result: { error: '#N/A' } } : 'AKTIF';
      ws.addRow([n, m.nik, m.name, status]);
    }
    await wb.xlsx.writeFile(path);
    const report = await importFile(core, path);
    expect(report.rows.imported).toBe(10);
    expect(noticeOf(report, 'unknown-status')?.params).toMatchObject({ rows: 5, values: '"#N/A" (5)' });
    expect(await look(core, 2)).toEqual({ verdict: 'not-eligible', reason: 'unknown:#N/A' });
    expect(await look(core, 1)).toEqual({ verdict: 'eligible', reason: null });
    core.close();
  });

  it('L22: a 1/0 flag column with one MENINGGAL typed in stays a flag: 0 not active, 1 active, the word read as a word', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'flag-mixed.csv');
    await writeCsvList(path, { count: 20, seed: SEED, separator: ';', layout: layout((_m, n) => (n === 20 ? 'MENINGGAL' : n % 2 === 0 ? '0' : '1')) });
    expect((await core.inspectListFile({ file: fileFor(core, path) })).statusColumn).toEqual({ header: 'STATUS', foundBy: 'header', reading: 'flag' });
    const report = await importFile(core, path);
    expect(codes(report)).toContain('status-flag');
    expect(codes(report)).not.toContain('unknown-status');
    expect(await look(core, 2)).toEqual({ verdict: 'not-eligible', reason: 'inactive' });
    expect(await look(core, 1)).toEqual({ verdict: 'eligible', reason: null });
    expect(await look(core, 20)).toEqual({ verdict: 'not-eligible', reason: 'deceased' });
    core.close();
  });

  it.each(['csv', 'xlsx'])('L25 %s: TMT / TAT decide on the day of the look-up: ended, not yet begun, within', async (format) => {
    const dir = tempDir();
    const path = join(dir, `tat.${format}`);
    // A BPJS extract: card, name, NIK, status code 0 (active) for all, and the validity dates.
    const rows: [string, string, string][] = [
      [member(1).nik, '2020-01-01', '2026-06-30'],
      [member(2).nik, '2027-01-01', '2027-12-31'],
      [member(3).nik, '2020-01-01', '2030-12-31'],
      [member(4).nik, '', ''],
      [member(5).nik, '2020-01-01', 'SEUMUR HIDUP'],
    ];
    const header = ['PSNOKA', 'NAMA', 'NIK', 'KDSTATUSPST', 'TMT', 'TAT'];
    const cells = rows.map(([nik, tmt, tat], i) => [`000777777770${i + 1}`, member(i + 1).name, nik, '0', tmt, tat]);
    if (format === 'csv') writeFileSync(path, [header, ...cells].map((r) => r.join(',')).join('\r\n'));
    else {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('PESERTA');
      ws.addRow(header);
      // Real date cells, as an extract opened and saved in Excel holds them.
      const asCell = (v: string): string | Date | null => (v === '' ? null : /^\d{4}-/.test(v) ? new Date(`${v}T00:00:00Z`) : v);
      for (const r of cells) ws.addRow([r[0], r[1], r[2], r[3], asCell(r[4]!), asCell(r[5]!)]);
      ws.getColumn(5).numFmt = 'dd/mm/yyyy';
      ws.getColumn(6).numFmt = 'dd/mm/yyyy';
      await wb.xlsx.writeFile(path);
    }
    const core = newCore(dir);
    const report = await core.importList({ file: fileFor(core, path), list: 'TAT', kind: 'bpjs', asOf: '2026-11-01' });
    expect(report.mapping).toMatchObject({ validFrom: 'TMT', validUntil: 'TAT' });
    expect(report.warnings).toEqual([{ row: 6, code: 'row/validity-unreadable', params: { detail: 'SEUMUR HIDUP' } }]);
    expect(await look(core, 1)).toEqual({ verdict: 'not-eligible', reason: 'ended:2026-06-30' });
    expect(await look(core, 2)).toEqual({ verdict: 'not-eligible', reason: 'not-yet:2027-01-01' });
    expect(await look(core, 3)).toEqual({ verdict: 'eligible', reason: null });
    expect(await look(core, 4)).toEqual({ verdict: 'eligible', reason: null });
    expect(await look(core, 5)).toEqual({ verdict: 'eligible', reason: null });
    expect(formatCoreMessage('id', statusReasonMessage('ended:2026-06-30'))).toBe('Masa berlaku berakhir 30-06-2026');
    expect(formatCoreMessage('en', statusReasonMessage('not-yet:2027-01-01'))).toBe('Not yet covered (starts 01-01-2027)');
    core.close();
    // The same edition a month later: the member whose coverage begins on 1 January is covered.
    const later = createCore({ dbPath: join(dir, 'loket.db'), workerScript, now: () => new Date('2027-01-02T03:00:00Z') });
    expect((await later.lookup({ query: member(2).nik })).verdict).toBe('eligible');
    later.close();
  });

  it('L2: the same person twice in one edition, MENINGGAL and AKTIF: not eligible, the look-up says the list contradicts itself, the import reports it', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'twice.csv');
    // Row 3 (file row) is member 1 again, another address, AKTIF; member 1's own row says MENINGGAL.
    await writeCsvList(path, {
      count: 6, seed: SEED, separator: ';',
      layout: layout((_m, n) => (n === 1 ? 'MENINGGAL' : 'AKTIF'), [col('ALAMAT', 'text', (_m, n) => `JL. KENANGA ${n}`)]),
      mapRow: (cells, n) => (n === 2 ? [cells[0]!, member(1).nik, member(1).name, 'AKTIF', 'JL. KENANGA 1 RT 02'] : cells),
    });
    const report = await importFile(core, path);
    expect(noticeOf(report, 'contradicting-rows')?.params).toEqual({ count: 1, rows: '2 & 3' });
    const result = await core.lookup({ query: member(1).nik });
    expect(result.verdict).toBe('not-eligible');
    expect(result.matches.map((m) => m.status).sort()).toEqual(['active', 'inactive']);
    expect(result.contradiction).toEqual({ code: 'lookup/list-contradicts', params: { lists: 'PBI APBD', count: 1 } });
    expect(formatCoreMessage('id', result.contradiction!)).toContain('Daftar PBI APBD mencatat orang ini lebih dari sekali dengan status berbeda');
    // Someone listed once is a plain answer.
    const plain = await core.lookup({ query: member(3).nik });
    expect(plain.verdict).toBe('eligible');
    expect(plain.contradiction).toBeUndefined();
    // Covered by another program's list: eligible, and the contradiction is still said.
    const apbn = join(dir, 'apbn.csv');
    await writeCsvList(apbn, { count: 1, seed: SEED, separator: ';', layout: layout(() => 'AKTIF') });
    await core.importList({ file: fileFor(core, apbn), list: 'PBI APBN', kind: 'pbi-apbn', asOf: '2026-11-01' });
    const covered = await core.lookup({ query: member(1).nik });
    expect(covered.verdict).toBe('eligible');
    expect(covered.contradiction?.code).toBe('lookup/list-contradicts');
    core.close();
  });

  it('L16: each month under its own list name: the newer month decides for a person on both, and the import says the older list is still current', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const okt = join(dir, 'okt.csv');
    const nov = join(dir, 'nov.csv');
    await writeCsvList(okt, { count: 10, seed: SEED, separator: ';', layout: layout(() => 'AKTIF') });
    await writeCsvList(nov, { count: 10, seed: SEED, separator: ';', layout: layout((_m, n) => (n === 1 ? 'NON AKTIF' : 'AKTIF')) });
    const first = await importFile(core, okt, 'PBI APBD OKTOBER 2026', '2026-10-25');
    expect(codes(first)).not.toContain('older-list-same-kind');
    const second = await importFile(core, nov, 'PBI APBD NOVEMBER 2026', '2026-11-25');
    expect(noticeOf(second, 'older-list-same-kind')?.params).toEqual({ list: 'PBI APBD NOVEMBER 2026', others: 'PBI APBD OKTOBER 2026 (2026-10-25)', count: 1 });
    const result = await core.lookup({ query: member(1).nik });
    expect(result.verdict).toBe('not-eligible');
    expect(result.matches).toHaveLength(2);
    expect(await look(core, 2)).toMatchObject({ verdict: 'eligible' });
    // A corrected October imported after November: it is told a newer list of its kind decides.
    await writeCsvList(okt, { count: 11, seed: SEED, separator: ';', layout: layout(() => 'AKTIF') });
    const again = await importFile(core, okt, 'PBI APBD OKTOBER 2026', '2026-10-25');
    expect(noticeOf(again, 'newer-list-same-kind')?.params).toMatchObject({ others: 'PBI APBD NOVEMBER 2026 (2026-11-25)' });
    expect((await core.lookup({ query: member(1).nik })).verdict).toBe('not-eligible');
    core.close();
  });

  it.each(['csv', 'xlsx'])('L8 %s: MENINGGAL, PINDAH, NON AKTIF written in KET beside a STATUS column of AKTIF: both read, the stronger word counts', async (format) => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, `status-ket.${format}`);
    const columns = layout(() => 'AKTIF', [col('KET', 'text', monthsChanges)]);
    if (format === 'csv') await writeCsvList(path, { count: 30, seed: SEED, separator: ';', layout: columns });
    else await writeXlsxList(path, { count: 30, seed: SEED, layout: columns });
    expect((await core.inspectListFile({ file: fileFor(core, path) })).statusColumn).toEqual({ header: 'STATUS', foundBy: 'header', remarks: 'KET' });
    const report = await importFile(core, path);
    expect(report.statusColumn).toEqual({ header: 'STATUS', foundBy: 'header', remarks: 'KET' });
    expect(noticeOf(report, 'status-remarks')).toEqual({ code: 'status-remarks', params: { header: 'STATUS', remarks: 'KET' } });
    expect(await look(core, 12)).toEqual({ verdict: 'not-eligible', reason: 'deceased' });
    expect(await look(core, 13)).toEqual({ verdict: 'not-eligible', reason: 'moved' });
    expect(await look(core, 14)).toEqual({ verdict: 'not-eligible', reason: 'inactive' });
    expect(await look(core, 15)).toEqual({ verdict: 'eligible', reason: null });
    core.close();
  });

  it('L18: PINDAH FASKES / PINDAH FKTP in a KET column is a member who changed puskesmas: still active, and no status column by values', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'ket-faskes.csv');
    const ket = (_m: GeneratedMember, n: number): string =>
      n >= 2 && n <= 6 ? 'PINDAH FASKES KE PKM CIBODAS' : n === 7 ? 'PINDAH FKTP' : n === 8 || n === 9 ? 'PESERTA BARU' : '';
    await writeCsvList(path, { count: 30, seed: SEED, separator: ';', layout: ketOnly(ket) });
    const report = await importFile(core, path);
    expect(report.statusColumn).toBeNull();
    expect(codes(report)).not.toContain('status-by-values');
    expect(await look(core, 2)).toEqual({ verdict: 'eligible', reason: null });
    expect(await look(core, 7)).toEqual({ verdict: 'eligible', reason: null });
    // In a status column the same words are active too; PINDAH alone (moved away) is not.
    const named = join(dir, 'status-faskes.csv');
    await writeCsvList(named, { count: 10, seed: SEED, separator: ';', layout: layout((m, n) => (n === 1 ? 'PINDAH FASKES' : n === 2 ? 'PINDAH' : 'AKTIF')) });
    await importFile(core, named, 'PBI APBD 2');
    expect(await look(core, 1)).toEqual({ verdict: 'eligible', reason: null });
    expect((await core.lookup({ query: member(2).nik })).matches.find((m) => m.list.name === 'PBI APBD 2')?.statusReason).toBe('moved');
    core.close();
  });

  it('L18: a KET column taken as the status by its values: the notice quotes the values it holds, with their rows', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'ket.csv');
    await writeCsvList(path, { count: 30, seed: SEED, separator: ';', layout: ketOnly(monthsChanges) });
    const report = await importFile(core, path);
    expect(noticeOf(report, 'status-by-values')).toEqual({ code: 'status-by-values', params: { header: 'KET', values: '"MENINGGAL" (3), "NON AKTIF" (3), "PINDAH" (3)' } });
    expect(formatCoreMessage('id', noticeMessage(noticeOf(report, 'status-by-values')!))).toBe(
      'Kolom "KET" dibaca sebagai status peserta karena isinya kata status: "MENINGGAL" (3), "NON AKTIF" (3), "PINDAH" (3).',
    );
    core.close();
  });
});
