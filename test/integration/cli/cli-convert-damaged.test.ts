import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { databaseFileState, keyFilePathOf } from '../../../src/core/store/database-key';
import { rawBytesHold } from '../../helpers/keyed-database';
import { loket, requireBuiltCli } from '../../helpers/loket-command';
import { RIZKI, SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';

/**
 * protecttester P10 and P11 through the built `loket` command, a process of its own whose start
 * converts a plain database (as an older Loket left it) or tightens the files beside it.
 */
const cli = (args: string[], env: Record<string, string> = {}) => loket(args, { LOKET_DB_KEY: '', LOKET_DB_KEY_FILE: '', ...env });

const tempDir = useTempDir();

beforeAll(requireBuiltCli);

/** A plain database with a list edition and a patient, as Loket made them before encryption was the default. */
async function plainDatabase(dir: string): Promise<string> {
  const dbPath = join(dir, 'loket.db');
  const core = createCore({ dbPath, workerScript: null, bpjsBackground: false });
  await core.importList({ file: core.registerFile(writeSampleCsv(dir), 'open-list').handle, list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
  await core.createPatient({ nik: RIZKI.nik, name: RIZKI.name, dob: RIZKI.dob });
  core.close();
  return dbPath;
}

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('a plain database whose list edition is damaged (P10)', () => {
  it('is encrypted at the first start all the same; the damaged file is set aside whole and named in Indonesian (English with --lang en); later editions and backups are encrypted', async () => {
    const dir = tempDir();
    const db = await plainDatabase(dir);
    const lists = `${db}.lists`;
    const edition = join(lists, 'e1.db');
    // A disk error, a half-copied folder: `head -c` of the file.
    const whole = readFileSync(edition);
    writeFileSync(edition, whole.subarray(0, Math.floor(whole.length / 2)));
    const damaged = readFileSync(edition);

    const first = await cli(['lists', '--db', db]);
    // Exit 1: the list is unreadable until it is imported again (as `loket lists` says of any missing edition file).
    expect(first.code, first.stderr).toBe(1);
    expect(first.stdout).toMatch(/PBI APBD .*\n {2}TIDAK DAPAT DIBACA: berkas e1.db tidak ada/);
    const aside = readdirSync(lists).filter((name) => name.startsWith('e1.db.tidak-terbaca-'));
    expect(aside).toHaveLength(1);
    const asidePath = join(lists, aside[0]!);
    expect(readFileSync(asidePath).equals(damaged)).toBe(true); // never deleted, never changed
    expect(first.stderr).toContain(`Berkas daftar "PBI APBD" tidak dapat dibaca, jadi tidak dapat dienkripsi: Loket menyisihkannya (tidak dihapus) sebagai ${asidePath}`);
    expect(first.stderr).toMatch(/impor ulang berkas daftarnya; lalu hapus berkas yang disisihkan itu/);
    expect(first.stderr).not.toMatch(/stays plain|kept plain/);
    expect(databaseFileState(db)).toBe('encrypted');
    expect(rawBytesHold(db, RIZKI.nik)).toBe(false);

    // What the message says: import the list again. The new edition is encrypted.
    const imported = await cli(['import', writeSampleCsv(dir, 'lagi.csv'), '--list', 'PBI APBD', '--kind', 'pbi-apbd', '--as-of', '2026-11-20', '--db', db]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(databaseFileState(join(lists, 'e2.db'))).toBe('encrypted');
    expect(rawBytesHold(join(lists, 'e2.db'), SITI.nik)).toBe(false);

    const backup = join(dir, 'cadangan.db');
    const backedUp = await cli(['backup', '--db', db, '--out', backup]);
    expect(backedUp.code, backedUp.stderr).toBe(0);
    expect(databaseFileState(backup)).toBe('encrypted');
    expect(rawBytesHold(backup, RIZKI.nik)).toBe(false);

    // Said at every run until the file set aside is deleted; in the language asked.
    const english = await cli(['lists', '--db', db, '--lang', 'en']);
    expect(english.code, english.stderr).toBe(0);
    expect(english.stderr).toContain(`A list file of "PBI APBD" could not be read, so it could not be encrypted: Loket set it aside (not deleted) as ${asidePath}`);
  });
});

describe('files copied back by hand with loose permissions (P11)', () => {
  if (process.platform === 'win32') console.log('Windows: file modes are not tightened there (the user profile protects the data); the permission test cannot run.');
  if (process.platform !== 'linux') console.log(`${process.platform}: no immutable attribute (chattr) to make a key file Loket cannot tighten; that test cannot run.`);
  it.skipIf(process.platform === 'win32')('the lists folder (0700), its editions, the key file and a restore\'s kept folder (0600) are tightened when the database is opened', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const made = await cli(['import', writeSampleCsv(dir), '--list', 'PBI', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db]);
    expect(made.code, made.stderr).toBe(0);
    const lists = `${db}.lists`;
    const edition = join(lists, 'e1.db');
    const kept = join(dir, 'loket.db.sebelum-pemulihan-2026-11-30T1900');
    const backedUp = await cli(['backup', '--db', db, '--out', join(dir, 'cadangan.db')]);
    expect(backedUp.code, backedUp.stderr).toBe(0);
    // A restore's kept folder, as database-restore.ts leaves it, here made by hand from the backup.
    cpSync(join(dir, 'cadangan.db'), join(kept, 'loket.db'));
    for (const file of [db, edition, keyFilePathOf(db), join(kept, 'loket.db')]) chmodSync(file, 0o644);
    for (const folder of [lists, kept]) chmodSync(folder, 0o755);

    const opened = await cli(['lists', '--db', db]);
    expect(opened.code, opened.stderr).toBe(0);
    expect(mode(db)).toBe(0o600);
    expect(mode(lists)).toBe(0o700);
    expect(mode(edition)).toBe(0o600);
    expect(mode(keyFilePathOf(db))).toBe(0o600);
    expect(mode(kept)).toBe(0o700);
    expect(mode(join(kept, 'loket.db'))).toBe(0o600);
    expect(opened.stderr).not.toMatch(/dapat dibaca pengguna lain/);
  });

  // A key file Loket cannot tighten (another account's file): made so here by the immutable attribute, which even root's chmod obeys.
  it.skipIf(process.platform !== 'linux')('a key file that stays readable by others is named, with what to do', async (context) => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const made = await cli(['import', writeSampleCsv(dir), '--list', 'PBI', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db]);
    expect(made.code, made.stderr).toBe(0);
    const keyFile = keyFilePathOf(db);
    chmodSync(keyFile, 0o644);
    if (spawnSync('chattr', ['+i', keyFile]).status !== 0) {
      // Not root, or a file system without the attribute: no way to make a key file Loket cannot tighten.
      console.log('chattr +i failed here (not root, or a file system without the immutable attribute): the unreadable-key-file test cannot run.');
      return context.skip();
    }
    try {
      const opened = await cli(['lists', '--db', db]);
      expect(opened.code, opened.stderr).toBe(0);
      expect(opened.stderr).toContain(`Berkas kunci ${keyFile} dapat dibaca pengguna lain di komputer ini, dan Loket tidak dapat membatasinya`);
      expect(mode(keyFile)).toBe(0o644);
    } finally {
      spawnSync('chattr', ['-i', keyFile]);
    }
  });
});
