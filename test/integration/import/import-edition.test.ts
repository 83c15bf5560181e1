import { join } from 'node:path';
import { readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { LoketError } from '../../../src/core/errors';
import { formatCoreMessage } from '../../../src/shared/i18n/messages';
import { readEditions } from '../../../src/core/lists/editions.repo';
import { recoverEditions } from '../../../src/core/lists/edition-recovery';
import { DEWI, DJOKO, MISMATCH, RIZKI, SITI, writeSampleCsv, writeSecondEditionCsv } from '../../helpers/sample-list';
import { useTempDir, writeCsv } from '../../helpers/temp';
import { fileFor } from '../../helpers/files';

const tempDir = useTempDir();
const NOW = new Date('2026-11-23T03:00:00Z');

function newCore(dir: string): Core {
  return createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => NOW });
}
const importSample = (core: Core, path: string, list = 'PBI APBD Kota Serang') =>
  core.importList({ file: fileFor(core, path), list, kind: 'pbi-apbd', asOf: '2026-11-01' });

describe('list import', () => {
  it('imports good rows, rejects bad ones by row number, warns, and skips non-member rows', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const report = await importSample(core, writeSampleCsv(dir));
    expect(report.edition).toBe(1);
    expect(report.file).toMatchObject({ format: 'csv', headerRow: 4 });
    expect(report.mapping).toMatchObject({ nik: 'NIK', card: 'NO KARTU', name: 'NAMA PESERTA', dob: 'TGL LAHIR', sex: 'JK', status: 'STATUS' });
    expect(report.rows).toMatchObject({ read: 7, imported: 6, rejected: 1 });
    expect(report.rejects).toEqual([{ row: 9, code: 'row/nik-invalid', params: { detail: 'length' } }]);
    expect(formatCoreMessage('id', report.rejects[0]!)).toBe('NIK tidak valid (harus 16 digit)');
    expect(formatCoreMessage('en', report.rejects[0]!)).toBe('Invalid NIK (must be 16 digits)');
    const byRow = (row: number) => report.warnings.filter((w) => w.row === row).map((w) => w.code);
    expect(byRow(11)).toContain('row/nik-dob-mismatch');
    expect(byRow(12)).toContain('row/duplicate');
    expect(report.rows.skipped).toBeGreaterThanOrEqual(1); // the totals row
    const lists = await core.listLists({});
    expect(lists).toEqual([expect.objectContaining({ name: 'PBI APBD Kota Serang', kind: 'pbi-apbd', edition: 1, members: 6, stale: false, previousEdition: null })]);
    core.close();
  });

  it('a new edition replaces the previous one, which stays for one rollback', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    await importSample(core, writeSampleCsv(dir));
    const second = await importSample(core, writeSecondEditionCsv(dir));
    expect(second.edition).toBe(2);
    expect((await core.lookup({ query: DEWI.nik })).verdict).toBe('eligible');
    expect((await core.lookup({ query: SITI.nik })).verdict).toBe('unknown');
    expect((await core.listLists({}))[0]).toMatchObject({ edition: 2, previousEdition: 1 });

    const back = await core.rollbackList({ list: 'PBI APBD Kota Serang' });
    expect(back).toMatchObject({ edition: 1, previousEdition: null });
    expect((await core.lookup({ query: SITI.nik })).verdict).toBe('eligible');
    expect((await core.lookup({ query: DEWI.nik })).verdict).toBe('unknown');
    await expect(core.rollbackList({ list: 'PBI APBD Kota Serang' })).rejects.toThrow(LoketError);
    core.close();
  });

  it('a third edition drops the first (only one rollback is kept)', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    await importSample(core, writeSampleCsv(dir));
    await importSample(core, writeSecondEditionCsv(dir));
    await importSample(core, writeSampleCsv(dir, 'again.csv'));
    const states = readEditions(core.db, ['current', 'previous', 'retired']).map((e) => [e.edition, e.state]);
    expect(states).toEqual([[1, 'retired'], [2, 'previous'], [3, 'current']]);
    // Each edition is a file of its own: the retired one's is gone, the main file holds no members.
    expect(readdirSync(join(dir, 'loket.db.lists')).sort()).toEqual(['e2.db', 'e3.db']);
    expect(core.db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'members%'`).get()).toEqual({ n: 0 });
    core.close();
  });

  it('a file that is not a list changes nothing and says so clearly', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    await importSample(core, writeSampleCsv(dir));
    const image = join(dir, 'foto.xlsx');
    writeFileSync(image, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    await expect(importSample(core, image)).rejects.toMatchObject({ key: 'list-file/not-a-list' });
    const empty = join(dir, 'kosong.csv');
    writeFileSync(empty, '');
    await expect(importSample(core, empty)).rejects.toMatchObject({ key: 'list-file/empty-file' });
    const headerOnly = writeCsv(join(dir, 'kosong-isi.csv'), [['NIK', 'NAMA']]);
    await expect(importSample(core, headerOnly)).rejects.toMatchObject({ key: 'import/no-members' });
    const allBad = writeCsv(join(dir, 'semua-salah.csv'), [['NIK', 'NAMA'], ['12345', 'SITI'], ['99', 'BUDI']]);
    await expect(importSample(core, allBad)).rejects.toMatchObject({ key: 'import/no-members', params: { read: 2, rejected: 2 } });
    const noId = writeCsv(join(dir, 'tanpa-nik.csv'), [['NAMA', 'ALAMAT'], ['SITI', 'SERANG']]);
    await expect(importSample(core, noId)).rejects.toMatchObject({ key: 'list-file/no-identifier-column' });
    expect((await core.listLists({}))[0]).toMatchObject({ edition: 1, members: 6 });
    expect((await core.lookup({ query: SITI.nik })).verdict).toBe('eligible');
    core.close();
  });

  it('a failure in the middle of an import leaves the previous edition current and searchable', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    await importSample(core, writeSampleCsv(dir));
    // The same database, with a run that fails once its rows are written (as a full disk would).
    const { importList } = await import('../../../src/core/lists/import-list');
    await expect(
      importList(core.db, {
        path: writeSecondEditionCsv(dir),
        list: 'PBI APBD Kota Serang',
        kind: 'pbi-apbd',
        asOf: '2026-11-20',
        onProgress: (p) => {
          if (p.phase === 'indexing') throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect((await core.listLists({}))[0]).toMatchObject({ edition: 1 });
    expect((await core.lookup({ query: SITI.nik })).verdict).toBe('eligible');
    expect((await core.lookup({ query: DEWI.nik })).verdict).toBe('unknown');
    const failed = core.db.prepare(`SELECT state, failure FROM list_editions WHERE edition = 2`).get();
    expect(failed).toEqual({ state: 'failed', failure: 'disk full' });
    core.close();
  });

  it('recovery marks an import whose process died failed and deletes its unlocked building file', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    await importSample(core, writeSampleCsv(dir));
    // Simulate a dead importer: an edition left in 'importing' with a half-written building file nobody locks.
    core.db.prepare(`INSERT INTO list_editions (list_id, edition, state, as_of, source_file, source_sha256, source_format, started_at, heartbeat_at, file)
      VALUES (1, 2, 'importing', '2026-12-01', 'x.csv', 'x', 'csv', ?, ?, 'e2.db')`).run(NOW.toISOString(), NOW.toISOString());
    writeFileSync(join(dir, 'loket.db.lists', 'e2.db.building'), 'half a file');
    writeFileSync(join(dir, 'loket.db.lists', 'e9.db'), 'an orphan');
    expect(recoverEditions(core.db)).toMatchObject({ abandoned: 1, removed: ['e2.db.building', 'e9.db'] });
    expect(readdirSync(join(dir, 'loket.db.lists'))).toEqual(['e1.db']);
    expect(core.db.prepare(`SELECT state FROM list_editions WHERE edition = 2`).get()).toEqual({ state: 'failed' });
    expect((await core.lookup({ query: SITI.nik })).verdict).toBe('eligible');
    core.close();
  });

  it('checks identifiers the way a clerk would: mismatch flags, inactive reasons', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    await importSample(core, writeSampleCsv(dir));
    const mismatch = await core.lookup({ query: MISMATCH.nik });
    expect(mismatch.matches[0]?.flags).toContain('nik-dob-mismatch');
    const djoko = await core.lookup({ query: DJOKO.card });
    expect(djoko).toMatchObject({ kind: 'card', verdict: 'not-eligible' });
    const rizki = await core.lookup({ query: RIZKI.nik });
    expect(rizki.matches[0]).toMatchObject({ name: 'MOCH. RIZKI', dob: '1990-08-17', sex: 'L', address: 'JL. MAWAR 5, CIPOCOK' });
    core.close();
  });
});

describe('before and after an import', () => {
  it('inspectListFile shows the header, the mapping and the first rows without writing anything', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    const preview = await core.inspectListFile({ file: fileFor(core, writeSampleCsv(dir)) });
    expect(preview).toMatchObject({ format: 'csv', headerRow: 4, mapping: { nik: 'NIK', card: 'NO KARTU', name: 'NAMA PESERTA' } });
    expect(preview.sample[0]).toEqual(['1', SITI.nik, SITI.card, 'Siti Aminah', '12-03-1985', 'P', 'AKTIF', 'KP. CIBEBER', 'CIBEBER']);
    expect(await core.listLists({})).toEqual([]);
    const remapped = await core.inspectListFile({ file: fileFor(core, writeSampleCsv(dir)), mapping: { address: 'KELURAHAN' } });
    expect(remapped.mapping.address).toBe('KELURAHAN');
    await expect(core.inspectListFile({ file: fileFor(core, join(dir, 'tidak-ada.csv')) })).rejects.toMatchObject({ key: 'list-file/file-not-found' });
    core.close();
  });

  it('the rejected rows and warnings of the current edition download as CSV; no dialog outside the desktop app', async () => {
    const dir = tempDir();
    const core = newCore(dir);
    await importSample(core, writeSampleCsv(dir));
    const path = join(dir, 'ditolak.csv');
    const out = await core.exportImportIssues({ list: 'PBI APBD Kota Serang', file: fileFor(core, path, 'save-csv') });
    expect(out.name).toBe('ditolak.csv');
    expect(out.rows).toBeGreaterThan(1);
    const text = (await import('node:fs')).readFileSync(path, 'utf8');
    expect(text.startsWith('\ufeffBaris;Jenis;Kode;Alasan')).toBe(true);
    expect(text).toContain('9;ditolak;row/nik-invalid;NIK tidak valid (harus 16 digit)');
    expect(await core.pickFile({ purpose: 'open-list' })).toEqual({ file: null });
    core.close();
  });
});
