/**
 * What the values of a status column do to an import: words Loket does not know are counted and
 * reported (those members are "not active, reason unknown" at the counter), common "active" words
 * (TERDAFTAR, VALID, BARU) are known, and a column of only 1 and 0 is a yes/no flag. Real CSV and
 * XLSX files (exceljs), imported through the real import path on the import thread and in the
 * reader worker, into a real SQLite database; members looked up as the counter does.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { formatCoreMessage } from '../../../src/shared/i18n/messages';
import { noticeMessage, type ImportNotice, type ImportReport } from '../../../src/shared/lists';
import { memberAt, type GeneratedMember } from '../../fixtures/generate-members';
import type { ListColumn } from '../../fixtures/list-layouts';
import { writeCsvList, writeXlsxList } from '../../fixtures/write-list-files';
import { fileFor } from '../../helpers/files';
import { builtFile, useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const NOW = new Date('2026-11-23T03:00:00Z');
const SEED = 17;
const member = (rowNo: number): GeneratedMember => memberAt(SEED, rowNo - 1);
const WORKER = builtFile('main', 'import-worker.js');

const col = (header: string, kind: ListColumn['kind'], value: ListColumn['value']): ListColumn => ({ header, kind, value });
const BASE: readonly ListColumn[] = [
  col('NO', 'int', (_m, n) => String(n)),
  col('NIK', 'nik', (m) => m.nik),
  col('NAMA', 'text', (m) => m.name),
  col('TGL LAHIR', 'dob', (m) => `${String(m.birthDay).padStart(2, '0')}-${String(m.birthMonth).padStart(2, '0')}-${m.birthYear}`),
  col('JK', 'text', (m) => m.sex),
];
const withStatus = (value: ListColumn['value'], header = 'STATUS', kind: ListColumn['kind'] = 'text'): ListColumn[] => [...BASE, col(header, kind, value)];

const words = (lang: 'id' | 'en', n: ImportNotice): string => formatCoreMessage(lang, noticeMessage(n));
const noticeOf = (report: ImportReport, code: ImportNotice['code']): ImportNotice | undefined => report.notices.find((n) => n.code === code);

async function write(path: string, count: number, layout: readonly ListColumn[]): Promise<string> {
  if (path.endsWith('.csv')) await writeCsvList(path, { count, seed: SEED, layout });
  else await writeXlsxList(path, { count, seed: SEED, layout, dates: 'text' });
  return path;
}

beforeAll(() => {
  if (!existsSync(WORKER)) throw new Error('out/main/import-worker.js is missing: run `npx electron-vite build` first (npm test does).');
});

describe.each([
  ['on the import thread', null],
  ['in the reader worker', WORKER],
])('status values, reading %s', (_, workerScript) => {
  const newCore = (dir: string): Core => createCore({ dbPath: join(dir, 'loket.db'), workerScript, now: () => NOW });
  const importFile = (core: Core, path: string, mapping?: Record<string, string>): Promise<ImportReport> =>
    core.importList({ file: fileFor(core, path), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-15', ...(mapping ? { mapping } : {}) });
  const verdictOf = async (core: Core, n: number) => {
    const result = await core.lookup({ query: member(n).nik });
    return { verdict: result.verdict, reason: result.matches[0]?.statusReason ?? null };
  };

  it.each(['csv', 'xlsx'])('%s: a status Loket does not know is counted and reported, and those members are "not active, reason unknown"', async (format) => {
    const dir = tempDir();
    const core = newCore(dir);
    // 299 rows: every 3rd "SEDANG DIVERIFIKASI" (99), every 5th of the rest "MENUNGGU" (40), every 7th of the rest "KODE 44" (22), the rest AKTIF.
    const status = (_m: GeneratedMember, n: number): string =>
      n % 3 === 0 ? 'SEDANG DIVERIFIKASI' : n % 5 === 0 ? 'MENUNGGU' : n % 7 === 0 ? 'KODE 44' : 'AKTIF';
    const report = await importFile(core, await write(join(dir, `pbi.${format}`), 299, withStatus(status)));
    expect(report.rows.imported).toBe(299);
    const notice = noticeOf(report, 'unknown-status');
    const expectedRows = Array.from({ length: 299 }, (_v, i) => status(member(i + 1), i + 1)).filter((s) => s !== 'AKTIF').length;
    expect(notice).toEqual({
      code: 'unknown-status',
      params: { header: 'STATUS', rows: expectedRows, values: '"SEDANG DIVERIFIKASI" (99), "MENUNGGU" (40), "KODE 44" (22)' },
    });
    expect(expectedRows).toBe(161);
    // The counter: shown verbatim, not active; registering is never blocked (that is the counter's rule, not this import's).
    expect(await verdictOf(core, 3)).toEqual({ verdict: 'not-eligible', reason: 'unknown:SEDANG DIVERIFIKASI' });
    expect(await verdictOf(core, 1)).toEqual({ verdict: 'eligible', reason: null });
    // Worded for the officer: what the clerk sees and what to do, in both languages.
    const id = words('id', notice!);
    expect(id).toContain('161 peserta punya status yang tidak dikenal Loket di kolom "STATUS": "SEDANG DIVERIFIKASI" (99)');
    expect(id).toContain('"Tidak aktif" dengan alasan "Status tidak dikenal: …"');
    expect(id).toContain('"(tidak dipakai)"');
    expect(id).toContain('--map status=-');
    const en = words('en', notice!);
    expect(en).toContain('161 members have a status Loket does not know in column "STATUS"');
    expect(en).toContain('"(not used)"');
    core.close();
  });

  it('a column of the same unknown value on every row names it with every row', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const report = await importFile(core, await write(join(dir, 'pbi.csv'), 50, withStatus(() => 'DALAM PROSES')));
    expect(noticeOf(report, 'unknown-status')?.params).toEqual({ header: 'STATUS', rows: 50, values: '"DALAM PROSES" (50)' });
    expect(await verdictOf(core, 7)).toEqual({ verdict: 'not-eligible', reason: 'unknown:DALAM PROSES' });
    core.close();
  });

  it('many different unknown values: the five most frequent with their rows, the rest summed, the total exact', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    // 3,000 rows: every 10th "TERTUNDA" (300), every 10th + 1 "DITINJAU" (300)... and 1,800 different codes.
    const status = (_m: GeneratedMember, n: number): string =>
      n % 10 === 0 ? 'TERTUNDA' : n % 10 === 1 ? 'DITINJAU' : n % 10 === 2 ? 'AKTIF' : n % 10 === 3 ? 'AKTIF' : `X${n}`;
    const report = await importFile(core, await write(join(dir, 'pbi.csv'), 3000, withStatus(status)));
    const values = String(noticeOf(report, 'unknown-status')?.params.values);
    expect(noticeOf(report, 'unknown-status')?.params.rows).toBe(2400);
    expect(values.startsWith('"DITINJAU" (300), "TERTUNDA" (300), ')).toBe(true);
    expect(values.split(', ')).toHaveLength(6);
    expect(values.endsWith('… (1797)')).toBe(true); // 1,800 codes, 3 of them named
    core.close();
  });

  it.each(['TERDAFTAR', 'VALID', 'BARU', 'PESERTA BARU'])('a STATUS column of %s: every member is active, and no notice of unknown statuses', async (word) => {
    const dir = tempDir();
    const core = newCore(dir);
    const report = await importFile(core, await write(join(dir, 'pbi.csv'), 299, withStatus(() => word)));
    expect(report.rows).toMatchObject({ read: 299, imported: 299 });
    expect(report.notices.map((n) => n.code)).not.toContain('unknown-status');
    expect(await verdictOf(core, 42)).toEqual({ verdict: 'eligible', reason: null });
    core.close();
  });

  it('TIDAK TERDAFTAR, TIDAK VALID, BELUM TERDAFTAR beside TERDAFTAR: not active', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const status = (_m: GeneratedMember, n: number): string => ['TERDAFTAR', 'TIDAK TERDAFTAR', 'TIDAK VALID', 'BELUM TERDAFTAR'][n % 4]!;
    const report = await importFile(core, await write(join(dir, 'pbi.xlsx'), 20, withStatus(status)));
    expect(report.notices.map((n) => n.code)).not.toContain('unknown-status');
    expect(await verdictOf(core, 4)).toEqual({ verdict: 'eligible', reason: null });
    for (const n of [5, 6, 7]) expect(await verdictOf(core, n)).toEqual({ verdict: 'not-eligible', reason: 'inactive' });
    core.close();
  });

  it.each([
    ['csv', 'text'],
    ['xlsx', 'int'],
  ] as const)('%s: a STATUS column of only 1 and 0 is a yes/no flag: 1 active, 0 not active, and the report says so', async (format, kind) => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = await write(join(dir, `pbi.${format}`), 30, withStatus((_m, n) => (n % 3 === 0 ? '0' : '1'), 'STATUS', kind));
    // The preview says it before the import (the mapping panel words it), and the report after.
    expect((await core.inspectListFile({ file: fileFor(core, path) })).statusColumn).toEqual({ header: 'STATUS', foundBy: 'header', reading: 'flag' });
    const report = await importFile(core, path);
    expect(report.statusColumn).toEqual({ header: 'STATUS', foundBy: 'header', reading: 'flag' });
    expect(noticeOf(report, 'status-flag')).toEqual({ code: 'status-flag', params: { header: 'STATUS' } });
    expect(report.notices.map((n) => n.code)).not.toContain('unknown-status');
    expect(await verdictOf(core, 3)).toEqual({ verdict: 'not-eligible', reason: 'inactive' });
    expect(await verdictOf(core, 4)).toEqual({ verdict: 'eligible', reason: null });
    expect(words('id', noticeOf(report, 'status-flag')!)).toContain('1 aktif, 0 tidak aktif');
    expect(words('en', noticeOf(report, 'status-flag')!)).toContain('1 active, 0 not active');
    core.close();
  });

  it('the flag holds past a totals row whose status cell is a count', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'pbi.csv');
    await writeCsvList(path, {
      count: 20, seed: SEED, layout: withStatus((_m, n) => (n % 2 === 0 ? '0' : '1')),
      trailerRows: [['', '', 'JUMLAH', '', '', '10']],
    });
    const report = await importFile(core, path);
    expect(noticeOf(report, 'status-flag')).toBeDefined();
    expect(await verdictOf(core, 2)).toEqual({ verdict: 'not-eligible', reason: 'inactive' });
    core.close();
  });

  it('a STATUS column of only 0 stays VClaim\'s 0 = AKTIF; 0 beside 2 and 9 is a column of codes', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const zeros = await importFile(core, await write(join(dir, 'nol.csv'), 20, withStatus(() => '0')));
    expect(zeros.notices.map((n) => n.code)).not.toContain('status-flag');
    expect(zeros.statusColumn).toEqual({ header: 'STATUS', foundBy: 'header' });
    expect(await verdictOf(core, 5)).toEqual({ verdict: 'eligible', reason: null });
    const codes = await importFile(core, await write(join(dir, 'kode.csv'), 20, withStatus((_m, n) => (n % 4 === 0 ? '2' : n % 4 === 1 ? '1' : '0'))));
    expect(codes.notices.map((n) => n.code)).not.toContain('status-flag');
    expect(await verdictOf(core, 4)).toEqual({ verdict: 'not-eligible', reason: 'deceased' });
    expect(await verdictOf(core, 6)).toEqual({ verdict: 'eligible', reason: null });
    core.close();
  });

  it('the administrator can say the column is no status ("-"): no notice, everyone active', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = await write(join(dir, 'pbi.csv'), 20, withStatus(() => 'DALAM PROSES'));
    const report = await importFile(core, path, { status: '-' });
    expect(report.notices.map((n) => n.code)).toEqual(['no-status-column']);
    expect(await verdictOf(core, 3)).toEqual({ verdict: 'eligible', reason: null });
    core.close();
  });

  it('a remarks column of VALID / BARU / TIDAK VALID is no status column by its values', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const remark = (_m: GeneratedMember, n: number): string => ['NIK VALID', 'VALID', 'BARU', 'PESERTA BARU', 'TERDAFTAR', 'TIDAK VALID'][n % 6]!;
    const report = await importFile(core, await write(join(dir, 'pbi.csv'), 30, withStatus(remark, 'KET')));
    expect(report.statusColumn).toBeNull();
    expect(await verdictOf(core, 6)).toEqual({ verdict: 'eligible', reason: null }); // "NIK VALID"... and TIDAK VALID (row 5) too:
    expect(await verdictOf(core, 5)).toEqual({ verdict: 'eligible', reason: null });
    core.close();
  });

  it('a remarks column found by its status words reads BARU among them as active', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const remark = (_m: GeneratedMember, n: number): string => ['MENINGGAL', 'AKTIF', 'PINDAH', 'BARU', ''][n % 5]!;
    const report = await importFile(core, await write(join(dir, 'pbi.csv'), 30, withStatus(remark, 'KETERANGAN')));
    expect(report.statusColumn).toEqual({ header: 'KETERANGAN', foundBy: 'values' });
    expect(report.notices.map((n) => n.code)).not.toContain('unknown-status');
    expect(await verdictOf(core, 3)).toEqual({ verdict: 'eligible', reason: null });
    expect(await verdictOf(core, 5)).toEqual({ verdict: 'not-eligible', reason: 'deceased' });
    core.close();
  });
});
