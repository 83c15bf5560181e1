/**
 * A workbook whose members are split over several sheets (one per district, as Dinas offices
 * send them). The import reads the first sheet with a list header; the others must not vanish
 * without a word: the preview and the report name them, the CLI names the sheet it read.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { formatCoreMessage, type CoreMessage } from '../../../src/shared/i18n/messages';
import { noticeMessage } from '../../../src/shared/lists';
import { memberAt } from '../../fixtures/generate-members';
import { fileFor } from '../../helpers/files';
import { builtFile, useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const HEADER = ['NO', 'NIK', 'NAMA', 'STATUS'];
const rows = (from: number, n: number): (string | number)[][] =>
  Array.from({ length: n }, (_, i) => [i + 1, memberAt(9, from + i).nik, memberAt(9, from + i).name, 'AKTIF']);

async function writeWorkbook(path: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('REKAP').addRows([['REKAP PESERTA PBI APBD'], ['Kecamatan', 'Jumlah'], ['CIBODAS', 3], ['JATIUWUNG', 2]]);
  workbook.addWorksheet('KEC CIBODAS').addRows([['DAFTAR PESERTA PBI APBD KEC CIBODAS'], HEADER, ...rows(0, 3)]);
  workbook.addWorksheet('KEC JATIUWUNG').addRows([['DAFTAR PESERTA PBI APBD KEC JATIUWUNG'], HEADER, ...rows(3, 2)]);
  workbook.addWorksheet('CATATAN').addRows([['Dicetak 1 November 2026']]);
  await workbook.xlsx.writeFile(path);
  return path;
}

const words = (m: CoreMessage): string => formatCoreMessage('id', m);

describe('members on several sheets', () => {
  it('the preview and the import report name the other sheets that hold a list; the summary sheets are not named', async () => {
    const dir = tempDir();
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: builtFile('main', 'import-worker.js'), bpjsBackground: false });
    const path = await writeWorkbook(join(dir, 'pbi.xlsx'));
    const preview = await core.inspectListFile({ file: fileFor(core, path) });
    expect(preview).toMatchObject({ sheetName: 'KEC CIBODAS', otherSheets: ['KEC JATIUWUNG'] });

    const report = await core.importList({ file: fileFor(core, path), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
    expect(report.rows.imported).toBe(3);
    const notice = report.notices.find((n) => n.code === 'other-sheets');
    expect(notice?.params).toMatchObject({ sheet: 'KEC CIBODAS', others: 'KEC JATIUWUNG', count: 1 });
    expect(words(noticeMessage(notice!))).toContain('Hanya lembar "KEC CIBODAS" yang diimpor');
    core.close();
  });

  it('a workbook of one list sheet has no such notice', async () => {
    const dir = tempDir();
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, bpjsBackground: false });
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Peserta').addRows([HEADER, ...rows(0, 2)]);
    workbook.addWorksheet('REKAP').addRows([['Jumlah', 2]]);
    const path = join(dir, 'satu.xlsx');
    await workbook.xlsx.writeFile(path);
    const report = await core.importList({ file: fileFor(core, path), list: 'PBI', kind: 'pbi-apbd', asOf: '2026-11-01' });
    expect(report.notices.map((n) => n.code)).not.toContain('other-sheets');
    expect((await core.inspectListFile({ file: fileFor(core, path) })).otherSheets).toBeUndefined();
    core.close();
  });

  it('the loket command names the sheet it read and prints the notice', async () => {
    const dir = tempDir();
    const path = await writeWorkbook(join(dir, 'pbi.xlsx'));
    const out = spawnSync(process.execPath, [builtFile('main', 'cli.js'), 'import', path, '--list', 'PBI', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', join(dir, 'loket.db')], {
      encoding: 'utf8',
    });
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('lembar "KEC CIBODAS"');
    expect(out.stdout).toContain('! Berkas ini punya lembar lain yang juga berisi daftar: KEC JATIUWUNG.');
  });
});
