/**
 * What an import finds about a whole file: a status kept under another column name, no status
 * column at all, rows repeated word for word, NIKs in scientific notation. Real CSV and XLSX
 * files written by the fixture generators, imported into a real SQLite database.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { formatCoreMessage } from '../../../src/shared/i18n/messages';
import { noticeMessage, type ImportNotice } from '../../../src/shared/lists';
import { memberAt, type GeneratedMember } from '../../fixtures/generate-members';
import type { ListColumn } from '../../fixtures/list-layouts';
import { writeCsvList, writeXlsxList } from '../../fixtures/write-list-files';
import { useTempDir } from '../../helpers/temp';
import { fileFor } from '../../helpers/files';

/** A notice as the screen or the CLI words it. */
const words = (lang: 'id' | 'en', n: ImportNotice): string => formatCoreMessage(lang, noticeMessage(n));

const tempDir = useTempDir();
const NOW = new Date('2026-11-23T03:00:00Z');
const SEED = 11;
const member = (rowNo: number): GeneratedMember => memberAt(SEED, rowNo - 1);

function newCore(dir: string): Core {
  return createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => NOW });
}
const importFile = (core: Core, path: string, mapping?: Record<string, string>) =>
  core.importList({ file: fileFor(core, path), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01', ...(mapping ? { mapping } : {}) });

const col = (header: string, kind: ListColumn['kind'], value: ListColumn['value']): ListColumn => ({ header, kind, value });
const BASE: readonly ListColumn[] = [
  col('NO', 'int', (_m, n) => String(n)),
  col('NIK', 'nik', (m) => m.nik),
  col('NAMA', 'text', (m) => m.name),
  col('TGL LAHIR', 'dob', (m) => `${String(m.birthDay).padStart(2, '0')}-${String(m.birthMonth).padStart(2, '0')}-${m.birthYear}`),
  col('JK', 'text', (m) => m.sex),
];
/** Rows 4, 8, 12... deceased; 5, 9... marked active; the rest empty, as a KET column is. */
const ketValue = (deceased: string) => (_m: GeneratedMember, n: number): string => (n % 4 === 0 ? deceased : n % 4 === 1 ? 'AKTIF' : '');

describe('a status under another column name is found by its values', () => {
  it.each(['KET', 'KETERANGAN', 'CATATAN', 'REMARK', 'REMARKS'])('CSV with the status in %s: the deceased come out not active', async (header) => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'pbi.csv');
    await writeCsvList(path, { count: 20, seed: SEED, layout: [...BASE, col(header, 'text', ketValue('MENINGGAL'))] });
    const report = await importFile(core, path);
    expect(report.statusColumn).toEqual({ header, foundBy: 'values' });
    expect(report.mapping.status).toBe(header);
    expect(report.notices.map((n) => n.code)).toContain('status-by-values');
    expect((await core.lookup({ query: member(4).nik })).verdict).toBe('not-eligible');
    expect((await core.lookup({ query: member(4).nik })).matches[0]?.statusReason).toBe('deceased');
    expect((await core.lookup({ query: member(5).nik })).verdict).toBe('eligible');
    expect((await core.lookup({ query: member(6).nik })).verdict).toBe('eligible'); // empty KET: on the list, covered
    core.close();
  });

  it('XLSX with KETERANGAN holding NON AKTIF, PINDAH and WAFAT', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'pbi.xlsx');
    const words = ['', 'NON AKTIF', '', 'PINDAH', 'WAFAT'];
    await writeXlsxList(path, { count: 25, seed: SEED, layout: [...BASE, col('KETERANGAN', 'text', (_m, n) => words[n % 5] ?? '')] });
    const report = await importFile(core, path);
    expect(report.statusColumn).toEqual({ header: 'KETERANGAN', foundBy: 'values' });
    expect((await core.lookup({ query: member(1).nik })).verdict).toBe('not-eligible'); // NON AKTIF
    expect((await core.lookup({ query: member(4).nik })).matches[0]?.statusReason).toBe('deceased'); // WAFAT
    expect((await core.lookup({ query: member(5).nik })).verdict).toBe('eligible');
    core.close();
  });

  it('the administrator can say there is no status column ("-"): the column found by values is not used', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'pbi.csv');
    await writeCsvList(path, { count: 20, seed: SEED, layout: [...BASE, col('KET', 'text', ketValue('MENINGGAL'))] });
    const preview = await core.inspectListFile({ file: fileFor(core, path), mapping: { status: '-' } });
    expect(preview.statusColumn).toBeNull();
    expect(preview.mapping.status).toBeUndefined();
    const report = await importFile(core, path, { status: '-' });
    expect(report.statusColumn).toBeNull();
    expect(report.notices.map((n) => n.code)).toContain('no-status-column');
    expect((await core.lookup({ query: member(4).nik })).verdict).toBe('eligible');
    core.close();
  });

  it('a column named as the status stays the status; one of status words beside it is read with it (listtester L8)', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'pbi.csv');
    await writeCsvList(path, { count: 20, seed: SEED, layout: [...BASE, col('STATUS', 'text', () => 'AKTIF'), col('KET', 'text', ketValue('MENINGGAL'))] });
    const report = await importFile(core, path);
    expect(report.statusColumn).toEqual({ header: 'STATUS', foundBy: 'header', remarks: 'KET' });
    expect(report.notices.map((n) => n.code)).not.toContain('no-status-column');
    core.close();
  });

  it('is not fooled by counts, yes/no answers, remarks, or too few values', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'pbi.csv');
    await writeCsvList(path, {
      count: 40, seed: SEED,
      layout: [
        ...BASE,
        col('JML ART', 'int', (_m, n) => String((n % 2) + 1)), // "1"/"2" would read active/deceased as codes
        col('DISABILITAS', 'text', (_m, n) => (n % 3 === 0 ? 'YA' : 'TIDAK')),
        col('CATATAN', 'text', (_m, n) => (n % 2 === 0 ? 'LANSIA' : 'IBU HAMIL')),
        col('KET', 'text', (_m, n) => (n % 10 === 0 ? 'MENINGGAL' : '')), // 4 values: fewer than 5
      ],
    });
    const report = await importFile(core, path);
    expect(report.statusColumn).toBeNull();
    expect((await core.lookup({ query: member(10).nik })).verdict).toBe('eligible');
    expect((await core.lookup({ query: member(2).nik })).verdict).toBe('eligible');
    core.close();
  });

  it('below 60 % status words the column is not the status; at 60 % it is', async () => {
    const dir = tempDir();
    const writeWith = async (name: string, statusShare: number) => {
      const path = join(dir, name);
      // 10 non-empty values: the first statusShare*10 are MENINGGAL, the others a remark.
      await writeCsvList(path, { count: 10, seed: SEED, layout: [...BASE, col('KET', 'text', (_m, n) => (n <= statusShare * 10 ? 'MENINGGAL' : 'LANSIA'))] });
      return path;
    };
    const core = newCore(dir);
    expect((await importFile(core, await writeWith('lima.csv', 0.5))).statusColumn).toBeNull();
    expect((await importFile(core, await writeWith('enam.csv', 0.6))).statusColumn).toEqual({ header: 'KET', foundBy: 'values' });
    core.close();
  });

  // Needs the look-up engineer's combined-word rule in src/shared/status.ts (mapListStatus reads
  // "NON AKTIF - MENINGGAL" as Meninggal). Fails on this branch alone; passes after the merge.
  it('[after merge with the combined-word status rule] KET holding "NON AKTIF - MENINGGAL" marks the member deceased', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'pbi.csv');
    await writeCsvList(path, { count: 20, seed: SEED, layout: [...BASE, col('KET', 'text', ketValue('NON AKTIF - MENINGGAL'))] });
    const report = await importFile(core, path);
    expect(report.statusColumn).toEqual({ header: 'KET', foundBy: 'values' });
    const lookup = await core.lookup({ query: member(4).nik });
    expect(lookup.verdict).toBe('not-eligible');
    expect(lookup.matches[0]?.statusReason).toBe('deceased');
    core.close();
  });
});

describe('an import without a status column says so', () => {
  it('reports "no status column: every member counted as active", worded by each caller in its language', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'pbi.csv');
    await writeCsvList(path, { count: 10, seed: SEED, layout: BASE });
    const report = await importFile(core, path);
    expect(report.statusColumn).toBeNull();
    const notice = report.notices.find((n) => n.code === 'no-status-column')!;
    expect(notice).toEqual({ code: 'no-status-column', params: {} });
    expect(words('id', notice)).toContain('Tidak ada kolom status: semua peserta dihitung aktif');
    expect(words('en', notice)).toContain('No status column: every member counted as active');
    core.close();
  });
});

describe('a row repeated word for word is one member', () => {
  /** Rows 6 and 7 repeat rows 2 and 3 exactly; row 8 shares row 4's NIK with another name. */
  const layout: readonly ListColumn[] = [
    col('NIK', 'nik', (m) => m.nik),
    col('NO KARTU', 'card', (m) => m.card),
    col('NAMA', 'text', (m) => m.name),
    col('TGL LAHIR', 'dob', (m) => `${String(m.birthDay).padStart(2, '0')}-${String(m.birthMonth).padStart(2, '0')}-${m.birthYear}`),
    col('STATUS', 'text', () => 'AKTIF'),
    col('ALAMAT', 'text', (m) => m.address),
  ];
  const source = (n: number): number => (n === 6 ? 2 : n === 7 ? 3 : n === 8 ? 4 : n);
  const repeated: readonly ListColumn[] = layout.map((c) => ({
    ...c,
    value: (_m: GeneratedMember, n: number) => (n === 8 && c.header === 'NAMA' ? 'NAMA LAIN SEKALI' : c.value(member(source(n)), source(n))),
  }));

  it.each(['csv', 'xlsx'] as const)('%s: imported once, counted and reported; a shared NIK with other data stays apart and flagged', async (format) => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, `pbi.${format}`);
    if (format === 'csv') await writeCsvList(path, { count: 10, seed: SEED, layout: repeated });
    else await writeXlsxList(path, { count: 10, seed: SEED, layout: repeated, dates: 'text' });
    const report = await importFile(core, path);
    expect(report.rows).toMatchObject({ read: 10, imported: 8, repeated: 2 });
    const headerRow = report.file.headerRow;
    const at = (n: number) => headerRow + n;
    const repeats = report.warnings.filter((w) => w.code === 'row/repeated');
    expect(repeats.map((w) => w.row)).toEqual([at(6), at(7)]);
    expect(repeats[0]?.params).toEqual({ detail: String(at(2)) });
    expect(formatCoreMessage('id', repeats[0]!)).toBe(`Baris sama persis dengan baris ${at(2)}, dihitung sekali`);
    expect(report.notices.map((n) => n.code)).toContain('repeated-rows');

    const once = await core.lookup({ query: member(2).nik });
    expect(once.matches).toHaveLength(1);
    expect(once.matches[0]?.flags ?? []).not.toContain('duplicate-in-list');
    const byName = await core.lookup({ query: member(3).name, dob: `${member(3).birthYear}-${String(member(3).birthMonth).padStart(2, '0')}-${String(member(3).birthDay).padStart(2, '0')}` });
    expect(byName.matches.filter((m) => m.name === member(3).name)).toHaveLength(1);

    const shared = await core.lookup({ query: member(4).nik });
    expect(shared.matches).toHaveLength(2);
    for (const m of shared.matches) expect(m.flags).toContain('duplicate-in-list');
    expect(report.warnings.filter((w) => w.code === 'row/duplicate').map((w) => w.row)).toEqual([at(8)]);
    expect((await core.listLists({}))[0]?.members).toBe(8);
    core.close();
  });
});

describe('NIKs in scientific notation', () => {
  it('are counted apart, with how the members can be found; those with a card are found by card', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const path = join(dir, 'pbi.csv');
    // Rows 2 and 3: "3.67301E+15" as Excel shows a NIK in a numeric cell; row 3 has no card.
    const sci = (m: GeneratedMember): string => `${m.nik[0]}.${m.nik.slice(1, 6)}E+15`;
    await writeCsvList(path, {
      count: 6, seed: SEED,
      layout: [
        col('NIK', 'nik', (m, n) => (n === 2 || n === 3 ? sci(m) : m.nik)),
        col('NO KARTU', 'card', (m, n) => (n === 3 ? '' : m.card)),
        col('NAMA', 'text', (m) => m.name),
        col('STATUS', 'text', () => 'AKTIF'),
      ],
    });
    const report = await importFile(core, path);
    expect(report.rows).toMatchObject({ read: 6, imported: 5, rejected: 1, scientificNik: 2, damagedNik: 0 });
    const notice = report.notices.find((n) => n.code === 'scientific-nik');
    expect(notice?.params).toEqual({ count: 2, withCard: 1, rejected: 1 });
    expect(words('id', notice!)).toContain('2 baris dengan NIK tertulis sebagai angka ilmiah');
    expect(words('id', notice!)).toContain('1 di antaranya punya nomor kartu');
    expect(words('id', notice!)).toContain('nomor kartu atau nama + tanggal lahir');
    expect((await core.lookup({ query: member(2).nik })).verdict).toBe('unknown'); // the NIK cannot find it
    expect((await core.lookup({ query: member(2).card })).verdict).toBe('eligible');
    core.close();
  });
});
