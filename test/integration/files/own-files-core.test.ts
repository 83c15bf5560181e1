import { existsSync, linkSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core, FilePurpose } from '../../../src/core/core';
import { dispatch } from '../../../src/core/dispatch';
import { keyFilePathOf } from '../../../src/core/store/database-key';
import { keyConfigOf, resolveFileKey } from '../../../src/core/store/resolve-file-key';
import { createCore } from '../../../src/core/core';
import type { MethodName } from '../../../src/shared/contract';
import { formatContractError } from '../../../src/shared/i18n/format-error';
import { openKeyedCore, snapshotDir } from '../../helpers/keyed-database';
import { RIZKI, SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

/** Every contract method that writes a file the person chose, with the purpose of its handle and the rest of its input. */
const WRITERS: { method: MethodName; purpose: FilePurpose; input: Record<string, unknown> }[] = [
  { method: 'exportReport', purpose: 'save-csv', input: { report: 'recap', from: '2026-11-01', to: '2026-11-30', format: 'csv' } },
  { method: 'exportReport', purpose: 'save-xlsx', input: { report: 'register', from: '2026-11-01', to: '2026-11-30', format: 'xlsx' } },
  { method: 'exportAudit', purpose: 'save-csv', input: { from: '2026-11-01', to: '2026-11-30', format: 'csv' } },
  { method: 'exportMembers', purpose: 'save-csv', input: { list: 'PBI', format: 'csv' } },
  { method: 'exportImportIssues', purpose: 'save-csv', input: { list: 'PBI' } },
  { method: 'exportBridgeLog', purpose: 'save-xlsx', input: { format: 'xlsx' } },
  { method: 'exportSlipPdf', purpose: 'save-pdf', input: { visitId: 1 } },
  { method: 'exportRecoveryKey', purpose: 'save-key', input: {} },
  { method: 'backupDatabase', purpose: 'save-backup', input: {} },
];

/** A keyed database with a list edition, a patient and a visit, as a counter has after a morning. */
async function workingDatabase(dir: string): Promise<{ dbPath: string; core: Core }> {
  const dbPath = join(dir, 'loket.db');
  const core = openKeyedCore(dbPath);
  await core.importList({ file: core.registerFile(writeSampleCsv(dir), 'open-list').handle, list: 'PBI', kind: 'pbi-apbd', asOf: '2026-11-01' });
  const patient = await core.createPatient({ nik: RIZKI.nik, name: RIZKI.name, dob: RIZKI.dob });
  await core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: 'eligible' });
  return { dbPath, core };
}

/** The database still whole: it opens, its list is read, its visit and its audit chain are there. */
async function expectWhole(dbPath: string, key: string): Promise<void> {
  const core = createCore({ dbPath, workerScript: null, bpjsBackground: false, actor: { username: 'cli:test', role: 'admin' }, ...keyConfigOf(resolveFileKey({ dbPath, mayCreate: false, env: {} })) });
  try {
    expect(readFileSync(keyFilePathOf(dbPath), 'utf8')).toBe(key);
    expect((await core.lookup({ query: SITI.nik })).verdict).toBe('eligible');
    const lists = await core.listLists({});
    expect(lists.map((l) => [l.name, l.unreadable])).toEqual([['PBI', undefined]]);
    expect(await core.findPatient({ nik: RIZKI.nik })).toMatchObject({ name: RIZKI.name });
    expect(await core.verifyAudit({})).toMatchObject({ ok: true });
  } finally {
    core.close();
  }
}

describe("no export, backup or recovery key ever lands on the core's own files", () => {
  it('refuses the database, its WAL/SHM/journal, its key file and anything in its lists folder, for every file-writing method; nothing is written', async () => {
    const dir = tempDir();
    const { dbPath, core } = await workingDatabase(dir);
    const key = readFileSync(keyFilePathOf(dbPath), 'utf8');
    const editions = snapshotDir(`${dbPath}.lists`);
    symlinkSync(dbPath, join(dir, 'link-to-db.db'));
    symlinkSync(`${dbPath}-journal`, join(dir, 'link-to-journal.db')); // dangling: writing through it would make loket.db-journal
    symlinkSync(`${dbPath}.lists`, join(dir, 'link-to-lists'));
    linkSync(dbPath, join(dir, 'hard-link.db'));
    const targets = [
      dbPath,
      `${dbPath}-wal`,
      `${dbPath}-shm`,
      `${dbPath}-journal`,
      keyFilePathOf(dbPath),
      `${dbPath}.lists`,
      join(`${dbPath}.lists`, 'e1.db'),
      join(`${dbPath}.lists`, 'laporan.csv'),
      join(`${dbPath}.lists`, 'belum-ada', 'laporan.csv'), // a folder that does not exist yet is still inside
      join(dir, 'belum-ada', '..', 'loket.db'),
      join(dir, 'link-to-db.db'),
      join(dir, 'link-to-journal.db'),
      join(dir, 'link-to-lists', 'laporan.csv'),
      join(dir, 'hard-link.db'),
      join(dir, 'loket-secret.key'),
    ];
    for (const target of targets) {
      for (const { method, purpose, input } of WRITERS) {
        const result = await dispatch(core, method, { ...input, file: core.registerFile(target, purpose).handle } as never);
        expect(result, `${method} → ${target}`).toMatchObject({ ok: false, error: { code: 'file/own-file' } });
      }
    }
    expect(existsSync(`${dbPath}-journal`)).toBe(false);
    expect(existsSync(join(`${dbPath}.lists`, 'laporan.csv'))).toBe(false);
    expect(existsSync(join(`${dbPath}.lists`, 'belum-ada'))).toBe(false);
    // The refusal is worded, says to choose another place, and is in the trail as a failed export.
    const refused = await dispatch(core, 'exportReport', { ...WRITERS[0]!.input, file: core.registerFile(dbPath, 'save-csv').handle } as never);
    if (refused.ok) throw new Error('not refused');
    expect(formatContractError('id', refused.error)).toMatch(/berkas data Loket sendiri.*pilih tempat lain/);
    expect(formatContractError('en', refused.error)).toMatch(/Loket's own data files.*choose another place/);
    const trail = await core.auditEntries({ limit: 1, action: 'export' });
    expect(trail.entries[0]!.detail).toMatchObject({ method: 'exportReport', ok: false, error: 'file/own-file' });
    core.close();
    expect(snapshotDir(`${dbPath}.lists`)).toEqual(editions);
    await expectWhole(dbPath, key);
  });

  it('refuses a clerk who picks loket.db to save a report (the app runs as the clerk, who owns the data folder)', async () => {
    const dir = tempDir();
    const { dbPath, core: admin } = await workingDatabase(dir);
    const key = readFileSync(keyFilePathOf(dbPath), 'utf8');
    admin.close();
    const clerk = createCore({ dbPath, workerScript: null, bpjsBackground: false, actor: { username: 'eko', role: 'clerk' }, ...keyConfigOf(resolveFileKey({ dbPath, mayCreate: false, env: {} })) });
    const result = await dispatch(clerk, 'exportReport', { report: 'recap', from: '2026-11-01', to: '2026-11-30', format: 'csv', file: clerk.registerFile(dbPath, 'save-csv').handle });
    expect(result).toMatchObject({ ok: false, error: { code: 'file/own-file' } });
    // A place of its own is fine.
    const elsewhere = join(tempDir(), 'rekap.csv');
    expect(await dispatch(clerk, 'exportReport', { report: 'recap', from: '2026-11-01', to: '2026-11-30', format: 'csv', file: clerk.registerFile(elsewhere, 'save-csv').handle })).toMatchObject({ ok: true });
    clerk.close();
    await expectWhole(dbPath, key);
  });

  it('refuses the key file the core was given elsewhere (a recovery key used as --key-file), also by another letter case where names ignore case', async () => {
    const dir = tempDir();
    const { dbPath, core: first } = await workingDatabase(dir);
    const usb = tempDir();
    const recovery = join(usb, 'kunci-pemulihan.txt');
    expect(await dispatch(first, 'exportRecoveryKey', { file: first.registerFile(recovery, 'save-key').handle })).toMatchObject({ ok: true });
    first.close();
    const core = createCore({ dbPath, workerScript: null, bpjsBackground: false, actor: { username: 'cli:test', role: 'admin' }, ...keyConfigOf(resolveFileKey({ dbPath, keyFile: recovery, mayCreate: false, env: {} })) });
    expect(await dispatch(core, 'exportRecoveryKey', { file: core.registerFile(recovery, 'save-key').handle })).toMatchObject({ ok: false, error: { code: 'file/own-file' } });
    const caseFolds = process.platform === 'win32' || process.platform === 'darwin';
    const upper = await dispatch(core, 'backupDatabase', { file: core.registerFile(join(dir, 'LOKET.DB'), 'save-backup').handle });
    if (caseFolds) expect(upper).toMatchObject({ ok: false, error: { code: 'file/own-file' } });
    else expect(upper).toMatchObject({ ok: true }); // another file where names keep their case
    core.close();
  });
});

describe('a place to save that cannot be used is said in words', () => {
  it('a folder that does not exist: names the folder and says to choose an existing one; nothing is written', async () => {
    const dir = tempDir();
    const { core } = await workingDatabase(dir);
    const missing = join(tempDir(), 'flashdisk', 'cadangan');
    for (const { method, purpose, input } of WRITERS) {
      const result = await dispatch(core, method, { ...input, file: core.registerFile(join(missing, 'x.db'), purpose).handle } as never);
      expect(result, method).toMatchObject({ ok: false, error: { code: 'file/folder-missing', params: { folder: missing } } });
    }
    const result = await dispatch(core, 'backupDatabase', { file: core.registerFile(join(missing, 'cad.db'), 'save-backup').handle });
    if (result.ok) throw new Error('not refused');
    expect(formatContractError('id', result.error)).toBe(`Folder ${missing} tidak ada. Pilih folder yang ada (mis. flashdisk yang terpasang), lalu simpan lagi; tidak ada yang ditulis.`);
    expect(formatContractError('en', result.error)).toContain(`The folder ${missing} does not exist. Choose an existing folder (e.g. a USB drive`);
    expect(existsSync(missing)).toBe(false);
    // A file where the folder should be is no folder either; a folder chosen as the file is said so.
    const file = join(dir, 'catatan.txt');
    writeFileSync(file, 'x');
    expect(await dispatch(core, 'backupDatabase', { file: core.registerFile(join(file, 'cad.db'), 'save-backup').handle })).toMatchObject({ ok: false, error: { code: 'file/folder-missing' } });
    const folder = join(dir, 'sudah-folder');
    mkdirSync(folder);
    expect(await dispatch(core, 'backupDatabase', { file: core.registerFile(folder, 'save-backup').handle })).toMatchObject({ ok: false, error: { code: 'file/is-folder', params: { path: folder } } });
    core.close();
  });
});

describe('backupDatabase replaces only what a backup wrote', () => {
  it('a previous backup at the same place is replaced: main file, its journals and its editions', async () => {
    const dir = tempDir();
    const { core } = await workingDatabase(dir);
    const target = join(tempDir(), 'cadangan.db');
    const handle = () => core.registerFile(target, 'save-backup').handle;
    expect(await dispatch(core, 'backupDatabase', { file: handle() })).toMatchObject({ ok: true, value: { editions: 1 } });
    // A later edition: the old one becomes "previous", both are in the next backup; a stale one from an old backup goes.
    await core.importList({ file: core.registerFile(writeSampleCsv(dir, 'lagi.csv'), 'open-list').handle, list: 'PBI', kind: 'pbi-apbd', asOf: '2026-11-15' });
    writeFileSync(join(`${target}.lists`, 'e99.db'), 'stale');
    writeFileSync(`${target}-wal`, 'stale');
    expect(await dispatch(core, 'backupDatabase', { file: handle() })).toMatchObject({ ok: true, value: { editions: 2 } });
    expect(Object.keys(snapshotDir(`${target}.lists`)).sort()).toEqual(['e1.db', 'e2.db']);
    expect(existsSync(`${target}-wal`)).toBe(false);
    if (process.platform !== 'win32') {
      // As private as the database: the main file too, not only the editions.
      expect(statSync(target).mode & 0o777).toBe(0o600);
      expect(statSync(join(`${target}.lists`, 'e1.db')).mode & 0o777).toBe(0o600);
      expect(statSync(`${target}.lists`).mode & 0o777).toBe(0o700);
    }
    core.close();
  });

  it('a <target>.lists folder holding anything else is not a backup\'s: refused before anything is deleted', async () => {
    const dir = tempDir();
    const { core } = await workingDatabase(dir);
    const usb = tempDir();
    const target = join(usb, 'data.db');
    mkdirSync(`${target}.lists`);
    writeFileSync(join(`${target}.lists`, 'skripsi.docx'), 'bab 1');
    writeFileSync(join(`${target}.lists`, 'e1.db'), 'something called e1.db');
    writeFileSync(target, 'an older file the person chose to overwrite');
    const before = snapshotDir(usb);
    const result = await dispatch(core, 'backupDatabase', { file: core.registerFile(target, 'save-backup').handle });
    expect(result).toMatchObject({ ok: false, error: { code: 'backup/lists-folder-taken', params: { folder: `${target}.lists` } } });
    if (result.ok) return;
    expect(formatContractError('id', result.error)).toContain('bukan cadangan Loket. Pilih nama atau folder lain');
    expect(snapshotDir(usb)).toEqual(before);
    // A sub-folder, or a file where the folder would be, is refused the same way.
    const other = join(usb, 'lain.db');
    writeFileSync(`${other}.lists`, 'a file, not a folder');
    expect(await dispatch(core, 'backupDatabase', { file: core.registerFile(other, 'save-backup').handle })).toMatchObject({ ok: false, error: { code: 'backup/lists-folder-taken' } });
    const third = join(usb, 'ketiga.db');
    mkdirSync(join(`${third}.lists`, 'foto'), { recursive: true });
    expect(await dispatch(core, 'backupDatabase', { file: core.registerFile(third, 'save-backup').handle })).toMatchObject({ ok: false, error: { code: 'backup/lists-folder-taken' } });
    expect(existsSync(join(`${third}.lists`, 'foto'))).toBe(true);
    core.close();
  });
});
