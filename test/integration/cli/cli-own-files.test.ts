import { copyFileSync, cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyFilePathOf } from '../../../src/core/store/database-key';
import { formatMessage } from '../../../src/shared/i18n/messages';
import { snapshotDir } from '../../helpers/keyed-database';
import { SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { loket, requireBuiltCli } from '../../helpers/loket-command';

/** Without a key from this shell's environment unless the test gives one. */
const cli = (args: string[], env: Record<string, string> = {}) => loket(args, { LOKET_DB_KEY: '', LOKET_DB_KEY_FILE: '', ...env });

const tempDir = useTempDir();

beforeAll(requireBuiltCli);

/** A database with a list and one registration, made by the command as an IT officer would. */
async function counterDatabase(): Promise<string> {
  const dir = tempDir();
  const db = join(dir, 'loket.db');
  const made = await cli(['import', writeSampleCsv(dir), '--list', 'PBI', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db]);
  expect(made.code, made.stderr).toBe(0);
  const registered = await cli(['daftar', SITI.nik, '--unit', 'UMUM', '--db', db]);
  expect(registered.code, registered.stderr).toBe(0);
  return db;
}

describe('loket key export and loket backup never write over the database they serve', () => {
  it('--out naming the database, its WAL, its key file or its lists folder is refused in words (exit 1); the register, the lists and the key stay', async () => {
    const db = await counterDatabase();
    const key = readFileSync(keyFilePathOf(db), 'utf8');
    const editions = snapshotDir(`${db}.lists`);
    for (const [command, out] of [
      [['key', 'export'], db],
      [['key', 'export'], keyFilePathOf(db)],
      [['backup'], db],
      [['backup'], `${db}-wal`],
      [['backup'], join(`${db}.lists`, 'cadangan.db')],
    ] as const) {
      const result = await cli([...command, '--db', db, '--out', out]);
      expect(result.code, `${command.join(' ')} --out ${out}`).toBe(1);
      expect(result.stderr).toMatch(/berkas data Loket sendiri .*pilih tempat lain/);
      expect(result.stdout).toBe('');
    }
    const inEnglish = await cli(['backup', '--db', db, '--out', db, '--lang', 'en']);
    expect(inEnglish.stderr).toMatch(/one of Loket's own data files .*Nothing was written; choose another place/);
    expect(readFileSync(keyFilePathOf(db), 'utf8')).toBe(key);
    expect(snapshotDir(`${db}.lists`)).toEqual(editions);
    const lists = await cli(['lists', '--db', db]);
    expect(lists.code, lists.stderr).toBe(0);
    expect(lists.stdout).toMatch(/PBI .*edisi 1/);
    expect((await cli(['antrean', '--unit', 'UMUM', '--db', db])).stdout).toContain('SITI AMINAH');
  });

  it('a backup to a folder that does not exist names the folder and says what to do, not SQLite\'s "unable to open database"', async () => {
    const db = await counterDatabase();
    const missing = join(tempDir(), 'flashdisk');
    const result = await cli(['backup', '--db', db, '--out', join(missing, 'cadangan.db')]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`Folder ${missing} tidak ada. Pilih folder yang ada (mis. flashdisk yang terpasang), lalu simpan lagi; tidak ada yang ditulis.`);
    expect(existsSync(missing)).toBe(false);
  });

  it('the backup is private like the database (0600), and one made before a re-key opens only with the recovery key of its time, which the message says', async () => {
    const db = await counterDatabase();
    const usb = tempDir();
    const oldRecovery = join(usb, 'kunci-pemulihan-lama.txt');
    const backup = join(usb, 'cadangan.db');
    expect((await cli(['key', 'export', '--db', db, '--out', oldRecovery])).code).toBe(0);
    expect((await cli(['backup', '--db', db, '--out', backup])).code).toBe(0);
    if (process.platform !== 'win32') expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect((await cli(['key', 'rekey', '--db', db])).code).toBe(0);

    // Restored as the docs say, beside the current (re-keyed) key file: the key does not fit, and the message says which key to look for.
    const restored = join(tempDir(), 'loket.db');
    copyFileSync(backup, restored);
    cpSync(`${backup}.lists`, `${restored}.lists`, { recursive: true });
    copyFileSync(keyFilePathOf(db), keyFilePathOf(restored));
    const refused = await cli(['lists', '--db', restored]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/kunci yang diberikan salah.*Cadangan yang dibuat sebelum kunci diganti hanya terbuka dengan kunci pemulihan yang disimpan saat cadangan itu dibuat: berikan dengan --key-file, atau salin sebagai loket\.db\.key/);
    expect(formatMessage('en', 'database/wrong-key', { path: restored })).toMatch(/A backup made before the key was changed opens only with the recovery key saved when that backup was made/);
    // The recovery key of its time opens it (copied as loket.db.key, as docs/encryption.md says).
    copyFileSync(oldRecovery, keyFilePathOf(restored));
    const opened = await cli(['antrean', '--unit', 'UMUM', '--db', restored]);
    expect(opened.code, opened.stderr).toBe(0);
    expect(opened.stdout).toContain('SITI AMINAH');
  });
});
