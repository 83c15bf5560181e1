import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { dispatch } from '../../../src/core/dispatch';
import { databaseFileState, keyFilePathOf, nextKeyPathOf } from '../../../src/core/store/database-key';
import { DatabaseKeyError } from '../../../src/core/store/database-key-error';
import { keyConfigOf, resolveFileKey } from '../../../src/core/store/resolve-file-key';
import { openDatabase } from '../../../src/core/store/open-database';
import { keyBeside, openKeyedCore, rawBytesHold, snapshotDir } from '../../helpers/keyed-database';
import { RIZKI, SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

/** Each import a day later: the same file again on the same date would be refused as the current edition again. */
let imports = 0;
const nextAsOf = (): string => `2026-11-${String(++imports % 28 + 1).padStart(2, '0')}`;

async function importSample(core: Core, dir: string): Promise<void> {
  await core.importList({ file: core.registerFile(writeSampleCsv(dir, `s-${Math.random()}.csv`), 'open-list').handle, list: 'PBI', kind: 'pbi-apbd', asOf: nextAsOf() });
}

/** A plain database as Loket made them before encryption was the default: a list edition and a patient. */
async function plainDatabase(dir: string): Promise<string> {
  const dbPath = join(dir, 'loket.db');
  const core = createCore({ dbPath, workerScript: null, bpjsBackground: false });
  await importSample(core, dir);
  await core.createPatient({ nik: RIZKI.nik, name: RIZKI.name, dob: RIZKI.dob });
  core.close();
  return dbPath;
}

/** Adds a table of rows to a plain database and overwrites its one page with noise: SQLite reads the file until it reads that table. */
function damagePageOfNewTable(dbPath: string): void {
  const db = new Database(dbPath);
  db.exec(`CREATE TABLE damaged_here (x TEXT); INSERT INTO damaged_here VALUES ('a'), ('b');`);
  const page = db.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'damaged_here'`).pluck().get() as number;
  const size = db.pragma('page_size', { simple: true }) as number;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const fd = openSync(dbPath, 'r+');
  writeSync(fd, Buffer.alloc(size, 0xee), 0, size, (page - 1) * size);
  closeSync(fd);
}

const allFiles = (dbPath: string): string[] => [dbPath, ...readdirSync(`${dbPath}.lists`).map((name) => join(`${dbPath}.lists`, name))];

describe('a new database is encrypted by default', () => {
  it('gets a random key in <db>.key (0600, plain form, made = warn); no plain identifier reaches the files', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'loket.db');
    const resolved = resolveFileKey({ dbPath, mayCreate: true, env: {} });
    expect(resolved.made).toBe(true);
    expect(resolved.key).toMatch(/^raw:[0-9a-f]{64}$/);
    if (process.platform !== 'win32') expect(statSync(keyFilePathOf(dbPath)).mode & 0o777).toBe(0o600);
    const core = createCore({ dbPath, workerScript: null, bpjsBackground: false, ...keyConfigOf(resolved) });
    await importSample(core, dir);
    await core.createPatient({ nik: RIZKI.nik, name: RIZKI.name, dob: RIZKI.dob });
    expect(await core.databaseSecurity({})).toEqual({ encrypted: true, keyStore: 'key-file', warning: 'security/key-beside-data', converted: false, notices: [] });
    core.close();
    expect(databaseFileState(dbPath)).toBe('encrypted');
    for (const file of allFiles(dbPath)) {
      expect(rawBytesHold(file, SITI.nik), file).toBe(false);
      expect(rawBytesHold(file, RIZKI.nik), file).toBe(false);
    }
    // The next open finds the same key beside it and makes none.
    expect(resolveFileKey({ dbPath, mayCreate: true, env: {} })).toMatchObject({ key: resolved.key, made: false });
  });

  it('a command that may not create a database makes no key for a missing one', () => {
    const dbPath = join(tempDir(), 'loket.db');
    expect(resolveFileKey({ dbPath, mayCreate: false, env: {} })).toEqual({ made: false });
    expect(existsSync(keyFilePathOf(dbPath))).toBe(false);
  });
});

describe('a plain database is converted once', () => {
  it('encrypts the main file and every edition file, keeps every row, leaves no plain backup or journal', async () => {
    const dir = tempDir();
    const dbPath = await plainDatabase(dir);
    expect(rawBytesHold(join(`${dbPath}.lists`, readdirSync(`${dbPath}.lists`)[0]!), SITI.nik)).toBe(true);
    const core = openKeyedCore(dbPath);
    expect(await core.databaseSecurity({})).toMatchObject({ encrypted: true, converted: true, warning: 'security/key-beside-data' });
    expect((await core.lookup({ query: SITI.nik })).verdict).not.toBe('not-found');
    expect(await core.findPatient({ nik: RIZKI.nik })).toMatchObject({ name: RIZKI.name });
    core.close();
    for (const file of allFiles(dbPath)) {
      expect(databaseFileState(file), file).toBe('encrypted');
      expect(rawBytesHold(file, SITI.nik), file).toBe(false);
      expect(rawBytesHold(file, RIZKI.nik), file).toBe(false);
    }
    expect(readdirSync(dir).filter((name) => /plain-backup|encrypting|-journal/.test(name))).toEqual([]);
    // Opened again: already encrypted, nothing more to convert.
    const again = openKeyedCore(dbPath);
    expect(await again.databaseSecurity({})).toMatchObject({ encrypted: true, converted: false });
    again.close();
  });

  it('a damaged edition file is set aside as it is (plain, never deleted); the database and the other editions are encrypted; the notice names the file', async () => {
    const dir = tempDir();
    const dbPath = await plainDatabase(dir);
    // A second import: e1 becomes the rollback copy, e2 the current edition (as after the tester's re-import).
    const plain = createCore({ dbPath, workerScript: null, bpjsBackground: false });
    await importSample(plain, dir);
    plain.close();
    // A disk error, a half-copied folder: the edition file cut short, as `head -c` does.
    const lists = `${dbPath}.lists`;
    const damaged = join(lists, 'e1.db');
    const bytes = readFileSync(damaged);
    writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const damagedBytes = readFileSync(damaged);
    const core = openKeyedCore(dbPath);
    const view = await core.databaseSecurity({});
    expect(view).toMatchObject({ encrypted: true, converted: true, warning: 'security/key-beside-data' });
    const aside = readdirSync(lists).filter((name) => name.startsWith('e1.db.tidak-terbaca-'));
    expect(aside).toHaveLength(1);
    const asidePath = join(lists, aside[0]!);
    expect(view.notices).toEqual([{ code: 'security/plain-file-set-aside', params: { file: asidePath, list: 'PBI' } }]);
    expect(core.startNotices).toEqual(view.notices);
    expect(await core.findPatient({ nik: RIZKI.nik })).toMatchObject({ name: RIZKI.name });
    expect((await core.lookup({ query: SITI.nik })).verdict).not.toBe('not-found');
    // A new edition after it is encrypted too.
    await importSample(core, dir);
    core.close();
    expect(readFileSync(asidePath).equals(damagedBytes)).toBe(true); // kept byte for byte: nothing lost
    for (const file of allFiles(dbPath).filter((file) => file !== asidePath)) {
      expect(databaseFileState(file), file).toBe('encrypted');
      expect(rawBytesHold(file, SITI.nik), file).toBe(false);
    }
    expect(readdirSync(dir).filter((name) => /plain-backup|encrypting/.test(name))).toEqual([]);
    // Said again at every start until the file set aside is deleted.
    const again = openKeyedCore(dbPath);
    expect(again.startNotices).toEqual(view.notices);
    again.close();
    rmSync(asidePath);
    const clean = openKeyedCore(dbPath);
    expect((await clean.databaseSecurity({})).notices).toEqual([]);
    clean.close();
  });

  it('a main file that cannot be converted: everything stays plain and working, the file is named, and no backup or list is written plain', async () => {
    const dir = tempDir();
    const dbPath = await plainDatabase(dir);
    const before = snapshotDir(`${dbPath}.lists`);
    // The main file damaged in one place that the counter's work never reads (a table of its own, its page overwritten):
    // Loket opens it, the conversion (which reads every row) cannot copy it.
    damagePageOfNewTable(dbPath);
    const core = openKeyedCore(dbPath);
    const view = await core.databaseSecurity({});
    expect(view).toMatchObject({ encrypted: false, warning: 'security/conversion-failed' });
    expect(view.notices).toEqual([{ code: 'security/conversion-failed-file', params: { file: dbPath, cause: expect.stringMatching(/malformed/i) } }]);
    expect(await core.findPatient({ nik: RIZKI.nik })).toMatchObject({ name: RIZKI.name });
    const backup = join(dir, 'cadangan.db');
    await expect(core.backupDatabase({ file: core.registerFile(backup, 'save-backup').handle })).rejects.toMatchObject({ key: 'security/backup-not-encrypted' });
    expect(existsSync(backup)).toBe(false);
    await expect(importSample(core, dir)).rejects.toMatchObject({ key: 'security/edition-not-encrypted' });
    core.close();
    expect(databaseFileState(dbPath)).toBe('plain');
    expect(readdirSync(dir).filter((name) => /plain-backup|encrypting/.test(name))).toEqual([]);
    expect(snapshotDir(`${dbPath}.lists`)).toEqual(before); // no new edition file, plain or not
    // The next start tries again (and says it again while the file stays damaged).
    const next = openKeyedCore(dbPath);
    expect(await next.databaseSecurity({})).toMatchObject({ encrypted: false, warning: 'security/conversion-failed' });
    next.close();
  });
});

describe('a wrong or missing key fails clearly and changes nothing on disk', () => {
  async function encryptedDatabase(): Promise<{ dir: string; dbPath: string }> {
    const dir = tempDir();
    const dbPath = join(dir, 'loket.db');
    const core = openKeyedCore(dbPath);
    await importSample(core, dir);
    core.close();
    rmSync(join(dir, readdirSync(dir).find((n) => n.endsWith('.csv'))!));
    return { dir, dbPath };
  }

  it('a wrong LOKET_DB_KEY: database/wrong-key', async () => {
    const { dir, dbPath } = await encryptedDatabase();
    const before = snapshotDir(dir);
    expect(() => openKeyedCore(dbPath, {}, { LOKET_DB_KEY: 'bukan-kuncinya' })).toThrow(expect.objectContaining({ name: 'DatabaseKeyError', problem: 'wrong-key' }));
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('<db>.key gone while the database is encrypted: key-missing, and no new key is made', async () => {
    const { dir, dbPath } = await encryptedDatabase();
    rmSync(keyFilePathOf(dbPath));
    const before = snapshotDir(dir);
    expect(() => openKeyedCore(dbPath)).toThrow(expect.objectContaining({ problem: 'key-missing' }));
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('the key file is there but the database is gone: database-missing, no empty database in its place', async () => {
    const { dir, dbPath } = await encryptedDatabase();
    for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
    const before = snapshotDir(dir);
    expect(() => openKeyedCore(dbPath)).toThrow(expect.objectContaining({ problem: 'database-missing' }));
    expect(snapshotDir(dir)).toEqual(before);
    expect(existsSync(dbPath)).toBe(false);
  });

  it('an empty key file: key-file-damaged', async () => {
    const { dir, dbPath } = await encryptedDatabase();
    writeFileSync(keyFilePathOf(dbPath), '# nothing here\n');
    const before = snapshotDir(dir);
    expect(() => openKeyedCore(dbPath)).toThrow(expect.objectContaining({ problem: 'key-file-damaged' }));
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('a key file sealed by the OS store cannot be used here: key-sealed (the recovery key is the way)', async () => {
    const { dir, dbPath } = await encryptedDatabase();
    writeFileSync(keyFilePathOf(dbPath), 'os1:AAAA\n');
    const before = snapshotDir(dir);
    expect(() => openKeyedCore(dbPath)).toThrow(DatabaseKeyError);
    expect(() => openKeyedCore(dbPath)).toThrow(expect.objectContaining({ problem: 'key-sealed' }));
    expect(snapshotDir(dir)).toEqual(before);
  });
});

describe('re-key, recovery key, backup', () => {
  it('rekeyDatabase: a new key in the key file opens every file; the old key opens none', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'loket.db');
    const core = openKeyedCore(dbPath);
    await importSample(core, dir);
    const oldKey = keyBeside(dbPath);
    const result = await dispatch(core, 'rekeyDatabase', {});
    expect(result).toMatchObject({ ok: true, value: { encrypted: true } });
    const newKey = keyBeside(dbPath);
    expect(newKey).not.toBe(oldKey);
    expect(existsSync(nextKeyPathOf(keyFilePathOf(dbPath)))).toBe(false);
    // Still working after the re-key: a look-up reopens the edition, a second import uses the new key.
    expect((await core.lookup({ query: SITI.nik })).verdict).not.toBe('not-found');
    await importSample(core, dir);
    core.close();
    for (const file of allFiles(dbPath)) {
      expect(() => openDatabase(file, { key: oldKey, readonly: true }).close(), file).toThrow();
    }
    const reopened = openKeyedCore(dbPath);
    expect((await reopened.lookup({ query: SITI.nik })).verdict).not.toBe('not-found');
    reopened.close();
  });

  it('a re-key while another process uses the database is refused before anything changes; the counter keeps working', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'loket.db');
    const core = openKeyedCore(dbPath);
    await importSample(core, dir);
    const key = keyBeside(dbPath);
    const other = openDatabase(dbPath, { key }); // the CLI, say, in the middle of its command
    try {
      const before = snapshotDir(`${dbPath}.lists`);
      expect(await dispatch(core, 'rekeyDatabase', {})).toMatchObject({ ok: false, error: { code: 'security/database-busy' } });
      expect(keyBeside(dbPath)).toBe(key);
      expect(existsSync(nextKeyPathOf(keyFilePathOf(dbPath)))).toBe(false);
      expect(snapshotDir(`${dbPath}.lists`)).toEqual(before);
      expect((await core.lookup({ query: SITI.nik })).verdict).not.toBe('not-found');
    } finally {
      other.close();
      core.close();
    }
  });

  it('rekeyDatabase refuses a key given by LOKET_DB_KEY (no key file to write it to)', async () => {
    const dbPath = join(tempDir(), 'loket.db');
    const core = openKeyedCore(dbPath, {}, { LOKET_DB_KEY: 'kunci-dari-ti' });
    expect(await dispatch(core, 'rekeyDatabase', {})).toMatchObject({ ok: false, error: { code: 'security/key-not-in-file' } });
    core.close();
  });

  it('the recovery key opens a copy of the database elsewhere (--key-file)', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'loket.db');
    const core = openKeyedCore(dbPath);
    await importSample(core, dir);
    const keyOut = join(tempDir(), 'kunci-pemulihan.txt');
    expect(await dispatch(core, 'exportRecoveryKey', { file: core.registerFile(keyOut, 'save-key').handle })).toEqual({ ok: true, value: { name: 'kunci-pemulihan.txt' } });
    const backupDir = tempDir();
    const backup = join(backupDir, 'cadangan.db');
    expect(await dispatch(core, 'backupDatabase', { file: core.registerFile(backup, 'save-backup').handle })).toEqual({ ok: true, value: { name: 'cadangan.db', editions: 1 } });
    core.close();
    if (process.platform !== 'win32') expect(statSync(keyOut).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyOut, 'utf8')).toContain(keyBeside(dbPath));
    // The backup: encrypted, no plain identifier in its bytes, and it opens with the recovery key.
    for (const file of [backup, join(`${backup}.lists`, readdirSync(`${backup}.lists`)[0]!)]) {
      expect(databaseFileState(file)).toBe('encrypted');
      expect(rawBytesHold(file, SITI.nik)).toBe(false);
    }
    expect(readdirSync(backupDir).filter((n) => !n.startsWith('cadangan.db'))).toEqual([]);
    const restored = createCore({ dbPath: backup, workerScript: null, bpjsBackground: false, ...keyConfigOf(resolveFileKey({ dbPath: backup, keyFile: keyOut, mayCreate: false, env: {} })) });
    expect((await restored.lookup({ query: SITI.nik })).verdict).not.toBe('not-found');
    restored.close();
  });

  it('a wrong handle purpose is refused: the key never goes to a CSV handle', async () => {
    const dir = tempDir();
    const core = openKeyedCore(join(dir, 'loket.db'));
    const result = await dispatch(core, 'exportRecoveryKey', { file: core.registerFile(join(dir, 'x.csv'), 'save-csv').handle });
    expect(result).toMatchObject({ ok: false, error: { code: 'file/wrong-purpose' } });
    core.close();
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  });
});

